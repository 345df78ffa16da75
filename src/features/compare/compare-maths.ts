import type { Direction } from '@/domain/schemas'

/**
 * The comparison maths, pure and unit-tested: ranking with ties by the indicator's better
 * direction, the average of the district's units, and attainment (a value normalised to its
 * target). Year-over-year change lives in src/lib/year-change.ts and is re-exported here, so the
 * metric cards and this view compute it the same way.
 */
export {
  changeArrow,
  changeTone,
  changeUnit,
  describeChange,
  formatDelta,
  formatPct,
  TONE_WORD,
  yearOverYear,
  type ChangeTone,
  type YearChange,
  type YearPoint,
} from '@/lib/year-change'

/** Two values closer than this are a tie (float noise from division must not break a tie). */
const TIE_EPSILON = 1e-9

export interface Rankable {
  id: string
  /** Used to order tied and missing entries, so the order never depends on the input order. */
  label: string
  value: number | null
}

export type Ranked<T extends Rankable> = T & {
  /** 1 = best; ties share a rank and the next rank is skipped (1, 2, 2, 4); null = 无数据. */
  rank: number | null
}

const collator = new Intl.Collator('zh-Hans-CN', { numeric: true })

/**
 * Sorts best first by the indicator's direction: higher → largest first, lower → smallest first,
 * neutral → largest first (the order is by size; the rank says nothing about better or worse).
 * Missing values go last without a rank. Ties share the rank ("standard competition ranking").
 */
export function rankByDirection<T extends Rankable>(
  items: readonly T[],
  direction: Direction,
): Ranked<T>[] {
  const sign = direction === 'lower' ? 1 : -1
  const valued = items.filter((i) => i.value !== null && Number.isFinite(i.value))
  const missing = items.filter((i) => i.value === null || !Number.isFinite(i.value))
  const byName = (a: T, b: T) => collator.compare(a.label, b.label) || (a.id < b.id ? -1 : 1)
  valued.sort((a, b) => {
    const d = (a.value! - b.value!) * sign
    return Math.abs(a.value! - b.value!) <= TIE_EPSILON ? byName(a, b) : d
  })
  missing.sort(byName)
  const ranked: Ranked<T>[] = []
  valued.forEach((item, i) => {
    const prev = ranked[i - 1]
    const tied = prev && Math.abs(prev.value! - item.value!) <= TIE_EPSILON
    ranked.push({ ...item, rank: tied ? prev.rank : i + 1 })
  })
  for (const item of missing) ranked.push({ ...item, rank: null })
  return ranked
}

/** The mean of the values there are; null when there is none (never 0). */
export function mean(values: readonly (number | null)[]): number | null {
  let sum = 0
  let n = 0
  for (const v of values) {
    if (v === null || !Number.isFinite(v)) continue
    sum += v
    n++
  }
  return n === 0 ? null : sum / n
}

/** Attainment above this is drawn at the edge of the radar and written as "≥200%". */
export const ATTAINMENT_CAP = 200

export interface Attainment {
  /** Percent of the target reached, capped at ATTAINMENT_CAP; null when it cannot be computed. */
  percent: number | null
  capped: boolean
}

/**
 * A value normalised to its target, in percent (100 = exactly on target, more = better than it):
 *   higher (and neutral) is better: value ÷ target;
 *   lower is better:                target ÷ value (0 against a positive target is beyond the cap;
 *                                    0 against a target of 0 is 100; anything above 0 then is 0).
 * No value, no target, or a target of 0 or less for a higher-is-better indicator: null.
 */
export function attainment(
  value: number | null,
  target: number | null,
  direction: Direction,
): Attainment {
  const none = { percent: null, capped: false }
  if (value === null || target === null || !Number.isFinite(value) || !Number.isFinite(target)) {
    return none
  }
  let raw: number
  if (direction === 'lower') {
    if (target < 0) return none
    if (value <= 0) raw = target === 0 ? 100 : Infinity
    else raw = (target / value) * 100
  } else {
    if (target <= 0) return none
    raw = (value / target) * 100
  }
  if (raw > ATTAINMENT_CAP) return { percent: ATTAINMENT_CAP, capped: true }
  return { percent: Math.max(0, Math.round(raw * 1e9) / 1e9), capped: false }
}

/** "96.5%", "≥200%", or 无数据. */
export function formatAttainment(a: Attainment): string {
  if (a.percent === null) return '无数据'
  const n = Math.round(a.percent * 10) / 10
  return `${a.capped ? '≥' : ''}${n}%`
}
