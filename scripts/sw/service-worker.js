/* The dashboard's service worker (written into dist/sw.js by scripts/sw-plugin.ts, which fills in
 * BUILD and PRECACHE). It keeps the built app so that a screen restarted while its web server is
 * unreachable still opens, with the data kept in IndexedDB (src/api/last-good.ts). Only over https
 * or on localhost: browsers give service workers to secure origins only (docs/deployment.md).
 *   index.html (navigation)  network first; the cached copy only when the server cannot answer
 *                            within 5 s, so a new build is taken on the first visit it is up
 *   config.json              network first, the last copy when the server cannot answer
 *   assets/*                 cache first: their names carry a content hash, they never change
 *   data/*, anything else    not touched: the network, as without a service worker
 * A new build brings a new sw.js (BUILD differs): it installs, takes over at once and deletes
 * the caches of older builds. Plain ES2017: it runs as is in Chromium 83. */
'use strict'

const BUILD = '__BUILD__'
const PRECACHE = ['__PRECACHE__']
const APP_CACHE = 'tzw-app-' + BUILD
const CONFIG_CACHE = 'tzw-config'
const NAVIGATION_TIMEOUT_MS = 5000
const scope = () => self.registration.scope

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(APP_CACHE)
      .then((cache) =>
        cache.addAll(
          PRECACHE.map((path) => new Request(new URL(path, scope()).href, { cache: 'reload' })),
        ),
      )
      // config.json too, so that the first restart without the server already has it (its
      // apiBaseUrl decides which kept data may be shown); not fatal when it cannot be had.
      .then(() =>
        caches
          .open(CONFIG_CACHE)
          .then((cache) =>
            cache.add(new Request(new URL('config.json', scope()).href, { cache: 'reload' })),
          )
          .catch(() => undefined),
      )
      .then(() => self.skipWaiting()),
  )
})

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((key) => key.indexOf('tzw-app-') === 0 && key !== APP_CACHE)
            .map((key) => caches.delete(key)),
        ),
      )
      .then(() => self.clients.claim()),
  )
})

/** The network's answer, kept in `cacheName` under `key`; the kept one if the network fails. */
function networkFirst(request, cacheName, key, timeoutMs) {
  const fromNetwork = fetch(request).then((response) => {
    if (response.ok) {
      const copy = response.clone()
      caches.open(cacheName).then((cache) => cache.put(key, copy))
    }
    return response
  })
  const fromCache = () =>
    caches.match(key).then((kept) => kept || Promise.reject(new Error('not cached: ' + key)))
  if (!timeoutMs) return fromNetwork.catch(fromCache)
  return new Promise((resolve, reject) => {
    let settled = false
    const useCache = () =>
      fromCache().then(
        (kept) => {
          if (!settled) {
            settled = true
            resolve(kept)
          }
        },
        () => undefined,
      )
    const timer = setTimeout(useCache, timeoutMs)
    fromNetwork.then(
      (response) => {
        clearTimeout(timer)
        if (!settled) {
          settled = true
          resolve(response)
        }
      },
      (error) => {
        clearTimeout(timer)
        fromCache().then(
          (kept) => {
            if (!settled) {
              settled = true
              resolve(kept)
            }
          },
          () => {
            if (!settled) {
              settled = true
              reject(error)
            }
          },
        )
      },
    )
  })
}

function cacheFirst(request) {
  return caches.match(request).then(
    (kept) =>
      kept ||
      fetch(request).then((response) => {
        if (response.ok) {
          const copy = response.clone()
          caches.open(APP_CACHE).then((cache) => cache.put(request, copy))
        }
        return response
      }),
  )
}

self.addEventListener('fetch', (event) => {
  const request = event.request
  if (request.method !== 'GET') return
  const base = scope()
  if (request.url.indexOf(base) !== 0) return
  const path = request.url.slice(base.length).split(/[?#]/)[0]
  if (request.mode === 'navigate' || path === '' || path === 'index.html') {
    event.respondWith(
      networkFirst(request, APP_CACHE, new URL('index.html', base).href, NAVIGATION_TIMEOUT_MS),
    )
  } else if (path === 'config.json') {
    event.respondWith(networkFirst(request, CONFIG_CACHE, new URL('config.json', base).href, 0))
  } else if (path.indexOf('assets/') === 0) {
    event.respondWith(cacheFirst(request))
  }
})
