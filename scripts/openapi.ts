/**
 * docs/openapi.json: the data API of docs/api.md as an OpenAPI 3.1 document, its schemas generated
 * with zod's z.toJSONSchema from src/domain/schemas.ts — the schemas the app parses responses
 * with — so a backend team gets a machine-readable contract that cannot drift: a test fails when
 * the committed file differs from what this script generates.
 *
 *   npm run openapi            rewrites docs/openapi.json
 */
import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { format, resolveConfig } from 'prettier'
import { z } from 'zod'
import { APP_TITLE } from '../src/config/app'
import {
  groupSchema,
  indicatorSchema,
  indicatorsResponseSchema,
  metaSchema,
  observationSchema,
  observationsResponseSchema,
  organizationSchema,
  organizationsResponseSchema,
} from '../src/domain/schemas'

export const OPENAPI_PATH = 'docs/openapi.json'

type JsonObject = Record<string, unknown>

/** The component schemas, by name, as JSON Schema 2020-12 (what OpenAPI 3.1 uses). */
export function componentSchemas(): Record<string, JsonObject> {
  const registry = z.registry<{ id: string }>()
  registry.add(groupSchema, { id: 'Group' })
  registry.add(metaSchema, { id: 'Meta' })
  registry.add(indicatorSchema, { id: 'Indicator' })
  registry.add(organizationSchema, { id: 'Organization' })
  registry.add(observationSchema, { id: 'Observation' })
  registry.add(indicatorsResponseSchema, { id: 'IndicatorsResponse' })
  registry.add(organizationsResponseSchema, { id: 'OrganizationsResponse' })
  registry.add(observationsResponseSchema, { id: 'ObservationsResponse' })
  // The input side: what a response must look like for the app to accept it.
  const { schemas } = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    io: 'input',
    uri: (id) => `#/components/schemas/${id}`,
  })
  const out: Record<string, JsonObject> = {}
  for (const [id, schema] of Object.entries(schemas)) {
    const { $schema: _s, $id: _i, ...rest } = schema as JsonObject
    out[id] = rest
  }
  return out
}

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` })

function getOperation(id: string, summary: string, description: string, schema: string) {
  return {
    get: {
      operationId: id,
      summary,
      description,
      responses: {
        '200': {
          description:
            'OK. UTF-8 JSON; send `Cache-Control: no-cache` with an `ETag` or `Last-Modified`.',
          content: { 'application/json': { schema: ref(schema) } },
        },
        default: {
          description:
            'Any non-2xx status is an error: the app retries (1 s, 2 s, 4 s) and shows 数据源返回错误(HTTP n).',
        },
      },
    },
  }
}

export function buildOpenApiDocument(): JsonObject {
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: `${APP_TITLE} — data API`,
      version: '1.0.0',
      description:
        'Four read-only resources the dashboard fetches from `{apiBaseUrl}` (runtime config `config.json`). ' +
        'Generated from src/domain/schemas.ts by `npm run openapi`; docs/api.md explains every field and the rules ' +
        'beyond the schema (rates 0–100, references, one observation per indicator, organisation and year). ' +
        'Unknown fields are ignored; nullable fields must be present. Indicators and observations are validated ' +
        'item by item: one invalid item is dropped and reported under its indicator.',
    },
    servers: [
      { url: './data', description: 'The static files of the production build (default).' },
    ],
    paths: {
      '/meta.json': getOperation(
        'getMeta',
        'Dataset description',
        'Region, reporting period, years, source report, the four groups and the findings.',
        'Meta',
      ),
      '/indicators.json': getOperation(
        'getIndicators',
        'Indicator catalogue',
        'Every figure of the report, in display order; observations refer to `id`.',
        'IndicatorsResponse',
      ),
      '/organizations.json': getOperation(
        'getOrganizations',
        'Organisations',
        'The district (`tzw`), its towns and offices, and departments. Validated as a whole.',
        'OrganizationsResponse',
      ),
      '/observations.json': getOperation(
        'getObservations',
        'Observations',
        'One value per indicator, organisation and year; `status` reported or demo.',
        'ObservationsResponse',
      ),
    },
    components: { schemas: componentSchemas() },
  }
}

/** The document as committed: JSON formatted by the project's prettier settings. */
export async function openApiText(): Promise<string> {
  const options = (await resolveConfig(resolve(OPENAPI_PATH))) ?? {}
  return format(JSON.stringify(buildOpenApiDocument()), { ...options, parser: 'json' })
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const text = await openApiText()
  writeFileSync(resolve(OPENAPI_PATH), text)
  console.log(`wrote ${OPENAPI_PATH}`)
}
