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
  // After the page has loaded: the precache downloads must not compete with the first view.
  if (document.readyState === 'complete') register()
  else window.addEventListener('load', register, { once: true })
}
