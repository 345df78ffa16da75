import { useEffect } from 'react'
import { useUiStore } from '@/stores/ui-store'

/**
 * Prints the page as 打印本页 does: switches it to the print theme (src/app/route-theme.ts: light,
 * laid out at A4 landscape width), waits until the charts have re-rendered in it (at most 3 s),
 * prints, and switches back after printing.
 */
export function printPage(): void {
  const { printing, setPrinting } = useUiStore.getState()
  if (printing) return
  setPrinting(true)
  let done = false
  const restore = () => {
    if (done) return
    done = true
    useUiStore.getState().setPrinting(false)
    window.removeEventListener('afterprint', restore)
  }
  window.addEventListener('afterprint', restore)
  const started = performance.now()
  const waitThenPrint = () => {
    const charts = [...document.querySelectorAll('[data-chart-state]')]
    const settled = charts.every((c) => c.getAttribute('data-chart-state') === 'finished')
    if ((settled && performance.now() - started > 150) || performance.now() - started > 3000) {
      window.print()
      // Should no afterprint come (printing refused by policy, a browser that skips the dialog),
      // the page is not left in the print theme, nor printing refused from then on.
      window.setTimeout(restore, 60_000)
    } else requestAnimationFrame(waitThenPrint)
  }
  requestAnimationFrame(waitThenPrint)
}

/**
 * Ctrl+P (⌘P) on a desk page prints it the same way. The browser's own print of the screen's
 * dark theme gave near-invisible headings on white and charts cut at the paper's edge (the
 * overview and 简报 have no 打印本页 button). Printing from the browser's menu still prints the
 * page as it stands.
 */
export function usePrintShortcut(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.key.toLowerCase() !== 'p') return
      e.preventDefault()
      printPage()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}
