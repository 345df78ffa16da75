import type { Observation } from '../../domain/schemas'
import { keyOf, sameObservation } from '../../domain/merge'
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
