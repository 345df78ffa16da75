/**
 * The first requests of the page, started before the rest of the app has been evaluated.
 *
 * main.tsx imports this module first, so its top level runs before React, zod and the app's
 * modules are evaluated (≈ 180 ms on a slow office PC, several times that at 4× CPU throttling).
 * It requests config.json at once and, as soon as that has answered, the four data collections
 * every view needs — in parallel with the evaluation of the app and its first render, instead of
 * one after the other (config → evaluate → render → data). The app then takes each response by its
 * URL (`takeEarlyResponse`, once); anything it does not take is simply not used.
 *
 * It imports nothing: anything it imported would be evaluated before it.
 */

/** The data collections every view loads at start (src/api/get-*.ts). */
export const START_COLLECTIONS = [
  'meta.json',
  'indicators.json',
  'organizations.json',
  'observations.json',
] as const

/**
 * The request options of every data request (src/lib/api-client.ts uses the same). no-cache:
 * revalidate with the server on every refresh, so replaced data files show up.
 */
export const DATA_REQUEST_INIT: RequestInit = {
  cache: 'no-cache',
  headers: { Accept: 'application/json' },
}

/** The URL of `path` under the data API's base URL, against the page's base URL. */
export function apiUrl(baseUrl: string, path: string): string {
  const base = baseUrl.replace(/\/+$/, '')
  const href = typeof document !== 'undefined' ? document.baseURI : 'http://localhost/'
  return new URL(`${base}/${path.replace(/^\/+/, '')}`, href).toString()
}

const started = new Map<string, Promise<Response>>()

function start(url: string, init: RequestInit): void {
  const response = fetch(url, init)
  // A failure is the taker's to report; an untaken one must not reach the console as unhandled.
  response.catch(() => undefined)
  started.set(url, response)
}

/** The early response for `url`, once; undefined when none was started (or it was taken). */
export function takeEarlyResponse(url: string): Promise<Response> | undefined {
  const response = started.get(url)
  started.delete(url)
  return response
}

/** The base URL config.json names, as the runtime config would read it, else the default. */
function baseUrlOf(raw: unknown): string {
  const value = (raw as { apiBaseUrl?: unknown } | null)?.apiBaseUrl
  return typeof value === 'string' && value.length > 0 ? value : './data'
}

export const CONFIG_URL = './config.json'
export const CONFIG_REQUEST_INIT: RequestInit = { cache: 'no-store' }

/**
 * Starts config.json, then the start collections. Only in the production build: in development
 * msw's service worker answers the data requests once it has started, after this would run.
 */
export function startEarlyRequests(): void {
  if (typeof window === 'undefined' || typeof fetch !== 'function') return
  const configUrl = new URL(CONFIG_URL, document.baseURI).toString()
  start(configUrl, CONFIG_REQUEST_INIT)
  void started
    .get(configUrl)!
    .then((res) => (res.ok ? res.clone().json() : null))
    .catch(() => null)
    .then((raw: unknown) => {
      const base = baseUrlOf(raw)
      for (const name of START_COLLECTIONS) {
        const url = apiUrl(base, name)
        // Only this page's own origin: any other address is left to the app, which requests it
        // (and reports a refusal or failure) exactly as it would without this module.
        if (new URL(url).origin === window.location.origin) start(url, DATA_REQUEST_INIT)
      }
    })
}

if (!import.meta.env.DEV && import.meta.env.MODE !== 'test') startEarlyRequests()
