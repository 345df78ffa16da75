import type { Indicator, Qualifier } from '@/domain/schemas'

/**
 * Number formatting as the report writes it: qualifiers stay with the number (20余, ≥50%), units
 * follow, large numbers switch to 万 / 亿. Anything that is not a finite number becomes 无数据, so
 * NaN, Infinity, null or undefined never reach the screen.
 */

export const NO_DATA = '无数据'

export function formatNumber(value: unknown, maxFractionDigits = 1): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return NO_DATA
  // Choose the unit after rounding, so 99,999,999 is 1亿 (not 10000万) and 99,999.96 is 10万.
  const plain = Math.abs(Number(value.toFixed(maxFractionDigits)))
  const wan = Math.abs(Number((value / 1e4).toFixed(1)))
  if (Math.abs(value) >= 1e8 || wan >= 1e4) return `${trim(value / 1e8, 2)}亿`
  if (plain >= 1e5) return `${trim(value / 1e4, 1)}万`
  return trim(value, maxFractionDigits)
}

function trim(value: number, digits: number): string {
  const fixed = value.toFixed(digits)
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed
}

export interface FormattedValue {
  /** The number with its qualifier as shown in large type: "20余", "≥50", "86.8". */
  figure: string
  /** The unit after it: "次", "%", "课时". */
  unit: string
  /** Both together, for tables, tooltips and accessible names: "20余次", "≥50%". */
  text: string
}

export function formatValue(
  value: unknown,
  unit: string,
  qualifier: Qualifier | null = null,
): FormattedValue {
  const number = formatNumber(value)
  if (number === NO_DATA) return { figure: NO_DATA, unit: '', text: NO_DATA }
  const figure =
    qualifier === 'approx' ? `${number}余` : qualifier === 'at-least' ? `≥${number}` : number
  return { figure, unit, text: `${figure}${unit}` }
}

export function formatIndicatorValue(
  indicator: Pick<Indicator, 'unit'>,
  value: unknown,
  qualifier: Qualifier | null,
): FormattedValue {
  return formatValue(value, indicator.unit, qualifier)
}

/** A share such as 72 / 401, as a percentage with one decimal; 无数据 when it cannot be computed. */
export function formatShare(part: unknown, whole: unknown): string {
  if (
    typeof part !== 'number' ||
    typeof whole !== 'number' ||
    whole <= 0 ||
    !Number.isFinite(part)
  ) {
    return NO_DATA
  }
  return `${trim((part / whole) * 100, 1)}%`
}

/** China time is UTC+8 all year (no daylight saving since 1991). */
const CHINA_OFFSET_MS = 8 * 3600 * 1000
const pad2 = (n: number) => String(n).padStart(2, '0')

/**
 * "2026-11-27 09:00" in China time, whatever the machine's time zone. Plain arithmetic rather than
 * Intl.DateTimeFormat: creating a formatter costs tens of ms the first time (its locale data),
 * on the path of the first render, and the clock formats every second.
 */
export function formatDateTime(iso: string | number | Date): string {
  const t = new Date(iso).getTime()
  if (Number.isNaN(t)) return NO_DATA
  const d = new Date(t + CHINA_OFFSET_MS)
  const date = `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`
  return `${date} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`
}

export function formatTime(iso: string | number | Date): string {
  return formatDateTime(iso).slice(11)
}

/**
 * A moment as short as it can be told apart from today, in China time: "09:00" today,
 * "11月27日 09:00" another day this year, "2025年11月27日 09:00" another year.
 */
export function formatMoment(iso: string | number | Date, now: Date = new Date()): string {
  const at = formatDateTime(iso)
  if (at === NO_DATA) return NO_DATA
  const today = formatDateTime(now)
  const [date, time] = at.split(' ') as [string, string]
  const [y, m, d] = date.split('-')
  if (date === today.slice(0, 10)) return time
  const day = `${Number(m)}月${Number(d)}日 ${time}`
  return y === today.slice(0, 4) ? day : `${y}年${day}`
}
