import type { Direction } from '@/domain/schemas'
import { formatNumber, NO_DATA } from '@/lib/format'

/**
 * Year-over-year change of one indicator for one organisation: the maths behind the metric cards'
 * 同比, the 对比分析 change chart and the sparklines' descriptions. Pure and unit-tested.
 */

/** One year of one indicator for one organisation; value null = 无数据 (missing or hidden). */
export interface YearPoint {
  year: number
  value: number | null
  demo: boolean
  /** The figure carries a qualifier (20余, ≥50): any change computed from it is approximate. */
  approx: boolean
}

/** How a change reads against the indicator's better direction (lower can be better). */
export type ChangeTone = 'better' | 'worse' | 'flat' | 'neutral' | 'none'

export interface YearChange {
  year: number
  baseYear: number
  /** current − base, in the indicator's unit (percentage points for rates); null = 无数据. */
  delta: number | null
  /** delta ÷ |base| × 100; null when it cannot be computed (no value, or a base of 0). */
  pct: number | null
  tone: ChangeTone
  /** Why there is no change to show: 'ok', or which value is missing, or a zero base for pct. */
  reason: 'ok' | 'no-current' | 'no-base' | 'zero-base'
  /** Either end is a demo value: the change is demo too. */
  demo: boolean
  approx: boolean
}

/** Float noise (0.1 + 0.2) must not turn "no change" into a tiny rise; -0 becomes 0. */
const clean = (n: number) => Math.round(n * 1e9) / 1e9 || 0

export function changeTone(delta: number | null, direction: Direction): ChangeTone {
  if (delta === null || !Number.isFinite(delta)) return 'none'
  if (clean(delta) === 0) return 'flat'
  if (direction === 'neutral') return 'neutral'
  return delta > 0 === (direction === 'higher') ? 'better' : 'worse'
}

/**
 * The change of `year` against the calendar year before it. A missing year on either side gives
 * no change (never a change from or to 0); a base of 0 gives the absolute change but no percentage.
 */
export function yearOverYear(
  points: readonly YearPoint[],
  year: number,
  direction: Direction,
): YearChange {
  const current = points.find((p) => p.year === year)
  const base = points.find((p) => p.year === year - 1)
  const result = {
    year,
    baseYear: year - 1,
    demo: Boolean(current?.demo || base?.demo),
    approx: Boolean(current?.approx || base?.approx),
  }
  if (!current || current.value === null || !Number.isFinite(current.value)) {
    return { ...result, delta: null, pct: null, tone: 'none', reason: 'no-current' }
  }
  if (!base || base.value === null || !Number.isFinite(base.value)) {
    return { ...result, delta: null, pct: null, tone: 'none', reason: 'no-base' }
  }
  const delta = clean(current.value - base.value)
  const tone = changeTone(delta, direction)
  if (base.value === 0) {
    // 0 → 0 is no change (0 %); 0 → 5 has no percentage.
    return delta === 0
      ? { ...result, delta, pct: 0, tone, reason: 'ok' }
      : { ...result, delta, pct: null, tone, reason: 'zero-base' }
  }
  const pct = clean((delta / Math.abs(base.value)) * 100)
  return { ...result, delta, pct, tone, reason: 'ok' }
}

/** The unit of a change: a rate changes by percentage points, not by percent. */
export function changeUnit(unit: string): string {
  return unit === '%' ? '个百分点' : unit
}

function signed(n: number, digits: number): string {
  const text = formatNumber(Math.abs(n), digits)
  if (clean(n) === 0 || Number(text) === 0) return '0'
  return `${n > 0 ? '+' : '-'}${text}`
}

/** "+12次", "-1.5个百分点", "0次"; 无数据 when there is none. "约" when a figure was 20余. */
export function formatDelta(change: Pick<YearChange, 'delta' | 'approx'>, unit: string): string {
  if (change.delta === null) return NO_DATA
  return `${change.approx ? '约' : ''}${signed(change.delta, 2)}${changeUnit(unit)}`
}

/** "+3.2%", "0%"; "基数为0" when the base is 0; 无数据 when there is no change. */
export function formatPct(change: Pick<YearChange, 'pct' | 'reason'>): string {
  if (change.reason === 'zero-base') return '基数为0'
  if (change.pct === null) return NO_DATA
  return `${signed(change.pct, 1)}%`
}

export function changeArrow(change: Pick<YearChange, 'delta'>): string {
  if (change.delta === null) return ''
  if (clean(change.delta) === 0) return '＝'
  return change.delta > 0 ? '▲' : '▼'
}

export const TONE_WORD: Record<ChangeTone, string> = {
  better: '向好',
  worse: '变差',
  flat: '持平',
  neutral: '不评优劣',
  none: '',
}

/** The change in words, for accessible names, titles and tooltips. */
export function describeChange(change: YearChange, unit: string): string {
  const head = `同比(${change.year}年较${change.baseYear}年,派生)`
  if (change.reason === 'no-current') return `${head}:${change.year}年${NO_DATA}`
  if (change.reason === 'no-base') return `${head}:${change.baseYear}年${NO_DATA},无法比较`
  const parts = [`${formatDelta(change, unit)}`, formatPct(change), TONE_WORD[change.tone]]
  return `${head}:${parts.filter(Boolean).join(',')}${change.demo ? ';含示例数据' : ''}`
}

/**
 * A short text for a card: the arrow carries the sign, so "▲3.2%" for counts (percent) and
 * "▼1.3百分点" for rates (percentage points); "持平" for no change; 无数据 when there is none.
 */
export function shortChange(change: YearChange, unit: string): string {
  if (change.delta === null) return NO_DATA
  if (change.tone === 'flat') return '持平'
  const approx = change.approx ? '约' : ''
  if (unit === '%') return `${approx}${formatNumber(Math.abs(change.delta), 2)}百分点`
  if (change.pct === null) return `${approx}${formatNumber(Math.abs(change.delta), 2)}${unit}`
  return `${approx}${formatNumber(Math.abs(change.pct), 1)}%`
}

// ------------------------------------------------------------------ components

/** "▲ +3.2%" coloured by whether the change is for the better; hatched when it rests on demo data. */
