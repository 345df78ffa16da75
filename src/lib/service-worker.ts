import { onFirstChartsShown } from './echarts/use-near-viewport'

/**
 * Registers dist/sw.js (scripts/sw/service-worker.js), which keeps the built app so a screen
 * restarted while its web server is down still opens. Production build only, and only where the
 * browser allows service workers (https, or localhost); on a plain-http intranet address the app
 * runs without it and the data kept in IndexedDB still fills the screen (docs/deployment.md).
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || import.meta.env.MODE === 'test') return
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return
  if (!window.isSecureContext) return
  const register = () => {
    navigator.serviceWorker.register('./sw.js').catch((err: unknown) => {
      // Not a failure of the page: it runs as before, only without the offline copy of the app.
      console.warn('离线缓存未启用(service worker 注册失败)', err)
    })
  }
  afterFirstView(register)
}

/**
 * At most this long after the page's load event the offline copy is made even if no chart has
 * shown (a page without charts, or one that failed).
 */
export const FIRST_VIEW_MAX_WAIT_MS = 5000

/**
 * Runs `run` once the first view is on screen: after the page's load event, when its first charts
 * have shown (or FIRST_VIEW_MAX_WAIT_MS after load). The service worker's install downloads and
 * stores every file of the build; started at the load event, as before, it took the second core
 * of a 2-core PC while the first charts were being drawn (big screen: visible charts drawn
 * 776 → 676 ms at 1× with it later; the page's own main-thread work is unchanged).
 */
export function afterFirstView(run: () => void): void {
  let done = false
  let fallback: number | undefined
  const once = () => {
    if (done) return
    done = true
    window.clearTimeout(fallback)
    run()
  }
  const afterLoad = () => {
    fallback = window.setTimeout(once, FIRST_VIEW_MAX_WAIT_MS)
    onFirstChartsShown(once)
  }
  if (document.readyState === 'complete') afterLoad()
  else window.addEventListener('load', afterLoad, { once: true })
}
