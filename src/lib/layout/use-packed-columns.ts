import { useLayoutEffect, type RefObject } from 'react'

/**
 * Packs a CSS grid's items up into their columns: where the grid puts items in rows (the
 * overview's groups two by two on an office screen of 1100–1500 px), a short item left a hole
 * under it as tall as its longer neighbour (行政服务 710 px beside 公平竞争审查's 1,418 px at
 * 1366×768). Each item below the first row is pulled up (a negative top margin) to its column's
 * item above it plus the grid's row gap. The order stays the grid's — left to right, then down —
 * for the eye and for the keyboard; one column, or one row, needs nothing. Measured again when an
 * item changes size (a new width of the grid changes theirs). Printing keeps the rows
 * (overview.css): a pulled-up panel could reach across a page break.
 */
export function usePackedColumns(ref: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    const grid = ref.current
    if (!grid || typeof ResizeObserver === 'undefined') return
    const pack = () => {
      const items = [...grid.children].filter((el): el is HTMLElement => el instanceof HTMLElement)
      for (const item of items) item.style.marginTop = ''
      const style = getComputedStyle(grid)
      const columns = style.gridTemplateColumns.split(' ').filter(Boolean).length
      if (columns < 2 || items.length <= columns) return
      const gap = parseFloat(style.rowGap) || 0
      for (let i = columns; i < items.length; i++) {
        const above = items[i - columns]!.getBoundingClientRect()
        const item = items[i]!
        const hole = item.getBoundingClientRect().top - (above.bottom + gap)
        if (hole > 0.5) item.style.marginTop = `${-hole}px`
      }
    }
    // Packed from the observer's callback, which the browser runs after its layout and before it
    // paints — also the first time, for the first frame: the first render forces no layout of
    // its own (the cards are in the DOM as early as before), and no frame shows the holes.
    // Only the items are observed: a new width of the grid reaches them, and packing moves them
    // without changing their size. (Observed, the grid itself shrinks as it is packed, inside the
    // callback: the browser then reports "ResizeObserver loop completed with undelivered
    // notifications" as an error.)
    const observer = new ResizeObserver(pack)
    for (const item of grid.children) observer.observe(item)
    return () => {
      observer.disconnect()
      for (const item of grid.children) (item as HTMLElement).style.marginTop = ''
    }
  }, [ref])
}
