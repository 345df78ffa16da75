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
import * as z from 'zod/mini'
import { APP_TITLE } from '../src/config/app'
import {
  CONTRACT_VERSION,
  factKindSchema,
  factSchema,
  factsResponseSchema,
  groupSchema,
  indicatorSchema,
  indicatorsResponseSchema,
  metaSchema,
  observationSchema,
  observationsResponseSchema,
  organizationSchema,
  organizationsResponseSchema,
  periodSchema,
  sourceSchema,
  targetOriginSchema,
  targetSchema,
} from '../src/domain/schemas'

export const OPENAPI_PATH = 'docs/openapi.json'

type JsonObject = Record<string, unknown>

/** The component schemas, by name, as JSON Schema 2020-12 (what OpenAPI 3.1 uses). */
export function componentSchemas(): Record<string, JsonObject> {
  const registry = z.registry<{ id: string }>()
  registry.add(groupSchema, { id: 'Group' })
  registry.add(metaSchema, { id: 'Meta' })
  registry.add(indicatorSchema, { id: 'Indicator' })
  registry.add(targetSchema, { id: 'Target' })
  registry.add(targetOriginSchema, { id: 'TargetOrigin' })
  registry.add(sourceSchema, { id: 'Source' })
  registry.add(factSchema, { id: 'Fact' })
  registry.add(factKindSchema, { id: 'FactKind' })
  registry.add(organizationSchema, { id: 'Organization' })
  registry.add(observationSchema, { id: 'Observation' })
  registry.add(periodSchema, { id: 'Period' })
  registry.add(indicatorsResponseSchema, { id: 'IndicatorsResponse' })
  registry.add(factsResponseSchema, { id: 'FactsResponse' })
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
      version: CONTRACT_VERSION,
      description:
        'Five read-only resources the dashboard fetches from `{apiBaseUrl}` (runtime config `config.json`). ' +
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
        'Every figure of the report, in display order; observations refer to `id`. `target` is null or a ' +
          'value with its `origin`: `demo` (shown marked 示例, hidden with the demo data) or `document` ' +
          '(the document and the sentence of it that sets the target).',
        'IndicatorsResponse',
      ),
      '/facts.json': getOperation(
        'getFacts',
        'Statements without a number',
        "The report's statements that carry no figure — a ranking, a zero, a trend, full coverage — each " +
          'with its source sentence and quote, shown as fact cards in their group. Validated item by item: ' +
          'a malformed fact is dropped and reported under its group; a failed request affects the fact cards only.',
        'FactsResponse',
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
        'One value per indicator, organisation and year; `status` reported or demo. `period` (optional) ' +
          'says what the value covers when it is not the calendar year `year`: since a year (cumulative), ' +
          'the N years ending with `year`, or a one-off event; such values get no yearly series.',
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
