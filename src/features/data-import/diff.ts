import equal from 'fast-deep-equal'
import type { Fact, Indicator, Observation, Target } from '../../domain/schemas'
import { keyOf, sameObservation } from '../../domain/merge'
import type { FactRow } from './facts'
import type { TargetRow } from './targets'
import type { ImportedRow } from './types'

export type ChangeKind = 'new' | 'changed' | 'unchanged'

export interface Change {
  kind: ChangeKind
  /** Row of the file. */
  row: number
  observation: Observation
  /** The current observation with the same indicator, organisation and year, if any. */
  previous: Observation | null
  note: string | null
}

export interface ImportDiff {
  changes: Change[]
  counts: Record<ChangeKind, number>
}

/** Each row of the file against the current data: new, changed or unchanged. */
export function diffRows(current: Observation[], rows: ImportedRow[]): ImportDiff {
  const byKey = new Map(current.map((o) => [keyOf(o), o]))
  const counts: Record<ChangeKind, number> = { new: 0, changed: 0, unchanged: 0 }
  const changes = rows.map((r): Change => {
    const previous = byKey.get(keyOf(r.observation)) ?? null
    const kind: ChangeKind =
      previous === null ? 'new' : sameObservation(previous, r.observation) ? 'unchanged' : 'changed'
    counts[kind]++
    return { kind, row: r.row, observation: r.observation, previous, note: r.note }
  })
  return { changes, counts }
}

/** The observations that actually change something (new or changed), in file order. */
export function effectiveUpdates(diff: ImportDiff): Observation[] {
  return diff.changes.filter((c) => c.kind !== 'unchanged').map((c) => c.observation)
}

/** A row of 目标 against the indicator's current target. */
export interface TargetChange {
  kind: ChangeKind
  row: number
  indicator: Indicator
  previous: Target | null
  target: Target | null
}

export function diffTargets(rows: TargetRow[]): TargetChange[] {
  return rows.map(({ row, indicator, target }) => ({
    kind:
      indicator.target === null && target !== null
        ? 'new'
        : equal(indicator.target, target)
          ? 'unchanged'
          : 'changed',
    row,
    indicator,
    previous: indicator.target,
    target,
  }))
}

/** A row of 定性事实 against the published fact with the same code. */
export interface FactChange {
  kind: ChangeKind
  row: number
  fact: Fact
  previous: Fact | null
}

export function diffFacts(current: Fact[], rows: FactRow[]): FactChange[] {
  const byCode = new Map(current.map((f) => [f.code, f]))
  return rows.map(({ row, fact }) => {
    const previous = byCode.get(fact.code) ?? null
    const kind = previous === null ? 'new' : equal(previous, fact) ? 'unchanged' : 'changed'
    return { kind, row, fact, previous }
  })
}

/** How many of the changes change something. */
export const changeCount = (changes: { kind: ChangeKind }[]) =>
  changes.filter((c) => c.kind !== 'unchanged').length
