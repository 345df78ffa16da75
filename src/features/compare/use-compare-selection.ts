import { useCallback, useMemo } from 'react'
import { useDataset } from '@/api/dataset'
import { shownOrganizations } from '@/domain/organizations'
import { shownYears } from '@/domain/period'
import { useCanonicalUrl, useUrlParams, writeUrlParams } from '@/stores/url-state'
import {
  selectionFromParams,
  selectionToParams,
  type CompareSelection,
  type SelectionBounds,
} from './selection'

/**
 * The selection read from the URL, and a setter that writes it back through the URL's one writer
 * (replacing the history entry: ticking boxes should not fill the back button). Unknown ids in a
 * link are dropped, and the URL is rewritten to what is shown, so a copied link always reopens
 * exactly this view.
 */
export function useCompareSelection(showDemo: boolean) {
  const data = useDataset()
  const params = useUrlParams()
  // A 示例单位 is not offered (and drops out of the selection) while demo data is hidden.
  const organizations = useMemo(
    () => shownOrganizations(data.organizations, showDemo, data.reportedOrgIds),
    [data.organizations, showDemo, data.reportedOrgIds],
  )
  // So are the years with 示例 values alone.
  const years = useMemo(
    () => shownYears(data.meta.years, data.reportedYears, showDemo),
    [data.meta.years, data.reportedYears, showDemo],
  )
  const bounds = useMemo<SelectionBounds>(
    () => ({ indicators: data.indicators, organizations, years }),
    [data.indicators, organizations, years],
  )
  const selection = useMemo(() => selectionFromParams(params, bounds), [params, bounds])

  const canonicalize = useCallback(
    (current: URLSearchParams) => selectionToParams(current, selectionFromParams(current, bounds)),
    [bounds],
  )
  useCanonicalUrl(canonicalize)

  const setSelection = useCallback(
    (patch: Partial<CompareSelection>) =>
      writeUrlParams((current) =>
        selectionToParams(current, patchSelection(current, patch, bounds)),
      ),
    [bounds],
  )

  return { selection, setSelection, bounds, organizations }
}

/** The URL's selection with `patch` over it; the focus stays among the chosen indicators. */
function patchSelection(
  current: URLSearchParams,
  patch: Partial<CompareSelection>,
  bounds: SelectionBounds,
): CompareSelection {
  const merged = { ...selectionFromParams(current, bounds), ...patch }
  if (!merged.focusId || !merged.indicatorIds.includes(merged.focusId)) {
    merged.focusId = merged.indicatorIds[0] ?? null
  }
  return merged
}
