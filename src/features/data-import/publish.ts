import {
  factsResponseSchema,
  indicatorsResponseSchema,
  metaSchema,
  observationsResponseSchema,
  organizationsResponseSchema,
  type Dataset,
  type Fact,
  type Observation,
  type Target,
} from '../../domain/schemas'
import { mergeObservations, mergeYears } from '../../domain/merge'

/**
 * The published dataset after an import: the observations merged, the new years offered, targets
 * set, facts replaced or added, the update time set. Every file is parsed by its schema on the way
 * out, as the app will parse it.
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

export interface OtherUpdates {
  /** Targets to set (null: none) by indicator id, from the sheet 目标. */
  targets?: { indicatorId: string; target: Target | null }[]
  /** Facts from the sheet 定性事实: each replaces the fact with its code (or id), or is added. */
  facts?: Fact[]
}

export function datasetAfterImport(
  dataset: Dataset,
  updates: Observation[],
  now: Date,
  { targets = [], facts = [] }: OtherUpdates = {},
): Dataset {
  const targetOf = new Map(targets.map((t) => [t.indicatorId, t.target]))
  return {
    ...dataset,
    meta: {
      ...dataset.meta,
      years: mergeYears(dataset.meta.years, updates),
      updatedAt: chinaTimestamp(now),
    },
    indicators:
      targetOf.size === 0
        ? dataset.indicators
        : dataset.indicators.map((i) =>
            targetOf.has(i.id) ? { ...i, target: targetOf.get(i.id)! } : i,
          ),
    facts: mergeFacts(dataset.facts, facts),
    observations: mergeObservations(dataset.observations, updates),
  }
}

/** The facts with the updates applied: a fact with the same code or id replaced in place, new ones appended. */
export function mergeFacts(base: Fact[], updates: Fact[]): Fact[] {
  if (updates.length === 0) return base
  const pending = new Set(updates)
  const merged = base.map((f) => {
    const update = updates.find((u) => pending.has(u) && (u.code === f.code || u.id === f.id))
    if (!update) return f
    pending.delete(update)
    return update
  })
  return [...merged, ...pending]
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
