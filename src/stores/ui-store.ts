import { create, type StateCreator } from 'zustand'

/**
 * UI state in one store made of slices. Server data never lives here: it stays in the query cache.
 * The filters slice is mirrored in the URL by `useUrlSync`, so a copied link reopens the same view.
 */

export interface FiltersSlice {
  /** Selected year; null until the data says which years exist (then the report year). */
  year: number | null
  orgId: string
  showDemo: boolean
  setYear: (year: number | null) => void
  setOrgId: (orgId: string) => void
  setShowDemo: (show: boolean) => void
  setFilters: (next: Partial<Pick<FiltersSlice, 'year' | 'orgId' | 'showDemo'>>) => void
}

export interface ViewSlice {
  /** Charts whose table view is open, by chart id. */
  tableViews: Record<string, boolean>
  toggleTableView: (chartId: string) => void
  /**
   * How much the page is magnified on the display (desk zoom, big-screen scale). Charts multiply
   * their pixel ratio by it so a magnified canvas stays sharp.
   */
  displayScale: number
  setDisplayScale: (scale: number) => void
  /** True while a page prints from the 打印 button: charts switch to the light briefing theme. */
  printing: boolean
  setPrinting: (printing: boolean) => void
}

export type UiState = FiltersSlice & ViewSlice

export const DEFAULT_ORG_ID = 'tzw'

const createFiltersSlice: StateCreator<UiState, [], [], FiltersSlice> = (set) => ({
  year: null,
  orgId: DEFAULT_ORG_ID,
  showDemo: true,
  setYear: (year) => set({ year }),
  setOrgId: (orgId) => set({ orgId }),
  setShowDemo: (showDemo) => set({ showDemo }),
  setFilters: (next) => set(next),
})

const createViewSlice: StateCreator<UiState, [], [], ViewSlice> = (set) => ({
  tableViews: {},
  toggleTableView: (chartId) =>
    set((s) => ({ tableViews: { ...s.tableViews, [chartId]: !s.tableViews[chartId] } })),
  displayScale: 1,
  setDisplayScale: (displayScale) => set({ displayScale }),
  printing: false,
  setPrinting: (printing) => set({ printing }),
})

export const useUiStore = create<UiState>()((...a) => ({
  ...createFiltersSlice(...a),
  ...createViewSlice(...a),
}))
