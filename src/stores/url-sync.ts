import { useEffect } from 'react'
import { useSearchParams } from '@/lib/router/hash-router'
import { useShallow } from 'zustand/react/shallow'
import { DEFAULT_ORG_ID, useUiStore } from './ui-store'

export interface UrlSyncBounds {
  years: number[]
  defaultYear: number
  orgIds: string[]
  /** False when the runtime config hides demo data: then nothing can turn it on. */
  demoAllowed: boolean
}

/** Reads the filters from URL parameters, falling back to defaults for anything unknown. */
export function filtersFromParams(params: URLSearchParams, bounds: UrlSyncBounds) {
  const year = Number(params.get('year'))
  const org = params.get('org')
  return {
    year: bounds.years.includes(year) ? year : bounds.defaultYear,
    orgId: org && bounds.orgIds.includes(org) ? org : DEFAULT_ORG_ID,
    showDemo: bounds.demoAllowed && params.get('demo') !== '0',
  }
}

/**
 * Keeps the filters slice and the URL (?year=&org=&demo=) in step, both ways, so a copied link
 * reopens the same view. Runs once the data says which years and organisations exist.
 */
export function useUrlSync(bounds: UrlSyncBounds | null): void {
  const [params, setParams] = useSearchParams()
  const { year, orgId, showDemo, setFilters } = useUiStore(
    useShallow((s) => ({
      year: s.year,
      orgId: s.orgId,
      showDemo: s.showDemo,
      setFilters: s.setFilters,
    })),
  )

  useEffect(() => {
    if (bounds) setFilters(filtersFromParams(params, bounds))
  }, [params, bounds, setFilters])

  useEffect(() => {
    if (!bounds || year === null) return
    const next = new URLSearchParams(params)
    next.set('year', String(year))
    if (orgId === DEFAULT_ORG_ID) next.delete('org')
    else next.set('org', orgId)
    if (showDemo || !bounds.demoAllowed) next.delete('demo')
    else next.set('demo', '0')
    if (next.toString() !== params.toString()) setParams(next, { replace: true })
    // Only a change of the store should write the URL; reading it is the effect above.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [year, orgId, showDemo, bounds])
}
