/**
 * Shared pieces of the fault-injection suite (tests/browser/faults-*.test.mjs). Every case gets its
 * own static server for dist/ (production CSP header) whose override answers config.json and the
 * data files as the case wants, and a fresh browser context on one shared Chromium: the tests'
 * one lifecycle (useHarness in helpers.mjs) with openFaultPage as its opener. Each page records,
 * from before the app's first script runs:
 *   - console errors, page errors and CSP violations (openPage in helpers.mjs),
 *   - dialogs (alert, confirm, prompt), which are dismissed and recorded,
 *   - every element that data could smuggle in: <script> not from ./assets, <img>, <iframe>,
 *     <object>, <embed>, <base>, <form>, <meta>, any on* attribute and any javascript: URL, via a
 *     MutationObserver (the app's own <svg> sparklines are fine; an <svg onload> is caught),
 *   - every string drawn on a canvas (ECharts labels, ring details, axis labels), via fillText.
 * assertPageSafe then checks what a user can see or trigger: no dialog, no page error, no injected
 * element, no request made from data (an <img src=x> would fetch /x), no NaN, undefined, null,
 * Infinity or [object Object] in visible text, hidden popovers, tooltips, titles or canvases, and
 * the document title the app sets.
 */
import assert from 'node:assert/strict'
import { inflateRawSync } from 'node:zlib'
import { CONTENT_SECURITY_POLICY } from '../../src/config/csp.ts'
import {
  assertNoIssues,
  dataset,
  formatObservation,
  LOAD_TIMEOUT_MS,
  openPage,
  REGION_ID,
  REPORT_YEAR,
  reportedObservations,
  useHarness,
} from './helpers.mjs'
import { startStaticServer } from './static-server.mjs'

export const APP_TITLE = '通州湾示范区法治政府建设指标看板'

/** Words that must never reach the screen (the word as a token: "nullable" would not match). */
export const FORBIDDEN_TEXT = /\b(NaN|undefined|null|Infinity)\b|\[object Object\]/

/**
 * The shipped config without background refresh, so nothing but the fault itself happens on the
 * page (a case that needs refreshes asks for them). The default request timeout stays: a loaded CI
 * machine can take seconds to serve the 80 kB observations.json.
 */
export const TEST_CONFIG = {
  apiBaseUrl: './data',
  showDemoData: true,
  refreshSeconds: 0,
  requestTimeoutMs: 15000,
}

/** For the timeout cases only: short, so that 4 attempts fit in the suite's time. */
export const SHORT_TIMEOUT_MS = 2000

/** First load with a failing source: 4 attempts (1 s, 2 s, 4 s apart), each up to 2 s, + slack. */
export const FAILURE_TIMEOUT_MS = 40_000

/**
 * The files the dataset joins: any of them failing fails every panel. (facts.json is fetched on its
 * own: failing, it is an error on the fact cards only; report-words.test.mjs covers that.)
 */
export const DATA_FILES = [
  'meta.json',
  'indicators.json',
  'organizations.json',
  'observations.json',
]

/** Markup that would run script if any data string reached the DOM as HTML. */
export const XSS = {
  img: '<img src=x onerror="window.__pwned=1">',
  script: '<script>window.__pwned=1</script>',
  svg: '"><svg onload=window.__pwned=1>',
}
/** All three payloads in one string, followed by a tag so each field can be told apart. */
export const evil = (tag) => `${XSS.img}${XSS.script}${XSS.svg}${tag}`

/** A deep copy of the shipped dataset as the five response bodies (objects, not yet JSON). */
export function cloneDataset() {
  const d = structuredClone(dataset)
  return {
    meta: d.meta,
    indicators: { items: d.indicators },
    facts: { items: d.facts },
    organizations: { items: d.organizations },
    observations: { items: d.observations },
  }
}

/** The five data files of a (mutated) clone, as server answers. */
export function filesOf(clone) {
  return {
    'meta.json': { body: JSON.stringify(clone.meta) },
    'indicators.json': { body: JSON.stringify(clone.indicators) },
    'facts.json': { body: JSON.stringify(clone.facts) },
    'organizations.json': { body: JSON.stringify(clone.organizations) },
    'observations.json': { body: JSON.stringify(clone.observations) },
  }
}

/** The observation of an indicator that the report gives (district, report year), in a clone. */
export function reportedIn(clone, indicatorId) {
  const obs = clone.observations.items.find(
    (o) =>
      o.indicatorId === indicatorId &&
      o.orgId === REGION_ID &&
      o.year === REPORT_YEAR &&
      o.status === 'reported',
  )
  assert.ok(obs, `${indicatorId} has a reported figure`)
  return obs
}

/**
 * Records from the very start of the page: suspicious elements and attributes, canvas text.
 * Runs in the page (addInitScript is not subject to the page's CSP).
 */
function pageRecorder() {
  window.__faultLog = { suspicious: [], canvasText: [] }
  const log = window.__faultLog
  const seen = new Set()
  const remember = (text) => {
    if (seen.has(text) || seen.size > 5000) return
    seen.add(text)
    log.canvasText.push(text)
  }
  for (const name of ['fillText', 'strokeText']) {
    const original = CanvasRenderingContext2D.prototype[name]
    CanvasRenderingContext2D.prototype[name] = function (text, ...rest) {
      remember(String(text))
      return original.call(this, text, ...rest)
    }
  }
  // The app draws its own <svg> (sparklines); markup from data would bring a handler (checked
  // below) or one of these elements.
  const BANNED = new Set(['IMG', 'IFRAME', 'OBJECT', 'EMBED', 'BASE', 'FORM', 'FRAME', 'META'])
  const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data']
  const describe = (el) => el.outerHTML.slice(0, 160)
  const check = (el) => {
    if (el.nodeType !== 1) return
    const name = el.nodeName.toUpperCase()
    if (name === 'SCRIPT') {
      const src = el.getAttribute('src')
      const path = src ? new URL(src, document.baseURI).pathname : ''
      if (!/^\/assets\/[\w.-]+\.js$/.test(path)) log.suspicious.push(`script: ${describe(el)}`)
    }
    const ownHead = name === 'META' && el.parentElement?.nodeName === 'HEAD' // index.html's own
    if (BANNED.has(name) && !ownHead) log.suspicious.push(`element: ${describe(el)}`)
    for (const attr of el.attributes) {
      if (/^on/i.test(attr.name)) log.suspicious.push(`attribute ${attr.name}: ${describe(el)}`)
      if (URL_ATTRIBUTES.includes(attr.name) && /^\s*javascript:/i.test(attr.value)) {
        log.suspicious.push(`javascript: URL: ${describe(el)}`)
      }
    }
    for (const child of el.children) check(child)
  }
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'childList') r.addedNodes.forEach(check)
      else if (/^on/i.test(r.attributeName)) {
        log.suspicious.push(`attribute ${r.attributeName}: ${describe(r.target)}`)
      }
    }
  }).observe(document, { childList: true, subtree: true, attributes: true })
}

/**
 * The tests' one lifecycle (useHarness) for fault cases: one Chromium, no shared server, and
 * `open(t, path, options)` / `usePage(path, options)` serve each page its own (openFaultPage).
 */
export const useFaultHarness = () => useHarness({ server: false, opener: openFaultPage })

/**
 * Serves one fault case and opens the app in a fresh context of `harness.browser`.
 *   files:   { 'observations.json': { status, body, type, delayMs } | (n) => answer | null, … }
 *            (n counts the requests of that file, from 1); a file not listed is served from dist.
 *   config:  an object (served as JSON), { raw, status } for a raw answer, or null for dist's own.
 *   allowConsoleError: extra console errors the case expects (message) => boolean.
 *   expectedIssue: recorded issues (text) the case provokes on purpose, e.g. a CSP violation.
 *   initScript: { fn, arg }, run in the page before the app, to break something on purpose.
 */
export async function openFaultPage(
  { browser },
  path,
  {
    files = {},
    config = TEST_CONFIG,
    allowConsoleError = () => false,
    expectedIssue = () => false,
    initScript = null,
    viewport,
  } = {},
) {
  const server = await startStaticServer({ csp: CONTENT_SECURITY_POLICY })
  const counts = new Map()
  /** Paths answered with an error status: Chromium logs each as a console error. */
  const refused = new Set()
  server.state.override = (pathname) => {
    let answer = null
    if (pathname === '/config.json' && config !== null) {
      answer =
        'raw' in config || 'status' in config
          ? { status: config.status ?? 200, body: config.raw ?? '' }
          : { status: 200, body: JSON.stringify(config) }
    }
    const name = pathname.startsWith('/data/') ? pathname.slice('/data/'.length) : null
    if (name && name in files) {
      const n = (counts.get(name) ?? 0) + 1
      counts.set(name, n)
      const spec = files[name]
      answer = typeof spec === 'function' ? spec(n) : spec
    }
    if (answer && (answer.status ?? 200) >= 400) refused.add(pathname)
    return answer
  }
  const expectedConsoleError = (message) => {
    const text = message.text()
    if (text.startsWith('Failed to load resource: the server responded with a status of')) {
      const url = message.location()?.url
      if (url && refused.has(new URL(url).pathname)) return true
    }
    return allowConsoleError(message)
  }
  const dialogs = []
  let session = null
  try {
    session = await openPage({ server, browser }, undefined, {
      allowConsoleError: expectedConsoleError,
      expectedIssue,
      ...(viewport ? { viewport } : {}),
    })
    await session.context.addInitScript(pageRecorder)
    if (initScript) await session.context.addInitScript(initScript.fn, initScript.arg)
    session.page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`)
      void dialog.dismiss().catch(() => {})
    })
    await session.page.goto(server.url + path)
  } catch (error) {
    // Nobody gets this page to close: a server left listening would keep the test file running.
    await session?.close()
    await server.close()
    throw error
  }
  let closed = null
  return {
    ...session,
    server,
    dialogs,
    /** How many times a data file was requested (files listed in `files` only). */
    requestsOf: (name) => counts.get(name) ?? 0,
    close: () => (closed ??= session.close().then(() => server.close())),
  }
}

/** What the page shows and logs, for assertPageSafe and for messages. */
export function readPage(page) {
  return page.evaluate(() => {
    const attributes = []
    for (const el of document.querySelectorAll('[title], [aria-label], [placeholder], [alt]')) {
      for (const name of ['title', 'aria-label', 'placeholder', 'alt']) {
        const value = el.getAttribute(name)
        if (value) attributes.push(`${name}="${value}"`)
      }
    }
    return {
      visible: document.body.innerText,
      // Popovers (出处) and the table view are in the DOM but hidden until hovered or opened.
      all: document.getElementById('root')?.textContent ?? '',
      attributes,
      canvasText: window.__faultLog?.canvasText ?? [],
      suspicious: window.__faultLog?.suspicious ?? [],
      pwned: typeof window.__pwned,
      title: document.title,
      scripts: [...document.scripts].map((s) => s.getAttribute('src') ?? '(inline)'),
    }
  })
}

/** The requests a page may make: the app, its config, its data; nothing a data string names. */
const ALLOWED_REQUEST =
  /^\/(|index\.html|config\.json|favicon\.ico|assets\/[\w.-]+\.(js|css)|data\/(meta|indicators|facts|organizations|observations)\.json)$/

/**
 * Everything a user could see or trigger is clean: no console error, page error, CSP violation or
 * dialog; no injected element and no script ran; no forbidden word anywhere on screen, in a popover,
 * an attribute or a canvas; the document title is the app's own.
 */
export async function assertPageSafe(session, { title = APP_TITLE, when = '' } = {}) {
  const shown = await readPage(session.page)
  const at = when ? ` (${when})` : ''
  assert.deepEqual(session.dialogs, [], `no dialog opened${at}`)
  assertNoIssues(session, at.trim())
  assert.equal(shown.pwned, 'undefined', `no injected script ran${at}`)
  assert.deepEqual(shown.suspicious, [], `no element or handler came from data${at}`)
  assert.deepEqual(
    shown.scripts.filter((s) => !/^\.\/assets\/[\w.-]+\.js$/.test(s)),
    [],
    `only the app's own scripts are on the page${at}`,
  )
  const stray = session.server.state.requests.filter((p) => !ALLOWED_REQUEST.test(p))
  assert.deepEqual(stray, [], `no request made from data (e.g. <img src=x> fetching /x)${at}`)
  assert.equal(shown.title, title, `document title${at}`)
  const places = [
    ['visible text', shown.visible],
    ['page text (with popovers and tables)', shown.all],
    ...shown.attributes.map((a) => ['attribute', a]),
    ...shown.canvasText.map((t) => ['canvas text', t]),
  ]
  for (const [where, text] of places) {
    const m = text.match(FORBIDDEN_TEXT)
    assert.equal(
      m,
      null,
      `${where} shows "${m?.[0]}"${at}: …${m ? text.slice(Math.max(0, m.index - 60), m.index + 60) : ''}…`,
    )
  }
  return shown
}

/**
 * Waits until nothing is loading and every chart that is drawn has finished (the ECharts chunk is
 * loaded and each instance has rendered). Works when some or all charts show errors instead.
 */
export async function waitForSettled(page, { timeout = LOAD_TIMEOUT_MS } = {}) {
  await page.waitForFunction(
    () => {
      if (document.querySelector('.state--loading, .echart--loading')) return false
      const holders = document.querySelectorAll('.chart-panel__chart')
      const charts = [...document.querySelectorAll('[data-chart-state]')]
      return (
        document.querySelector('.app-main > *, .screen') !== null &&
        charts.length === holders.length &&
        charts.every((c) => c.getAttribute('data-chart-state') === 'finished')
      )
    },
    null,
    { timeout },
  )
}

/** Card ids with their state (data-status), name, figure and text, in page order. */
export function readCards(page) {
  return page.locator('[data-indicator-id]').evaluateAll((cards) =>
    cards.map((c) => ({
      id: c.getAttribute('data-indicator-id'),
      status: c.getAttribute('data-status'),
      name: c.querySelector('.metric-card__name')?.textContent ?? null,
      figure: c.querySelector('.metric-card__figure')?.textContent ?? null,
      error: c.querySelector('.metric-card__error')?.textContent ?? null,
      text: c.innerText.replace(/\s+/g, ' ').trim(),
    })),
  )
}

/**
 * Every reported figure is on its card exactly as the report gives it, except on the cards of
 * `except` (the indicators a case broke). Returns how many cards were checked.
 */
export async function assertOtherCardsIntact(page, except = []) {
  const cards = new Map((await readCards(page)).map((c) => [c.id, c]))
  let checked = 0
  for (const obs of reportedObservations) {
    if (except.includes(obs.indicatorId)) continue
    const card = cards.get(obs.indicatorId)
    assert.ok(card, `${obs.indicatorId}: its card is on the page`)
    assert.equal(card.status, 'reported', `${obs.indicatorId}: shows its reported figure`)
    assert.equal(card.figure, formatObservation(obs).figure, `${obs.indicatorId}: figure`)
    checked++
  }
  return checked
}

/** Chart ids with their state: 'drawn' (a finished ECharts canvas), 'error' (+ message), 'empty'. */
export function readCharts(page) {
  return page.locator('[data-chart-id]').evaluateAll((panels) =>
    panels.map((p) => {
      const error = p.querySelector('.state--error')
      const empty = p.querySelector('.state--empty')
      const chart = p.querySelector('[data-chart-state]')
      return {
        id: p.getAttribute('data-chart-id'),
        state: error ? 'error' : empty ? 'empty' : chart ? 'drawn' : 'none',
        message: (error ?? empty)?.textContent.trim() ?? null,
        canvas: Boolean(chart?.querySelector('canvas')),
      }
    }),
  )
}

/**
 * Hovers a chart until its ECharts tooltip shows, trying points across the plot (fractions of the
 * chart's box), and returns the tooltip's text and HTML, or null if none showed.
 */
export async function hoverChartTooltip(page, chartId, points) {
  const holder = page.locator(`[data-chart-id="${chartId}"] [data-chart-state]`).first()
  await holder.scrollIntoViewIfNeeded()
  const box = await holder.boundingBox()
  assert.ok(box, `chart ${chartId} has a box`)
  // Long category names squeeze a bar chart's plot area to the right: try there early.
  const xs = [0.5, 0.8, 0.2, 0.35, 0.65, 0.9, 0.1, 0.76, 0.84, 0.42, 0.58, 0.28, 0.72, 0.05, 0.95]
  const ys = [0.42, 0.2, 0.3, 0.6, 0.5, 0.75]
  const tries = points ?? ys.flatMap((y) => xs.map((x) => [x, y]))
  for (const [fx, fy] of tries) {
    await page.mouse.move(box.x + box.width * fx - 3, box.y + box.height * fy - 3)
    await page.mouse.move(box.x + box.width * fx, box.y + box.height * fy, { steps: 3 })
    const tip = await page
      .waitForFunction(
        (id) => {
          const h = document.querySelector(`[data-chart-id="${id}"] [data-chart-state]`)
          const tips = h ? [...h.children].filter((c) => !c.querySelector('canvas')) : []
          const shown = tips.find((t) => {
            const s = getComputedStyle(t)
            return s.display !== 'none' && s.visibility !== 'hidden' && t.innerText.trim() !== ''
          })
          return shown ? { text: shown.innerText, html: shown.innerHTML } : null
        },
        chartId,
        { timeout: 400 },
      )
      .then((h) => h.jsonValue())
      .catch(() => null)
    if (tip) return tip
  }
  return null
}

/** Waits until every panel of the overview shows an error in words, and returns them. */
export async function waitForPanelErrors(page, { timeout = FAILURE_TIMEOUT_MS } = {}) {
  await page.waitForFunction(
    () =>
      document.querySelectorAll('[data-group] .state--error').length === 4 &&
      document.querySelector('.findings .state--error') !== null,
    null,
    { timeout },
  )
  return page.locator('[data-group], .findings').evaluateAll((panels) =>
    panels.map((p) => ({
      group: p.getAttribute('data-group') ?? 'findings',
      heading: p.querySelector('h2, h3')?.textContent ?? null,
      message:
        p.querySelector('.state--error > span:not(.state__icon)')?.textContent.trim() ?? null,
      retry: [...p.querySelectorAll('.state--error button')].map((b) => b.textContent),
    })),
  )
}

/** The files of a zip archive (a .pptx deck) by name, inflated. Enough for the tests' own checks. */
export function unzip(buffer) {
  const eocd = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  assert.ok(eocd >= 0, 'a zip archive')
  const files = new Map()
  let p = buffer.readUInt32LE(eocd + 16)
  for (let i = buffer.readUInt16LE(eocd + 10); i > 0; i--) {
    assert.equal(buffer.readUInt32LE(p), 0x02014b50, 'central directory entry')
    const method = buffer.readUInt16LE(p + 10)
    const size = buffer.readUInt32LE(p + 20)
    const nameLength = buffer.readUInt16LE(p + 28)
    const skip = nameLength + buffer.readUInt16LE(p + 30) + buffer.readUInt16LE(p + 32)
    const local = buffer.readUInt32LE(p + 42)
    const name = buffer.toString('utf8', p + 46, p + 46 + nameLength)
    const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28)
    const data = buffer.subarray(start, start + size)
    files.set(name, method === 8 ? inflateRawSync(data) : data)
    p += 46 + skip
  }
  return files
}
