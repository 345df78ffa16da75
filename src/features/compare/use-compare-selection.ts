import { useCallback, useEffect, useMemo } from 'react'
import type { DashboardModel } from '@/api/use-dashboard-data'
import { navigate, useHashLocation, useSearchParams } from '@/lib/router/hash-router'
import {
  queryString,
  selectionFromParams,
  selectionToParams,
  type CompareSelection,
  type SelectionBounds,
} from './selection'

/**
 * The selection read from the URL, and a setter that writes it back (replacing the history entry:
 * ticking boxes should not fill the back button). Unknown ids in a link are dropped, and the URL
 * is rewritten to what is shown, so a copied link always reopens exactly this view.
 */
export function useCompareSelection(data: DashboardModel) {
  const [params] = useSearchParams()
  const { pathname } = useHashLocation()
  const bounds = useMemo<SelectionBounds>(
    () => ({
      indicators: data.indicators,
      organizations: data.organizations,
      years: data.meta.years,
    }),
    [data.indicators, data.organizations, data.meta.years],
  )
  const selection = useMemo(() => selectionFromParams(params, bounds), [params, bounds])

  useEffect(() => {
    const canonical = selectionToParams(params, selection)
    if (canonical.toString() !== params.toString()) {
      navigate({ pathname, search: queryString(canonical) }, { replace: true })
    }
  }, [params, selection, pathname])

  const setSelection = useCallback(
    (patch: Partial<CompareSelection>) => {
      // Read the URL as it is now: another writer (the filters) may have changed it meanwhile.
      const current = new URLSearchParams(
        window.location.hash.includes('?')
          ? window.location.hash.slice(window.location.hash.indexOf('?'))
          : '',
      )
      const base = selectionFromParams(current, bounds)
      const merged = { ...base, ...patch }
      if (!merged.focusId || !merged.indicatorIds.includes(merged.focusId)) {
        merged.focusId = merged.indicatorIds[0] ?? null
      }
      const next = selectionToParams(current, merged)
      navigate({ pathname, search: queryString(next) }, { replace: true })
    },
    [bounds, pathname],
  )

  return { selection, setSelection, bounds }
}
