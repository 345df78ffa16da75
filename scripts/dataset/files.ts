import {
  factsResponseSchema,
  indicatorsResponseSchema,
  metaSchema,
  observationsResponseSchema,
  organizationsResponseSchema,
  type Dataset,
} from '../../src/domain/schemas'

/** The dataset as the five files (and payloads) of the API contract, each checked by its schema. */
export function datasetFiles(d: Dataset) {
  return {
    'meta.json': metaSchema.parse(d.meta),
    'indicators.json': indicatorsResponseSchema.parse({ items: d.indicators }),
    'facts.json': factsResponseSchema.parse({ items: d.facts }),
    'organizations.json': organizationsResponseSchema.parse({ items: d.organizations }),
    'observations.json': observationsResponseSchema.parse({ items: d.observations }),
  }
}
