import { useEffect, useMemo } from 'react'
import type { Dataset } from '@/api/dataset'
import { useRuntimeConfig } from '@/config/runtime-config-context'
import { shownOrganizations } from '@/domain/organizations'
import { shownYears } from '@/domain/period'
import { currentLocation, navigate, useSearchParams } from '@/lib/router/hash-router'

/**
 * The URL is the one source of the state a link should carry: the filters
 * (#/…?year=2023&org=sanyu-town&demo=0) and 对比分析's selection (ind, orgs, years, focus, sort;
 * its reading and writing live in src/features/compare/selection.ts). Components read the query on
 * render and write it through `writeUrlParams`, the one writer; nothing is copied into a store.
 */

export interface UrlWriteOptions {
  /** Replace the history entry (the default: changing a filter should not fill the back button). */
  replace?: boolean
}

/** The query inside the hash as it is now (not as it was when a component last rendered). */
export function currentUrlParams(): URLSearchParams {
  return new URLSearchParams(currentLocation().search)
}

/** The query string with readable commas (a,b rather than a%2Cb); ids and years hold none. */
export function queryString(params: URLSearchParams): string {
  const q = params.toString().replace(/%2C/gi, ',')
  return q ? `?${q}` : ''
}

/**
 * The one writer of the query: `update` gets the URL's parameters as they are now and returns the
 * next ones; the URL changes only if they differ. Other parameters stay as `update` leaves them.
 */
export function writeUrlParams(
  update: (params: URLSearchParams) => URLSearchParams,
  { replace = true }: UrlWriteOptions = {},
): void {
  const current = currentUrlParams()
  const next = update(new URLSearchParams(current))
  if (next.toString() === current.toString()) return
  navigate({ pathname: currentLocation().pathname, search: queryString(next) }, { replace })
}

/** The query inside the hash, read on render (re-renders when it changes). */
export function useUrlParams(): URLSearchParams {
  return useSearchParams()[0]
}

/**
 * Rewrites the URL to its canonical form (`canonicalize` of its parameters), replacing the history
 * entry, whenever it is not: a link with unknown values is corrected to what is shown. A one-way
 * correction of the URL by itself, idempotent; null while what is valid is not known yet.
 */
export function useCanonicalUrl(
  canonicalize: ((params: URLSearchParams) => URLSearchParams) | null,
): void {
  const params = useUrlParams()
  useEffect(() => {
    if (canonicalize && canonicalize(params).toString() !== params.toString()) {
      writeUrlParams(canonicalize, { replace: true })
    }
  }, [params, canonicalize])
}

// --- The filters: year, organisation, demo switch -------------------------------------------

export const DEFAULT_ORG_ID = 'tzw'

export interface Filters {
  year: number
  orgId: string
  showDemo: boolean
}

export interface FilterBounds {
  years: readonly number[]
  /** The report year: the year shown when the URL names none the data has. */
  defaultYear: number
  orgIds: readonly string[]
  /** Organisations with 示例 values alone: offered only while demo data is shown. */
  demoOrgIds: readonly string[]
  /** Years with no reported figure (only 示例 values): offered only while demo data is shown. */
  demoYears: readonly number[]
  /** False when the runtime config hides demo data: then nothing can turn it on. */
  demoAllowed: boolean
}

export const FILTER_PARAM = { year: 'year', org: 'org', demo: 'demo' } as const

/** The filters a query says, with the default for anything unknown or malformed. */
export function filtersFromParams(params: URLSearchParams, bounds: FilterBounds): Filters {
  const year = Number(params.get(FILTER_PARAM.year))
  const org = params.get(FILTER_PARAM.org)
  const showDemo = bounds.demoAllowed && params.get(FILTER_PARAM.demo) !== '0'
  const known = org !== null && bounds.orgIds.includes(org)
  return {
    // A year of 示例 values alone goes with the demo data, like a 示例单位.
    year:
      bounds.years.includes(year) && (showDemo || !bounds.demoYears.includes(year))
        ? year
        : bounds.defaultYear,
    // A 示例单位 goes with the demo data: hidden, the district is shown instead.
    orgId: known && (showDemo || !bounds.demoOrgIds.includes(org)) ? org : DEFAULT_ORG_ID,
    showDemo,
  }
}

/**
 * `params` with the given filters written in (other parameters kept): the district and demo shown
 * are the defaults and leave no parameter.
 */
export function filtersToParams(
  params: URLSearchParams,
  filters: Partial<Filters>,
): URLSearchParams {
  const next = new URLSearchParams(params)
  if (filters.year !== undefined) next.set(FILTER_PARAM.year, String(filters.year))
  if (filters.orgId !== undefined) {
    if (filters.orgId === DEFAULT_ORG_ID) next.delete(FILTER_PARAM.org)
    else next.set(FILTER_PARAM.org, filters.orgId)
  }
  if (filters.showDemo !== undefined) {
    if (filters.showDemo) next.delete(FILTER_PARAM.demo)
    else next.set(FILTER_PARAM.demo, '0')
  }
  return next
}

/** The query with its filters as shown: year always written, unknown values replaced. */
export function canonicalFilterParams(
  params: URLSearchParams,
  bounds: FilterBounds,
): URLSearchParams {
  const filters = filtersFromParams(params, bounds)
  const next = filtersToParams(params, filters)
  // With demo data hidden by the config there is no switch, so no parameter for it.
  if (!bounds.demoAllowed) next.delete(FILTER_PARAM.demo)
  return next
}

/** What the filters may be: the data's years and organisations, and the runtime config's switch. */
export function filterBoundsOf(data: Dataset, demoAllowed: boolean): FilterBounds {
  // What stays with demo data hidden; the rest goes with it.
  const orgs = new Set(shownOrganizations(data.organizations, false, data.reportedOrgIds))
  const years = shownYears(data.meta.years, data.reportedYears, false)
  return {
    years: data.meta.years,
    defaultYear: data.meta.period.year,
    orgIds: data.organizations.map((o) => o.id),
    demoOrgIds: data.organizations.filter((o) => !orgs.has(o)).map((o) => o.id),
    demoYears: data.meta.years.filter((y) => !years.includes(y)),
    demoAllowed,
  }
}

function useFilterBounds(data: Dataset | null): FilterBounds | null {
  const demoAllowed = useRuntimeConfig().config.showDemoData
  return useMemo(() => data && filterBoundsOf(data, demoAllowed), [data, demoAllowed])
}

/** The active filters, read from the URL on render. */
export function useFilters(data: Dataset): Filters {
  const params = useUrlParams()
  const bounds = useFilterBounds(data)!
  return useMemo(() => filtersFromParams(params, bounds), [params, bounds])
}

/** Sets some filters: writes them into the URL (replacing the history entry unless told). */
export function writeFilters(filters: Partial<Filters>, options?: UrlWriteOptions): void {
  writeUrlParams((params) => filtersToParams(params, filters), options)
}

/** The filters' setter, for components (`writeFilters`: it needs no state of its own). */
export function useSetFilters(): typeof writeFilters {
  return writeFilters
}

/**
 * Writes the canonical filters into the URL at once (replacing the history entry). main.tsx calls
 * it before the first render, so that render already reads the year it shows: written by the
 * effect below, after the first render, the change of URL re-rendered the whole page once more
 * (≈ 50 ms at 1×, ×4 on a slow PC) between the cards and the charts.
 */
export function writeCanonicalFilters(data: Dataset, demoAllowed: boolean): void {
  const bounds = filterBoundsOf(data, demoAllowed)
  writeUrlParams((params) => canonicalFilterParams(params, bounds), { replace: true })
}

/**
 * Corrects the URL's filters to what is shown (an unknown year or organisation, demo=0 where the
 * config hides demo data) and writes the year, so a copied link names the year it shows.
 */
export function useCanonicalFilters(data: Dataset | null): void {
  const bounds = useFilterBounds(data)
  const canonicalize = useMemo(
    () => bounds && ((params: URLSearchParams) => canonicalFilterParams(params, bounds)),
    [bounds],
  )
  useCanonicalUrl(canonicalize)
}
