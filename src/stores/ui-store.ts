import { create } from 'zustand'

/**
 * View state that does not belong in a link: which charts show their table, the display's
 * magnification, printing. Server data never lives here (it stays in the query cache), and
 * neither do the filters or 对比分析's selection: the URL is their one source (./url-state.ts).
 */
export interface UiState {
  /** Charts whose table view is open, by chart id. */
  tableViews: Record<string, boolean>
  toggleTableView: (chartId: string) => void
  /**
   * How much the page is magnified on the display (desk zoom, big-screen scale). Charts multiply
   * their pixel ratio by it so a magnified canvas stays sharp.
   */
  displayScale: number
  setDisplayScale: (scale: number) => void
  /** True while a page prints from the 打印 button: the page shows the print theme. */
  printing: boolean
  setPrinting: (printing: boolean) => void
}

export const useUiStore = create<UiState>()((set) => ({
  tableViews: {},
  toggleTableView: (chartId) =>
    set((s) => ({ tableViews: { ...s.tableViews, [chartId]: !s.tableViews[chartId] } })),
  displayScale: 1,
  setDisplayScale: (displayScale) => set({ displayScale }),
  printing: false,
  setPrinting: (printing) => set({ printing }),
}))
