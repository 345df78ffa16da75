/**
 * The first requests of the page, started before the app has been evaluated.
 *
 * The production build runs this module as a script of its own (`boot` in vite.config.ts), placed
 * before the app's entry in index.html and executed as soon as it has arrived — while the app's
 * ≈ 440 KiB are still being compiled and evaluated (≈ 100 ms here, several times that on a slow
 * office PC). It requests config.json and, at the same moment, the data collections the opening
 * view needs (the four every view needs, and the facts but on the big screen) from the base URL
 * the last visit's config.json named (`./data` on a first visit).
 * When config.json names another base, those requests are dropped and the named ones started.
 * So the data arrives in parallel with the app's evaluation instead of after it (config → evaluate
 * → render → data). The app then takes each response by its URL (`takeEarlyResponse`, once);
 * anything it does not take is simply not used. main.tsx imports it too (the same module, run
 * once), so in development and tests it is simply the first module.
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

/** Whether the page opens on the big screen, which shows no fact cards (no facts.json). */
export function opensOnScreen(): boolean {
  return typeof window !== 'undefined' && /^#\/screen(?:[/?]|$)/.test(window.location.hash)
}

/** The collections the opening view needs: the start ones, and the facts except on the big screen. */
function openingCollections(): readonly string[] {
  return opensOnScreen() ? START_COLLECTIONS : [...START_COLLECTIONS, 'facts.json']
}

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
  return typeof value === 'string' && value.length > 0 ? value : DEFAULT_API_BASE
}

/** The runtime config's default `apiBaseUrl` (src/config/runtime-config.ts). */
export const DEFAULT_API_BASE = './data'
export const CONFIG_URL = './config.json'
export const CONFIG_REQUEST_INIT: RequestInit = { cache: 'no-store' }

/** Where the base URL of the last config.json read in this browser is kept. */
export const API_BASE_HINT_KEY = 'tzw-dashboard:api-base'

function readHint(): string | null {
  try {
    return window.localStorage.getItem(API_BASE_HINT_KEY)
  } catch {
    return null // storage disabled: guess the default
  }
}

function writeHint(base: string): void {
  try {
    if (window.localStorage.getItem(API_BASE_HINT_KEY) !== base)
      window.localStorage.setItem(API_BASE_HINT_KEY, base)
  } catch {
    // storage disabled or full: the next visit guesses the default
  }
}

/**
 * Starts the start collections under `base`, if they are on this page's own origin (any other
 * address is left to the app, which requests it, and reports a refusal or failure, exactly as it
 * would without this module). The controller aborts them.
 */
function startCollections(base: string): AbortController | undefined {
  const urls = openingCollections().map((name) => apiUrl(base, name))
  if (urls.some((url) => new URL(url).origin !== window.location.origin)) return undefined
  const controller = new AbortController()
  for (const url of urls) start(url, { ...DATA_REQUEST_INIT, signal: controller.signal })
  return controller
}

/**
 * Starts config.json and, with it, the start collections under the base URL guessed from the last
 * visit; once config.json has answered, the guess is kept if right, else replaced. Only in the
 * production build: in development msw's service worker answers the data requests once it has
 * started, after this would run.
 */
export function startEarlyRequests(): void {
  if (typeof window === 'undefined' || typeof fetch !== 'function') return
  const configUrl = new URL(CONFIG_URL, document.baseURI).toString()
  start(configUrl, CONFIG_REQUEST_INIT)
  const guess = readHint() ?? DEFAULT_API_BASE
  const guessed = startCollections(guess)
  void started
    .get(configUrl)!
    .then((res) => (res.ok ? res.clone().json() : null))
    .catch(() => null)
    .then((raw: unknown) => {
      const base = baseUrlOf(raw)
      writeHint(base)
      if (apiUrl(base, '') === apiUrl(guess, '')) return
      // Another base than last time: the guessed requests are not wanted.
      if (guessed) {
        for (const name of openingCollections()) started.delete(apiUrl(guess, name))
        guessed.abort()
      }
      startCollections(base)
    })
}

if (!import.meta.env.DEV && import.meta.env.MODE !== 'test') startEarlyRequests()
