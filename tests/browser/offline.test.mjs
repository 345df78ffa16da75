/**
 * The wall survives the night: a browser with a persistent profile, restarted as a hall PC is
 * after its nightly reboot.
 *   - a good visit, browser closed;
 *   - restarted with every data request failing → the last figures at once, marked 离线;
 *   - restarted with the web server stopped (127.0.0.1, where service workers run) → the app
 *     still opens from its service worker, with the same figures and mark;
 *   - the source back → fresh data, the mark gone, without a reload;
 *   - a kept copy from another apiBaseUrl, or from another contract version, is not shown;
 *   - a new build deployed → the next visit with the server up shows it, and a restart with the
 *     server down afterwards still opens the new build, not the old one.
 * Each restart is a new launch of Chromium on the same profile folder and the same origin (the
 * server comes back on the same port).
 */
import assert from 'node:assert/strict'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { CONTENT_SECURITY_POLICY } from '../../src/config/csp.ts'
import { launchPersistentChromium } from './chromium.mjs'
import {
  assertReportedFiguresOnScreen,
  LOAD_TIMEOUT_MS,
  VIEWPORT,
  waitForCards,
} from './helpers.mjs'
import { DIST_DIR, startStaticServer } from './static-server.mjs'

const SCREEN = '#/screen?rotate=0'
/** Failed requests the browser logs while the source or the server is down: expected here. */
const EXPECTED_CONSOLE = [
  /^Failed to load resource: the server responded with a status of 50\d/,
  /^Failed to load resource: net::ERR_CONNECTION_REFUSED/,
  /^Failed to load resource: the server responded with a status of 404/,
]
/** Recovery waits out the retry backoff (5 s, 10 s, 20 s …). */
const RECOVERY_TIMEOUT_MS = 90_000

const folders = []
function tempFolder(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  folders.push(dir)
  return dir
}
after(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true })
})

/** A static server for `root` on `port` (0: any), with the production CSP header. */
function serve(root = DIST_DIR, port = 0) {
  return startStaticServer({ root, port, csp: CONTENT_SECURITY_POLICY })
}

/** One launch of the browser on `profile`: its page and the problems it logged. */
async function launch(profile) {
  const context = await launchPersistentChromium(profile, { viewport: VIEWPORT })
  const page = context.pages()[0] ?? (await context.newPage())
  const issues = []
  page.on('console', (m) => {
    const text = m.text()
    if (/content[ -]security[ -]policy/i.test(text)) issues.push(`CSP: ${text}`)
    else if (m.type() === 'error' && !EXPECTED_CONSOLE.some((re) => re.test(text)))
      issues.push(`console.error: ${text}`)
  })
  page.on('pageerror', (e) => issues.push(`pageerror: ${e.message}`))
  return {
    context,
    page,
    async close() {
      await context.close()
      assert.deepEqual(issues, [], 'no page errors, CSP violations or unexpected console errors')
    },
  }
}

/** The header's data mark: 'fresh' | 'restored' | 'offline' | 'stale' and its words. */
const readMark = (page) =>
  page.evaluate(() => {
    const el = document.querySelector('[data-times]')
    return el ? { kind: el.getAttribute('data-times'), text: el.textContent } : null
  })

const waitForMark = (page, kind, timeout = LOAD_TIMEOUT_MS) =>
  page.waitForFunction(
    (k) => document.querySelector('[data-times]')?.getAttribute('data-times') === k,
    kind,
    { timeout, polling: 100 },
  )

/** Waits until this browser has written the kept copy of the data (after a good load). */
const waitForKeptCopy = (page) =>
  page.waitForFunction(
    async () => {
      // Only a database the app has made: opening one that is not there would make it.
      const dbs = await indexedDB.databases()
      if (!dbs.some((d) => d.name === 'tzw-dashboard-last-good')) return false
      return new Promise((resolve) => {
        const open = indexedDB.open('tzw-dashboard-last-good')
        open.onerror = () => resolve(false)
        open.onsuccess = () => {
          const db = open.result
          if (!db.objectStoreNames.contains('snapshot')) {
            db.close()
            return resolve(false)
          }
          const get = db.transaction('snapshot').objectStore('snapshot').get('last-good')
          get.onsuccess = () => {
            db.close()
            resolve((get.result?.entries?.length ?? 0) >= 4)
          }
          get.onerror = () => {
            db.close()
            resolve(false)
          }
        }
      })
    },
    null,
    { timeout: LOAD_TIMEOUT_MS, polling: 250 },
  )

/** Waits until the service worker controls the page with its cache filled. */
const waitForServiceWorker = (page) =>
  page.waitForFunction(
    async () => {
      const reg = await navigator.serviceWorker.getRegistration()
      if (reg?.active?.state !== 'activated' || !navigator.serviceWorker.controller) return false
      const keys = await caches.keys()
      return keys.some((k) => k.startsWith('tzw-app-'))
    },
    null,
    { timeout: LOAD_TIMEOUT_MS, polling: 250 },
  )

/** A first good visit: the figures, the kept copy and (on this origin) the service worker. */
async function goodVisit(profile, server, path = SCREEN) {
  const session = await launch(profile)
  await session.page.goto(server.url + path)
  await waitForMark(session.page, 'fresh')
  await waitForKeptCopy(session.page)
  await waitForServiceWorker(session.page)
  // A reload under the service worker's control, as every later start will be.
  await session.page.reload()
  await waitForMark(session.page, 'fresh')
  // A screen that has run a while: its copy rewritten after this load (at most a second later).
  await session.page.waitForTimeout(2_500)
  await session.close()
}

const failData = (pathname) =>
  pathname.includes('/data/') ? { status: 503, body: '{"error":"unavailable"}' } : null

/**
 * Opens the overview while the data source is down and a kept copy must not be used: the page
 * offers 重试 and shows no figure.
 */
async function assertNoKeptFigures(page, server, which) {
  await page.goto(server.url + '#/')
  await page.waitForFunction(() => document.body.textContent.includes('重试'), null, {
    timeout: LOAD_TIMEOUT_MS,
  })
  assert.equal(
    await page.evaluate(() => document.querySelectorAll('[data-indicator-id]').length),
    0,
    `no figure ${which}`,
  )
}

describe('a hall screen restarted while its source or its server is down', () => {
  it('shows the last figures marked 离线, from the kept copy and the cached app, then fresh data when the source is back', async () => {
    const profile = tempFolder('tzw-profile-')
    let server = await serve()
    const port = Number(new URL(server.url).port)
    await goodVisit(profile, server)

    // Restart 1: the server is up, every data request fails.
    server.state.override = failData
    let session = await launch(profile)
    await session.page.goto(server.url + SCREEN)
    await waitForCards(session.page)
    const first = await readMark(session.page)
    assert.ok(
      first.kind === 'restored' || first.kind === 'offline',
      `the kept figures come marked not current at once, got ${JSON.stringify(first)}`,
    )
    assert.equal(await assertReportedFiguresOnScreen(session.page), 34, 'all 34 figures shown')
    await waitForMark(session.page, 'offline')
    const offline = await readMark(session.page)
    assert.match(offline.text, /^离线 · 数据截至 11月27日 09:00 · 最后刷新 \d{2}:\d{2}$/)
    assert.equal(
      await session.page.evaluate(() => document.body.textContent.includes('数据源暂不可用')),
      false,
      'no error panel in place of the figures',
    )
    await session.close()

    // Restart 2: the web server itself is gone; the service worker opens the app.
    await server.close()
    session = await launch(profile)
    await session.page.goto(server.url + SCREEN)
    await waitForCards(session.page)
    assert.equal(await assertReportedFiguresOnScreen(session.page), 34, 'all 34 figures shown')
    await waitForMark(session.page, 'offline')
    assert.match((await readMark(session.page)).text, /^离线 · 数据截至 /)

    // The server and the source come back: fresh data replaces the kept copy, no reload.
    await session.page.evaluate(() => {
      window.__sameDocument = true
    })
    server = await serve(DIST_DIR, port)
    await waitForMark(session.page, 'fresh', RECOVERY_TIMEOUT_MS)
    assert.match(
      (await readMark(session.page)).text,
      /^数据截至 11月27日 09:00 · 最后刷新 \d{2}:\d{2}$/,
    )
    assert.equal(await session.page.evaluate(() => window.__sameDocument), true, 'no reload')
    assert.equal(await assertReportedFiguresOnScreen(session.page), 34)
    await session.close()
    await server.close()
  })

  it('does not show a copy kept from another data source (apiBaseUrl)', async () => {
    const profile = tempFolder('tzw-profile-')
    const server = await serve()
    await goodVisit(profile, server)
    // The next start reads another source, which is down.
    server.state.override = (pathname) =>
      pathname === '/config.json'
        ? { status: 200, body: JSON.stringify({ apiBaseUrl: './other-data' }) }
        : failData(pathname)
    const session = await launch(profile)
    await assertNoKeptFigures(session.page, server, 'from the other source')
    assert.equal(await readMark(session.page), null, 'no data times: nothing is shown as data')
    await session.close()
    await server.close()
  })

  it('does not show a copy kept under another contract version', async () => {
    const profile = tempFolder('tzw-profile-')
    const server = await serve()
    await goodVisit(profile, server, '#/')
    // The kept copy as an older build of the app wrote it: another contract version.
    let session = await launch(profile)
    server.state.override = failData
    await session.page.goto(server.url + '#/')
    await session.page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const open = indexedDB.open('tzw-dashboard-last-good')
          open.onsuccess = () => {
            const store = open.result.transaction('snapshot', 'readwrite').objectStore('snapshot')
            const get = store.get('last-good')
            get.onsuccess = () => {
              store.put({ ...get.result, contract: '0.9.0' }, 'last-good').onsuccess = () =>
                resolve()
            }
          }
          open.onerror = reject
        }),
    )
    await session.close()
    session = await launch(profile)
    await assertNoKeptFigures(session.page, server, 'from a copy of another contract version')
    await session.close()
    await server.close()
  })
})

describe('a new build deployed while the old one is cached', () => {
  it('shows the new build on the next visit with the server up, and keeps it offline', async () => {
    // Build B: the same app with another index.html (a marker) and so another service worker.
    const buildB = tempFolder('tzw-build-b-')
    cpSync(DIST_DIR, buildB, { recursive: true })
    const html = readFileSync(join(buildB, 'index.html'), 'utf8')
    writeFileSync(
      join(buildB, 'index.html'),
      html.replace('<head>', '<head>\n    <meta name="tzw-test-build" content="B" />'),
    )
    const sw = readFileSync(join(buildB, 'sw.js'), 'utf8')
    const oldId = sw.match(/const BUILD = "([0-9a-f]+)"/)[1]
    writeFileSync(join(buildB, 'sw.js'), sw.replace(oldId, 'b'.repeat(oldId.length)))

    const profile = tempFolder('tzw-profile-')
    let server = await serve()
    const port = Number(new URL(server.url).port)
    await goodVisit(profile, server)
    await server.close()

    const buildOf = (page) =>
      page.evaluate(
        () => document.querySelector('meta[name="tzw-test-build"]')?.getAttribute('content') ?? 'A',
      )
    server = await serve(buildB, port)
    let session = await launch(profile)
    await session.page.goto(server.url + SCREEN)
    await waitForMark(session.page, 'fresh')
    assert.equal(await buildOf(session.page), 'B', 'the first visit with the server up shows B')
    // B's service worker takes over and drops A's cache.
    await session.page.waitForFunction(
      async () => {
        const keys = (await caches.keys()).filter((k) => k.startsWith('tzw-app-'))
        return keys.length === 1 && keys[0].endsWith('bbbb')
      },
      null,
      { timeout: LOAD_TIMEOUT_MS, polling: 250 },
    )
    await session.close()
    await server.close()

    session = await launch(profile)
    await session.page.goto(server.url + SCREEN)
    await waitForCards(session.page)
    assert.equal(await buildOf(session.page), 'B', 'offline, the cached build is B, not A')
    await waitForMark(session.page, 'offline')
    await session.close()
  })
})
