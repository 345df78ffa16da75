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

  it('is OpenAPI 3.1 with the five endpoints of docs/api.md and their schemas', () => {
    const doc = JSON.parse(committed)
    expect(doc.openapi).toBe('3.1.0')
    expect(Object.keys(doc.paths)).toEqual([
      '/meta.json',
      '/indicators.json',
      '/facts.json',
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
    // issue 13: the source's issuer only when a document names it.
    expect(doc.components.schemas.Meta.properties.source.required).toEqual(['title', 'year'])
    // A period other than the calendar year, optional.
    expect(observation.properties.period).toEqual({ $ref: '#/components/schemas/Period' })
    expect(
      doc.components.schemas.Period.oneOf.map(
        (p: { properties: { kind: { const: string } } }) => p.properties.kind.const,
      ),
    ).toEqual(['since', 'recent-years', 'one-off'])
    // A target with its origin: demo, or a document with its sentence.
    const indicator = doc.components.schemas.Indicator
    expect(indicator.properties.target).toMatchObject({
      anyOf: [{ $ref: '#/components/schemas/Target' }, { type: 'null' }],
    })
    expect(doc.components.schemas.Target.properties.origin).toEqual({
      $ref: '#/components/schemas/TargetOrigin',
    })
    expect(doc.components.schemas.TargetOrigin.oneOf[1].required).toEqual([
      'kind',
      'document',
      'sentence',
    ])
    // Statements without a number.
    expect(doc.paths['/facts.json'].get.responses['200'].content).toEqual({
      'application/json': { schema: { $ref: '#/components/schemas/FactsResponse' } },
    })
    expect(doc.components.schemas.Fact.required).toEqual([
      'id',
      'code',
      'group',
      'kind',
      'year',
      'title',
      'source',
    ])
    expect(doc.components.schemas.FactKind.enum).toEqual(['ranking', 'zero', 'trend', 'coverage'])
  })
})
