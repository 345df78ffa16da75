import type { Direction, Qualifier } from '@/domain/schemas'
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
  /** 余 (more than: 20余) or 以上 (at least: ≥50): the value is a bound, not an exact figure. */
  qualifier: Qualifier | null
  /**
   * The value covers the calendar year (false: 近3年, 2012年以来, a single event): it has no place
   * in a yearly series, so no change is computed from it.
   */
  annual: boolean
}

/** How a change reads against the indicator's better direction (lower can be better). */
export type ChangeTone = 'better' | 'worse' | 'flat' | 'neutral' | 'uncertain' | 'none'

/**
 * What the change is, given the qualifiers of its ends: exact, or a bound. 20余 against 19 is a
 * rise of more than 1 (`more`); ≥160 against 150 at least 10 (`at-least`); 25 against 20余 a rise
 * of less than 5 (`less`), against ≥20 at most 5 (`at-most`).
 */
export type ChangeBound = 'exact' | 'more' | 'at-least' | 'less' | 'at-most'

export interface YearChange {
  year: number
  baseYear: number
  /** current − base, in the indicator's unit (percentage points for rates); null = 无数据. */
  delta: number | null
  /** delta ÷ |base| × 100; null when it cannot be computed (no value, or a base of 0). */
  pct: number | null
  tone: ChangeTone
  /**
   * Why there is no change to show: 'ok', which value is missing, a zero base for pct, an end
   * that is not a calendar year's figure, or both ends bounds (≥a against b余: no change follows).
   */
  reason: 'ok' | 'no-current' | 'no-base' | 'zero-base' | 'not-annual' | 'both-bounds'
  /** Either end is a demo value: the change is demo too. */
  demo: boolean
  /** `delta` and `pct` are exact, or a bound of the true change. */
  bound: ChangeBound
}

/** Float noise (0.1 + 0.2) must not turn "no change" into a tiny rise; -0 becomes 0. */
const clean = (n: number) => Math.round(n * 1e9) / 1e9 || 0

/** The sign of the true change, when the bound decides it: +1, -1, 0 (none), or null (unknown). */
function knownSign(delta: number, bound: ChangeBound): 1 | -1 | 0 | null {
  const d = clean(delta)
  if (bound === 'exact') return d === 0 ? 0 : d > 0 ? 1 : -1
  if (bound === 'more') return d >= 0 ? 1 : null
  if (bound === 'at-least') return d > 0 ? 1 : null
  if (bound === 'less') return d <= 0 ? -1 : null
  return d < 0 ? -1 : null
}

export function changeTone(
  delta: number | null,
  direction: Direction,
  bound: ChangeBound = 'exact',
): ChangeTone {
  if (delta === null || !Number.isFinite(delta)) return 'none'
  const sign = knownSign(delta, bound)
  if (sign === null) return 'uncertain'
  if (sign === 0) return 'flat'
  if (direction === 'neutral') return 'neutral'
  return sign > 0 === (direction === 'higher') ? 'better' : 'worse'
}

/** The bound of current − base from the two qualifiers; null when both are bounds. */
function boundOf(current: Qualifier | null, base: Qualifier | null): ChangeBound | null {
  if (current && base) return null
  if (current) return current === 'approx' ? 'more' : 'at-least'
  if (base) return base === 'approx' ? 'less' : 'at-most'
  return 'exact'
}

/**
 * The change of `year` against the calendar year before it. A missing year on either side gives
 * no change (never a change from or to 0); a base of 0 gives the absolute change but no percentage.
 * A figure that is not one calendar year's gives none either, and a 余 or 以上 end makes the change
 * a bound (`bound`), never an approximation.
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
    bound: 'exact' as ChangeBound,
  }
  const none = (reason: YearChange['reason']): YearChange => ({
    ...result,
    delta: null,
    pct: null,
    tone: 'none',
    reason,
  })
  if (!current || current.value === null || !Number.isFinite(current.value)) {
    return none('no-current')
  }
  if (!current.annual) return none('not-annual')
  if (!base || base.value === null || !Number.isFinite(base.value)) return none('no-base')
  if (!base.annual) return none('not-annual')
  const bound = boundOf(current.qualifier, base.qualifier)
  if (bound === null) return none('both-bounds')
  result.bound = bound
  const delta = clean(current.value - base.value)
  const tone = changeTone(delta, direction, bound)
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

/** The sign put before a bounded change: >+1次 (more than), ≥+10课时, <+5次, ≤+5次. */
export const BOUND_SIGN: Record<ChangeBound, string> = {
  exact: '',
  more: '>',
  'at-least': '≥',
  less: '<',
  'at-most': '≤',
}

/** The bound in words, for accessible names and tooltips. */
const BOUND_WORD: Record<ChangeBound, string> = {
  exact: '',
  more: '超过',
  'at-least': '不少于',
  less: '不到',
  'at-most': '不超过',
}

/** Why a change is not shown, in words a user reads. */
export const NO_CHANGE_REASON: Record<Exclude<YearChange['reason'], 'ok' | 'zero-base'>, string> = {
  'no-current': NO_DATA,
  'no-base': NO_DATA,
  'not-annual': '非单一年度数据,不作同比',
  'both-bounds': '两年均非确数(余、以上),不作同比',
}

/** "+12次", "-1.5个百分点", "0次", ">+1次" (a bound); 无数据 when there is none. */
export function formatDelta(change: Pick<YearChange, 'delta' | 'bound'>, unit: string): string {
  if (change.delta === null) return NO_DATA
  return `${BOUND_SIGN[change.bound]}${signed(change.delta, 2)}${changeUnit(unit)}`
}

/** "+3.2%", "0%", ">+5.3%"; "基数为0" when the base is 0; 无数据 when there is no change. */
export function formatPct(change: Pick<YearChange, 'pct' | 'reason' | 'bound'>): string {
  if (change.reason === 'zero-base') return '基数为0'
  if (change.pct === null) return NO_DATA
  return `${BOUND_SIGN[change.bound]}${signed(change.pct, 1)}%`
}

/** ▲ ▼ ＝ by the sign of the change; none when there is no change or its sign is unknown. */
export function changeArrow(change: Pick<YearChange, 'delta' | 'bound'>): string {
  if (change.delta === null) return ''
  const sign = knownSign(change.delta, change.bound ?? 'exact')
  if (sign === null) return ''
  return sign === 0 ? '＝' : sign > 0 ? '▲' : '▼'
}

export const TONE_WORD: Record<ChangeTone, string> = {
  better: '向好',
  worse: '变差',
  flat: '持平',
  neutral: '不评优劣',
  uncertain: '增减不确定',
  none: '',
}

/** The change in words, for accessible names, titles and tooltips. */
export function describeChange(change: YearChange, unit: string): string {
  const head = `同比(${change.year}年较${change.baseYear}年,派生)`
  if (change.reason === 'no-current') return `${head}:${change.year}年${NO_DATA}`
  if (change.reason === 'no-base') return `${head}:${change.baseYear}年${NO_DATA},无法比较`
  if (change.reason === 'not-annual' || change.reason === 'both-bounds') {
    return `${head}:${NO_CHANGE_REASON[change.reason]}`
  }
  const bound = BOUND_WORD[change.bound]
  const parts = [
    `${bound}${formatDelta({ ...change, bound: 'exact' }, unit)}`,
    change.reason === 'zero-base'
      ? formatPct(change)
      : `${bound}${formatPct({ ...change, bound: 'exact' })}`,
    TONE_WORD[change.tone],
  ]
  return `${head}:${parts.filter(Boolean).join(',')}${change.demo ? ';含示例数据' : ''}`
}

/**
 * A short text for a card: the arrow carries the sign, so "▲3.2%" for counts (percent) and
 * "▼1.3百分点" for rates (percentage points); "持平" for no change; a bound keeps its sign
 * ("▲>5.3%"); 不作同比 when a change cannot be stated (why: describeChange); else 无数据.
 */
export function shortChange(change: YearChange, unit: string): string {
  // The reason is in the mark's title and accessible name (describeChange); the card is narrow.
  if (change.reason === 'not-annual' || change.reason === 'both-bounds') return '不作同比'
  if (change.delta === null) return NO_DATA
  if (change.tone === 'flat') return '持平'
  // A bound whose sign is unknown (>-2: up by any amount or down by less than 2) has no arrow;
  // it is written with its own sign.
  if (change.tone === 'uncertain') return formatDelta(change, unit)
  const sign = BOUND_SIGN[change.bound]
  if (unit === '%') return `${sign}${formatNumber(Math.abs(change.delta), 2)}百分点`
  if (change.pct === null) return `${sign}${formatNumber(Math.abs(change.delta), 2)}${unit}`
  return `${sign}${formatNumber(Math.abs(change.pct), 1)}%`
}

// ------------------------------------------------------------------ components

/** "▲ +3.2%" coloured by whether the change is for the better; hatched when it rests on demo data. */
