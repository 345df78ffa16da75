/**
 * Memory soak of the big screen: does a wall screen that rotates and refreshes for days leak?
 *   npm run build && npm run bench:soak                      (2 hours, a sample a minute)
 *   npm run bench:soak -- --minutes 15 --interval-seconds 30  (a shorter look)
 *
 * Opens #/screen?rotate=2&refresh=2 (a page change every 2 s, a data refresh every 2 s: a hall's
 * days of traffic compressed into hours; a real hall rotates every 30 s and refreshes every 300 s,
 * so 2 hours here are ≈ 30 hours of page changes and ≈ 300 hours of refreshes) at 1920×1080.
 * Every --shape-seconds (30) the server answers the refreshes with data of another shape (an
 * indicator removed, one added, a group emptied, then back: tests/browser/data-shapes.mjs).
 * Every interval, after a forced GC (CDP HeapProfiler.collectGarbage, twice), it samples:
 *   heap       – JS heap used (CDP Runtime.getHeapUsage), bytes
 *   nodes      – DOM nodes alive in the renderer, including detached ones (Memory.getDOMCounters)
 *   listeners  – JS event listeners (Memory.getDOMCounters)
 *   canvases   – <canvas> elements in the document
 *   idb        – bytes this origin keeps in IndexedDB (navigator.storage.estimate().usageDetails)
 *   page       – the screen page on show (.screen[data-page])
 * plus the charts on the page, documents, and how many page changes and data requests happened.
 * It reports each series at the start, after 10 minutes and at the end, and its slope per hour
 * after the first 10 minutes (least squares), projected to 72 hours: slope × 72, as if the growth
 * came with wall time — an upper bound, since a real hall changes pages and data far less often.
 * Writes bench/soak.json (series, summary) and prints both. Stops itself after the duration.
 * Every sample is taken on the same page (--align-page, default overview), see ALIGN_PAGE.
 * Options: --path (default the URL above), --out FILE, --dist DIR, --align-page ID|none,
 * --shape-seconds N (0: the data keeps its shape).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { dataShapes, serveShape } from '../../tests/browser/data-shapes.mjs'
import {
  arg,
  cspOfBuild,
  DIST,
  launchChromium,
  load,
  machineInfo,
  numberArg,
  requireDist,
  serveBuild,
  table,
} from './common.mjs'

const MINUTES = numberArg('--minutes', 120, 'SOAK_MINUTES')
const INTERVAL_S = numberArg('--interval-seconds', 60, 'SOAK_INTERVAL_SECONDS')
const SHAPE_S = numberArg('--shape-seconds', 30, 'SOAK_SHAPE_SECONDS')
const PATH = arg('--path', '#/screen?rotate=2&refresh=2')
const OUT = arg('--out', 'bench/soak.json')
/**
 * The page to take every sample on. Node, listener and canvas counts depend on the page on show
 * (the overview has 4 charts, a group page 2 or 3), so samples are comparable only on one page:
 * each sample waits (at most a full rotation) until this page is up with its charts finished.
 * `--align-page none` samples whatever is on show.
 */
const ALIGN_PAGE = arg('--align-page', 'overview')
const VIEWPORT = { width: 1920, height: 1080 }
/** Ratios "after the first minute" ignore the warm-up (first chart code compiled, caches filled). */
const WARMUP_S = 60
/** Slopes are fitted after the first 10 minutes. */
const SETTLED_S = 600
const PROJECT_HOURS = 72

requireDist()

const durationMs = MINUTES * 60_000
const startedAt = Date.now()
// Bounded no matter what: if the browser hangs, give up two minutes after the planned end.
const watchdog = setTimeout(() => {
  console.error('soak: still running 2 minutes after its planned end; giving up')
  process.exit(3)
}, durationMs + 180_000)
watchdog.unref()

const server = await serveBuild(cspOfBuild())
const shapes = SHAPE_S > 0 ? dataShapes(DIST) : []
let shapeChanges = 0
const browser = await launchChromium()
const machine = machineInfo(browser.version())
const samples = []
const issues = []
let stopping = false

const MB = 1024 * 1024
const fmtMB = (n) => (n / MB).toFixed(2)

function ratio(a, b) {
  return b > 0 ? Math.round((a / b) * 1000) / 1000 : null
}

/** last/first, and last/min over the samples taken after the first minute. */
function growth(series) {
  const values = series.map((s) => s.value)
  const afterWarmup = series.filter((s) => s.t >= WARMUP_S).map((s) => s.value)
  const first = values[0]
  const last = values.at(-1)
  const minAfter = afterWarmup.length ? Math.min(...afterWarmup) : null
  return {
    first,
    last,
    min: Math.min(...values),
    max: Math.max(...values),
    minAfterFirstMinute: minAfter,
    lastOverFirst: ratio(last, first),
    lastOverMinAfterFirstMinute: minAfter === null ? null : ratio(last, minAfter),
  }
}

/** Least-squares slope of value over time, per hour, of the samples after `from` seconds. */
function slopePerHour(series, from) {
  const pts = series.filter((s) => s.t >= from && s.value !== null)
  if (pts.length < 3) return null
  const n = pts.length
  const mt = pts.reduce((a, p) => a + p.t, 0) / n
  const mv = pts.reduce((a, p) => a + p.value, 0) / n
  const num = pts.reduce((a, p) => a + (p.t - mt) * (p.value - mv), 0)
  const den = pts.reduce((a, p) => a + (p.t - mt) ** 2, 0)
  return den > 0 ? (num / den) * 3600 : null
}

/** The value nearest after `t` seconds. */
const at = (series, t) => series.find((s) => s.t >= t)?.value ?? null

/** Start, after 10 minutes, end, slope per hour after 10 minutes and that slope × 72 h. */
function trend(series) {
  const slope = slopePerHour(series, SETTLED_S)
  return {
    start: series[0]?.value ?? null,
    after10min: at(series, SETTLED_S),
    end: series.at(-1)?.value ?? null,
    slopePerHour: slope,
    projected72h: slope === null ? null : slope * PROJECT_HOURS,
  }
}

/**
 * One figure's series over the samples taken on the alignment page (samples taken on another page
 * are kept in the file, not compared).
 */
function aligned(key) {
  return samples.filter((s) => s.aligned !== false).map((s) => ({ t: s.t, value: s[key] }))
}

function trends() {
  return {
    heap: trend(aligned('heapUsed')),
    nodes: trend(aligned('nodes')),
    listeners: trend(aligned('listeners')),
    canvases: trend(aligned('canvases')),
    idb: trend(samples.map((s) => ({ t: s.t, value: s.idb }))),
  }
}

function summary() {
  return samples.some((s) => s.aligned !== false)
    ? {
        heap: growth(aligned('heapUsed')),
        nodes: growth(aligned('nodes')),
        listeners: growth(aligned('listeners')),
        canvases: growth(aligned('canvases')),
      }
    : null
}

function write(status) {
  const data = {
    date: new Date(startedAt).toISOString(),
    status,
    machine: { ...machine, loadAverageAtEnd: load() },
    settings: {
      path: PATH,
      viewport: VIEWPORT,
      minutes: MINUTES,
      intervalSeconds: INTERVAL_S,
      warmupSeconds: WARMUP_S,
      alignPage: ALIGN_PAGE,
      dist: DIST,
      shapeSeconds: SHAPE_S,
      settledSeconds: SETTLED_S,
      gc: 'HeapProfiler.collectGarbage ×2 before every sample',
      projection: `slope per hour after ${SETTLED_S / 60} min × ${PROJECT_HOURS} h (growth taken as per wall hour: an upper bound)`,
    },
    trends: samples.length ? trends() : null,
    ratios: summary(),
    samples,
    issues: [...new Set(issues)].slice(0, 50),
  }
  mkdirSync(dirname(OUT), { recursive: true })
  writeFileSync(OUT, JSON.stringify(data, null, 2) + '\n')
  return data
}

async function shutdown(signal) {
  if (stopping) return
  stopping = true
  console.error(`\nsoak: ${signal}, writing what there is`)
  write(`interrupted (${signal})`)
  await browser.close().catch(() => undefined)
  await server.close().catch(() => undefined)
  process.exit(130)
}
process.on('SIGINT', () => void shutdown('SIGINT'))
process.on('SIGTERM', () => void shutdown('SIGTERM'))

try {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 })
  // Counts page changes and chart renders from inside the page, without touching the app.
  await context.addInitScript(() => {
    const counts = { pageChanges: 0, chartsFinished: 0, lastPage: null }
    window.__soak = counts
    new MutationObserver((records) => {
      records.forEach((r, i) => {
        if (r.attributeName === 'data-page') {
          const page = r.target.getAttribute('data-page')
          if (page !== counts.lastPage) {
            if (counts.lastPage !== null) counts.pageChanges++
            counts.lastPage = page
          }
        } else {
          // The new value is the oldValue of the holder's next record in this batch, if any.
          const later = records.slice(i + 1).find((x) => x.target === r.target)
          const value = later ? later.oldValue : r.target.getAttribute('data-chart-state')
          if (value === 'finished') counts.chartsFinished++
        }
      })
    }).observe(document, {
      subtree: true,
      attributes: true,
      attributeOldValue: true,
      attributeFilter: ['data-page', 'data-chart-state'],
    })
  })
  const page = await context.newPage()
  page.on('console', (m) => {
    if (m.type() === 'error') issues.push(`console.error: ${m.text()}`)
  })
  page.on('pageerror', (e) => issues.push(`pageerror: ${e.message}`))
  const cdp = await context.newCDPSession(page)
  await cdp.send('HeapProfiler.enable')

  const dataRequests = () => server.state.requests.filter((p) => p.includes('/data/')).length

  const readPage = () =>
    page.evaluate(async () => ({
      idb: (await navigator.storage?.estimate?.())?.usageDetails?.indexedDB ?? null,
      canvases: document.querySelectorAll('canvas').length,
      charts: document.querySelectorAll('[data-chart-state]').length,
      page: document.querySelector('.screen')?.dataset.page ?? null,
      pageChanges: window.__soak?.pageChanges ?? null,
      chartsFinished: window.__soak?.chartsFinished ?? null,
    }))
  const waitForAlignPage = () =>
    page
      .waitForFunction(
        (target) => {
          const screen = document.querySelector('.screen')
          if (screen?.dataset.page !== target) return false
          const charts = [...screen.querySelectorAll('[data-chart-state]')]
          return charts.length > 0 && charts.every((c) => c.dataset.chartState === 'finished')
        },
        ALIGN_PAGE,
        { timeout: 30_000, polling: 50 },
      )
      .then(() => true)
      .catch(() => false)

  /**
   * GC, then read the counters. With alignment, the sample counts only if the page did not rotate
   * between the wait and the last read (no page change counted meanwhile); else it tries again at
   * the page's next turn, at most 3 times, and keeps the last try marked aligned: false.
   */
  async function takeSample() {
    for (let attempt = 1; ; attempt++) {
      const found = ALIGN_PAGE === 'none' ? null : await waitForAlignPage()
      const before = found ? await readPage() : null
      await cdp.send('HeapProfiler.collectGarbage')
      await cdp.send('HeapProfiler.collectGarbage')
      const heap = await cdp.send('Runtime.getHeapUsage')
      const dom = await cdp.send('Memory.getDOMCounters')
      const inPage = await readPage()
      const aligned =
        found === null
          ? null
          : found &&
            inPage.page === ALIGN_PAGE &&
            before.page === ALIGN_PAGE &&
            inPage.pageChanges === before.pageChanges
      if (aligned === false && attempt < 3) continue
      return {
        t: Math.round((Date.now() - t0) / 1000),
        heapUsed: heap.usedSize,
        heapTotal: heap.totalSize,
        nodes: dom.nodes,
        listeners: dom.jsEventListeners,
        documents: dom.documents,
        ...inPage,
        dataRequests: dataRequests(),
        shapeChanges,
        shape: shapes.length ? 'full (held for the sample)' : null,
        // false: the page kept rotating away while sampling (or never came up); not in the ratios
        aligned,
        attempts: attempt,
      }
    }
  }

  await page.goto(server.url + PATH)
  // Not page.waitForSelector: its injected watcher keeps ~1200 detached nodes of the first page
  // alive for the rest of the session (seen with Playwright 1.65), which would read as a leak.
  await page.waitForFunction(
    () => document.querySelector('.screen [data-chart-state="finished"]') !== null,
    null,
    { timeout: 30_000, polling: 100 },
  )
  const t0 = Date.now()
  // The data changes shape every SHAPE_S seconds: the next refreshes get another shape.
  // Samples are comparable only in one shape: each is taken in the full shape (see below).
  let holdFull = false
  const shapeTimer =
    shapes.length > 0
      ? setInterval(() => {
          if (holdFull) return
          shapeChanges++
          server.state.override = serveShape(shapes[shapeChanges % shapes.length])
        }, SHAPE_S * 1000)
      : null
  /** Serves the full shape until the screen has refreshed with it (three refreshes), samples. */
  async function sampleInFullShape() {
    if (!shapes.length) return takeSample()
    holdFull = true
    server.state.override = null
    await new Promise((r) => setTimeout(r, 6_000))
    try {
      return await takeSample()
    } finally {
      holdFull = false
      server.state.override = serveShape(shapes[shapeChanges % shapes.length])
    }
  }
  console.log(
    `soak: ${PATH} at ${VIEWPORT.width}×${VIEWPORT.height} for ${MINUTES} min, ` +
      `a sample every ${INTERVAL_S} s after a forced GC` +
      (ALIGN_PAGE === 'none' ? '\n' : `, each on the "${ALIGN_PAGE}" page\n`),
  )
  const columns = [
    ['t (s)', (x) => x.t],
    ['heap MiB', (x) => fmtMB(x.heapUsed)],
    ['nodes', (x) => x.nodes],
    ['listeners', (x) => x.listeners],
    ['canvases', (x) => x.canvases],
    ['idb KiB', (x) => (x.idb === null ? null : (x.idb / 1024).toFixed(0))],
    ['charts', (x) => x.charts],
    ['docs', (x) => x.documents],
    ['page changes', (x) => x.pageChanges],
    ['data requests', (x) => x.dataRequests],
    ['shape changes', (x) => x.shapeChanges],
    ['page', (x) => (x.aligned === false ? `${x.page} (not aligned)` : x.page)],
  ]
  const line = (cells) =>
    cells.map((c, i) => String(c ?? '—').padStart(Math.max(columns[i][0].length, 6))).join('  ')
  console.log(line(columns.map(([h]) => h)))

  for (let i = 0; ; i++) {
    const due = t0 + i * INTERVAL_S * 1000
    if (due > t0 + durationMs) break
    const wait = due - Date.now()
    if (wait > 0) await new Promise((r) => setTimeout(r, wait))
    const sample = await sampleInFullShape()
    samples.push(sample)
    console.log(line(columns.map(([, f]) => f(sample))))
  }
  if (shapeTimer) clearInterval(shapeTimer)
  await context.close()
} finally {
  if (!stopping) {
    clearTimeout(watchdog)
    await browser.close().catch(() => undefined)
    await server.close().catch(() => undefined)
  }
}

const data = write(samples.length ? 'complete' : 'no samples')
const r = data.ratios
if (r) {
  const rows = [['', 'first', 'min', 'max', 'last', 'last/first', 'last/min after 1 min']]
  const add = (label, g, f = (x) => x) =>
    rows.push([
      label,
      f(g.first),
      f(g.min),
      f(g.max),
      f(g.last),
      g.lastOverFirst,
      g.lastOverMinAfterFirstMinute ?? '—',
    ])
  add('JS heap used (MiB)', r.heap, fmtMB)
  add('DOM nodes', r.nodes)
  add('JS event listeners', r.listeners)
  add('canvases', r.canvases)
  console.log(`\n${table(rows)}`)
}
if (data.trends) {
  const t = data.trends
  const rows = [['', 'start', 'after 10 min', 'end', 'slope / hour', `× ${PROJECT_HOURS} h`]]
  const num = (x, f) => (x === null ? '—' : f(x))
  const add = (label, g, f) =>
    rows.push([
      label,
      num(g.start, f),
      num(g.after10min, f),
      num(g.end, f),
      num(g.slopePerHour, f),
      num(g.projected72h, f),
    ])
  const r1 = (x) => (Math.round(x * 10) / 10).toString()
  add('JS heap used (MiB)', t.heap, (x) => (x / MB).toFixed(2))
  add('DOM nodes', t.nodes, r1)
  add('JS event listeners', t.listeners, r1)
  add('canvases', t.canvases, r1)
  add('IndexedDB (KiB)', t.idb, (x) => (x / 1024).toFixed(1))
  console.log(`\n${table(rows)}`)
}
const last = samples.at(-1)
if (last) {
  console.log(
    `\n${last.pageChanges} page changes, ${last.dataRequests} data requests, ` +
      `${last.chartsFinished} chart renders, ${last.shapeChanges} data shape changes ` +
      `in ${Math.round(last.t / 60)} min`,
  )
}
if (data.issues.length) {
  console.log(`\n${data.issues.length} console/page error(s):`)
  for (const i of data.issues.slice(0, 10)) console.log(`  ${i}`)
}
console.log(`\nwrote ${OUT}`)
