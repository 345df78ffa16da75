import type { Indicator, Organization } from '@/domain/schemas'

/**
 * The comparison's selection lives in the hash query next to the filters (year, org, demo):
 *   #/compare?ind=a,b&orgs=x,y&years=2022,2024&focus=a&sort=y2024:desc
 * These are its reader and writer of parameters; the URL itself is read and written through
 * src/stores/url-state.ts, the one writer of the query.
 * Reading it is forgiving: unknown ids, years the data does not have, duplicates and malformed
 * values are dropped, never an error. A parameter that is absent takes its default; one that is
 * present but empty stays empty (the user cleared it); one whose units or years are all dropped
 * (示例单位 and demo years once demo data is hidden) takes its default too.
 */

export type SortDir = 'asc' | 'desc'
export interface SortState {
  key: string
  dir: SortDir
}

export interface CompareSelection {
  /** In catalogue order. */
  indicatorIds: string[]
  /** In the order of organizations.json (district, towns, departments). */
  orgIds: string[]
  /** Ascending. */
  years: number[]
  /** The indicator of the single-indicator charts (ranking, years, change, trend). */
  focusId: string | null
  sort: SortState | null
}

export interface SelectionBounds {
  indicators: readonly Pick<Indicator, 'id' | 'target' | 'breakdown'>[]
  organizations: readonly Pick<Organization, 'id' | 'type'>[]
  years: readonly number[]
}

export const PARAM = {
  indicators: 'ind',
  orgs: 'orgs',
  years: 'years',
  focus: 'focus',
  sort: 'sort',
} as const

/** Sort keys the table understands: fixed columns and one per year (y2024). */
const SORT_KEY = /^(org|indicator|unit|delta|pct|target|attain|rank|y\d{4})$/

function list(raw: string | null): string[] {
  if (raw === null) return []
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
}

/** Keeps the known values of `wanted` in the order of `known`, once each. */
function keepKnown<T>(known: readonly T[], wanted: Set<T>): T[] {
  return known.filter((k) => wanted.has(k))
}

/**
 * What the view shows when the URL says nothing: the indicators that have a target and are split
 * by department (so the radar has axes and the ranking has entries), the departments, all years.
 */
export function defaultSelection(bounds: SelectionBounds): CompareSelection {
  const withTarget = bounds.indicators.filter((i) => i.target !== null && i.breakdown !== 'none')
  const type = withTarget[0]?.breakdown ?? 'department'
  const byType = withTarget.filter((i) => i.breakdown === type)
  const indicators = (byType.length ? byType : bounds.indicators.slice(0, 4)).slice(0, 6)
  const orgs = bounds.organizations.filter((o) => o.type === type)
  return {
    indicatorIds: indicators.map((i) => i.id),
    orgIds: (orgs.length ? orgs : bounds.organizations).map((o) => o.id),
    years: [...bounds.years].sort((a, b) => a - b),
    focusId: indicators[0]?.id ?? null,
    sort: null,
  }
}

export function selectionFromParams(
  params: URLSearchParams,
  bounds: SelectionBounds,
): CompareSelection {
  const defaults = defaultSelection(bounds)
  const indicatorIds = params.has(PARAM.indicators)
    ? keepKnown(
        bounds.indicators.map((i) => i.id),
        new Set(list(params.get(PARAM.indicators))),
      )
    : defaults.indicatorIds
  // A link whose units or years are all gone (示例单位 and years of 示例 values once demo data is
  // hidden) opens on the defaults, not on an empty comparison; one that names none keeps none.
  const named = <T>(key: string, known: T[], wanted: T[], fallback: T[]) => {
    if (!params.has(key)) return fallback
    const kept = keepKnown(known, new Set(wanted))
    return kept.length === 0 && wanted.length > 0 ? fallback : kept
  }
  const orgIds = named(
    PARAM.orgs,
    bounds.organizations.map((o) => o.id),
    list(params.get(PARAM.orgs)),
    defaults.orgIds,
  )
  const years = named(
    PARAM.years,
    [...bounds.years].sort((a, b) => a - b),
    list(params.get(PARAM.years)).map(Number),
    defaults.years,
  )
  const focus = params.get(PARAM.focus)
  const focusId = focus && indicatorIds.includes(focus) ? focus : (indicatorIds[0] ?? null)
  let sort = sortFromParam(params.get(PARAM.sort))
  // A year column that is no longer shown cannot be sorted by.
  if (sort && /^y\d{4}$/.test(sort.key) && !years.includes(Number(sort.key.slice(1)))) sort = null
  return { indicatorIds, orgIds, years, focusId, sort }
}

export function sortFromParam(raw: string | null): SortState | null {
  if (!raw) return null
  const [key, dir] = raw.split(':')
  if (!key || !SORT_KEY.test(key) || (dir !== 'asc' && dir !== 'desc')) return null
  return { key, dir }
}

/** The selection written into `params` (the other parameters are kept as they are). */
export function selectionToParams(
  params: URLSearchParams,
  selection: CompareSelection,
): URLSearchParams {
  const next = new URLSearchParams(params)
  next.set(PARAM.indicators, selection.indicatorIds.join(','))
  next.set(PARAM.orgs, selection.orgIds.join(','))
  next.set(PARAM.years, selection.years.join(','))
  const focus = selection.focusId
  if (focus && focus !== selection.indicatorIds[0]) next.set(PARAM.focus, focus)
  else next.delete(PARAM.focus)
  if (selection.sort) next.set(PARAM.sort, `${selection.sort.key}:${selection.sort.dir}`)
  else next.delete(PARAM.sort)
  return next
}
