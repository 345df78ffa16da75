import equal from 'fast-deep-equal'
import type { Observation } from './schemas'

/**
 * How imported observations combine with the current ones: a row replaces the observation with the
 * same indicator, organisation and year, or is added; nothing is removed. Pure and small, so the
 * data layer can use it for local data without loading the importer.
 */

export const keyOf = (o: Pick<Observation, 'indicatorId' | 'orgId' | 'year'>) =>
  `${o.indicatorId}|${o.orgId}|${o.year}`

/** The base with the updates applied: replaced in place, new ones appended in their order. */
export function mergeObservations(base: Observation[], updates: Observation[]): Observation[] {
  if (updates.length === 0) return base
  const byKey = new Map(updates.map((o) => [keyOf(o), o]))
  const merged = base.map((o) => {
    const key = keyOf(o)
    const update = byKey.get(key)
    if (!update) return o
    byKey.delete(key)
    return update
  })
  for (const o of byKey.values()) merged.push(o)
  return merged
}

/** The years to offer: the published ones and every year of the updates, ascending. */
export function mergeYears(years: number[], updates: Observation[]): number[] {
  const all = new Set(years)
  for (const o of updates) all.add(o.year)
  if (all.size === years.length) return years
  return [...all].sort((a, b) => a - b)
}

/** Two observations of one key say the same: value, qualifier, status and period (近3年 ≠ 当年). */
export function sameObservation(a: Observation, b: Observation): boolean {
  return (
    a.value === b.value &&
    a.qualifier === b.qualifier &&
    a.status === b.status &&
    equal(a.period ?? null, b.period ?? null)
  )
}
