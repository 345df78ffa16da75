import {
  factsResponseSchema,
  indicatorsResponseSchema,
  metaSchema,
  observationsResponseSchema,
  organizationsResponseSchema,
  type Dataset,
  type Observation,
} from '../../domain/schemas'
import { mergeObservations, mergeYears } from '../../domain/merge'

/**
 * The published dataset after an import: the observations merged, the new years offered, the
 * update time set. Every file is parsed by its schema on the way out, as the app will parse it.
 */

export const DATASET_FILES = [
  'meta.json',
  'indicators.json',
  'facts.json',
  'organizations.json',
  'observations.json',
] as const
export type DatasetFileName = (typeof DATASET_FILES)[number]

/** An instant as ISO 8601 in China time with seconds and offset: 2026-11-27T09:00:00+08:00. */
export function chinaTimestamp(date: Date): string {
  const shifted = new Date(date.getTime() + 8 * 3600_000)
  return `${shifted.toISOString().slice(0, 19)}+08:00`
}

export function datasetAfterImport(dataset: Dataset, updates: Observation[], now: Date): Dataset {
  return {
    ...dataset,
    meta: {
      ...dataset.meta,
      years: mergeYears(dataset.meta.years, updates),
      updatedAt: chinaTimestamp(now),
    },
    observations: mergeObservations(dataset.observations, updates),
  }
}

/** The five files of docs/api.md, each checked by its schema, as the text that is written. */
export function datasetFileTexts(d: Dataset): Record<DatasetFileName, string> {
  const text = (body: unknown) => `${JSON.stringify(body, null, 1)}\n`
  return {
    'meta.json': text(metaSchema.parse(d.meta)),
    'indicators.json': text(indicatorsResponseSchema.parse({ items: d.indicators })),
    'facts.json': text(factsResponseSchema.parse({ items: d.facts })),
    'organizations.json': text(organizationsResponseSchema.parse({ items: d.organizations })),
    'observations.json': text(observationsResponseSchema.parse({ items: d.observations })),
  }
}

/** Reads a dataset from the five files' parsed JSON; throws with the file name on a bad one. */
export function parseDataset(files: Record<DatasetFileName, unknown>): Dataset {
  const parse = <T>(name: DatasetFileName, fn: () => T): T => {
    try {
      return fn()
    } catch (err) {
      throw new Error(`${name} 不符合数据规范:${err instanceof Error ? err.message : String(err)}`)
    }
  }
  return {
    meta: parse('meta.json', () => metaSchema.parse(files['meta.json'])),
    indicators: parse(
      'indicators.json',
      () => indicatorsResponseSchema.parse(files['indicators.json']).items,
    ),
    facts: parse('facts.json', () => factsResponseSchema.parse(files['facts.json']).items),
    organizations: parse(
      'organizations.json',
      () => organizationsResponseSchema.parse(files['organizations.json']).items,
    ),
    observations: parse(
      'observations.json',
      () => observationsResponseSchema.parse(files['observations.json']).items,
    ),
  }
}
