import { useShallow } from 'zustand/react/shallow'
import { useUiStore } from './ui-store'

/** The active filters; the year falls back to the report year until the URL or a user sets one. */
export function useFilters(reportYear: number) {
  const { year, orgId, showDemo } = useUiStore(
    useShallow((s) => ({ year: s.year, orgId: s.orgId, showDemo: s.showDemo })),
  )
  return { year: year ?? reportYear, orgId, showDemo }
}
