// @vitest-environment node
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { buildOpenApiDocument, OPENAPI_PATH, openApiText } from '../../../scripts/openapi'
import { REPO } from './testing'

// Whole workbooks are zipped and parsed: generous on a busy 2-core CI machine.
vi.setConfig({ testTimeout: 30_000 })

/** docs/openapi.json is generated from the zod schemas; regenerate with `npm run openapi`. */
describe('docs/openapi.json', () => {
  const committed = readFileSync(resolve(REPO, OPENAPI_PATH), 'utf8')

  it('is what the zod schemas generate today (run `npm run openapi` after changing them)', async () => {
    expect(JSON.parse(committed)).toEqual(buildOpenApiDocument())
    expect(committed).toBe(await openApiText())
  })

  it('is OpenAPI 3.1 with the four endpoints of docs/api.md and their schemas', () => {
    const doc = JSON.parse(committed)
    expect(doc.openapi).toBe('3.1.0')
    expect(Object.keys(doc.paths)).toEqual([
      '/meta.json',
      '/indicators.json',
      '/organizations.json',
      '/observations.json',
    ])
    const observation = doc.components.schemas.Observation
    expect(observation.required).toEqual([
      'indicatorId',
      'orgId',
      'year',
      'value',
      'qualifier',
      'status',
    ])
    expect(observation.properties.status.enum).toEqual(['reported', 'demo'])
    expect(doc.components.schemas.ObservationsResponse.properties.items.items).toEqual({
      $ref: '#/components/schemas/Observation',
    })
    expect(doc.components.schemas.Meta.properties.groups).toMatchObject({
      minItems: 4,
      maxItems: 4,
    })
  })
})
