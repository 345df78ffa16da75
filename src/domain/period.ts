import type { Observation, Period } from './schemas'

/**
 * What a figure covers when it is not one calendar year, as the card says it: 2012年以来累计,
 * 近3年(2022–2024年), 2024年单次事件. Null for a calendar year's figure (the usual case).
 */
export function periodLabel(period: Period | undefined, year: number): string | null {
  if (!period) return null
  switch (period.kind) {
    case 'since':
      return `${period.from}年以来累计`
    case 'recent-years':
      return `近${period.years}年(${year - period.years + 1}–${year}年)`
    case 'one-off':
      return `${year}年单次事件`
  }
}

/** Why such a figure has no 同比, sparkline or trend line. */
export const NOT_ANNUAL_NOTE = '非单一年度数据,不作同比与走势'

/** The observation covers exactly its calendar year (and can stand in a yearly series). */
export const isAnnual = (o: Pick<Observation, 'period'>): boolean => o.period === undefined

/**
 * The years to offer: all of the data's with demo data shown; without it only the years with a
 * reported figure (the others hold nothing but 示例 values), or all when none has one.
 */
export function shownYears(
  years: readonly number[],
  reportedYears: ReadonlySet<number>,
  showDemo: boolean,
): number[] {
  const reported = years.filter((y) => reportedYears.has(y))
  return showDemo || reported.length === 0 ? [...years] : reported
}
