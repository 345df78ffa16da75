/**
 * Benchmarks of the production build (dist/), served as a static host would, in headless Chromium:
 *   npm run build && npm run bench [-- --runs 10 --sizes 1920x1080,3840x2160 --update-runs 10]
 *
 *   1. bytes:  the figures of scripts/check-budget.mjs (gzip -9 of what the overview loads).
 *   2. load:   navigation start → every chart of the overview (#/) has finished rendering, over
 *              `--runs` cold loads per size (a new browser context each: empty HTTP cache).
 *   3. update: the year <select> changed (2024 → 2023 → 2024 …) → every chart has finished
 *              rendering the new year again, `--update-runs` times on one page.
 *   4. soak:   the summary of bench/soak.json when `npm run bench:soak` has written one.
 * Prints a table and writes bench/results.json. Builds nothing: run `npm run build` first.
 * Options: --cpu-throttle N (CDP CPU slowdown factor, default 1 = none), --out FILE.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { computeBudget, formatBudgetTable, kib } from '../check-budget.mjs'
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
  summarize,
  table,
} from './common.mjs'

const RUNS = numberArg('--runs', 10)
const UPDATE_RUNS = numberArg('--update-runs', 10)
const CPU_THROTTLE = numberArg('--cpu-throttle', 1)
const SIZES = arg('--sizes', '1920x1080,3840x2160')
  .split(',')
  .map((s) => s.trim().split('x').map(Number))
const UPDATE_SIZE = arg('--update-size', '1920x1080').split('x').map(Number)
const OUT = arg('--out', 'bench/results.json')
const SOAK_FILE = arg('--soak', 'bench/soak.json')
const OVERVIEW = '#/'
const LOAD_TIMEOUT_MS = 30_000
/** After every chart has finished, how long nothing may change before the load counts as done. */
const QUIET_MS = 1_000

requireDist()

// ------------------------------------------------------------------ in-page probes

/**
 * Installed before any page script runs. Watches `data-chart-state` (attribute mutations only: a
 * chart holder is created with "rendering", so the all-finished condition can only become true on
 * a change to "finished"). Records, in performance.now() ms since navigation start:
 *   first  – the first moment every holder (at least `expected` of them) is "finished";
 *   last   – the last such moment before the page stayed quiet for QUIET_MS (a chart that
 *            re-initialises, e.g. on a pixel-ratio change, shows up as last > first).
 */
function loadProbe({ expected, quietMs }) {
  const state = {
    expected,
    first: null,
    last: null,
    settled: false,
    renderingAfterFirst: 0,
    finishedEvents: 0,
  }
  window.__bench = state
  const newValues = (records) => {
    const values = []
    for (let i = 0; i < records.length; i++) {
      const later = records.slice(i + 1).find((r) => r.target === records[i].target)
      values.push(later ? later.oldValue : records[i].target.getAttribute('data-chart-state'))
    }
    return values
  }
  let quiet = 0
  const allFinished = () => {
    const holders = document.querySelectorAll('[data-chart-state]')
    if (holders.length < expected) return false
    for (const h of holders) if (h.getAttribute('data-chart-state') !== 'finished') return false
    return true
  }
  const observer = new MutationObserver((records) => {
    const now = performance.now()
    // One callback may hold several records of one holder (rendering → finished in one task): a
    // record's new value is the next record's oldValue, the last one's is the current value.
    for (const value of newValues(records)) {
      if (value === 'finished') state.finishedEvents++
      else if (state.first !== null) state.renderingAfterFirst++
    }
    if (allFinished()) {
      if (state.first === null) state.first = now
      state.last = now
    }
    if (state.first !== null) {
      clearTimeout(quiet)
      quiet = setTimeout(() => {
        if (!allFinished()) return
        state.settled = true
        observer.disconnect()
      }, quietMs)
    }
  })
  observer.observe(document, {
    subtree: true,
    attributes: true,
    attributeOldValue: true,
    attributeFilter: ['data-chart-state'],
  })
}

/**
 * Navigation and resource timing of the load, read after it settled. `files` are the build's
 * initial JS and ECharts files (paths relative to dist/, from the budget script).
 */
function loadTimings(files) {
  const nav = performance.getEntriesByType('navigation')[0]
  const fcp = performance.getEntriesByName('first-contentful-paint')[0]
  const resources = performance.getEntriesByType('resource')
  const end = (test) => {
    const hits = resources.filter((r) => test(new URL(r.name).pathname))
    return hits.length ? Math.max(...hits.map((r) => r.responseEnd)) : null
  }
  const oneOf = (list) => (path) => list.some((f) => path.endsWith(`/${f}`))
  return {
    ...window.__bench,
    domContentLoaded: nav?.domContentLoadedEventEnd ?? null,
    fcp: fcp?.startTime ?? null,
    initialJsEnd: end(oneOf(files.initial)),
    echartsEnd: files.echarts.length ? end(oneOf(files.echarts)) : null,
    dataEnd: end((path) => /\/data\/[^/]*\.json$/.test(path)),
    charts: document.querySelectorAll('[data-chart-state]').length,
    canvases: document.querySelectorAll('canvas').length,
  }
}

/**
 * Changes the year <select> (the first select of the filter bar) in the page and resolves when
 * the charts have settled: every chart holder is "finished" and has reported "finished" again
 * since the change. It does not rely on the wrapper (src/lib/echarts/echart-impl.tsx) marking
 * "rendering" on setOption (it does since 0f86d6c): without that the attribute goes finished →
 * finished, and setAttribute with the same value still queues a mutation record, which is what the
 * probe listens for. Whether every chart went through "rendering" is reported. A chart whose option
 * did not change never reports; then the probe settles after `quietMs` without a mutation and
 * says so (reason "quiet").
 */
function updateProbe({ year, expected, quietMs, timeoutMs }) {
  return new Promise((resolve, reject) => {
    const select = document.querySelector('.filter-bar select')
    if (!select) return reject(new Error('no year <select> in .filter-bar'))
    if (![...select.options].some((o) => o.value === String(year)))
      return reject(new Error(`year ${year} is not an option of the year <select>`))
    const finishedAt = new Map()
    const renderingAt = new Map()
    let sawRendering = 0
    let mutations = 0
    let quiet = 0
    let hard = 0
    const holders = () => [...document.querySelectorAll('[data-chart-state]')]
    const done = (reason) => {
      observer.disconnect()
      clearTimeout(quiet)
      clearTimeout(hard)
      const times = [...finishedAt.values()]
      const starts = [...renderingAt.values()]
      const current = holders()
      resolve({
        reason,
        ms: times.length ? Math.max(...times) - t0 : null,
        firstChartMs: times.length ? Math.min(...times) - t0 : null,
        /** Until the last chart was handed its new option (React re-render + setOption calls). */
        appliedMs: starts.length ? Math.max(...starts) - t0 : null,
        chartsReported: current.filter((h) => finishedAt.has(h)).length,
        chartsMarkedRendering: current.filter((h) => renderingAt.has(h)).length,
        charts: current.length,
        sawRendering,
        mutations,
        selected: select.value,
      })
    }
    const settled = () => {
      const current = holders()
      return (
        current.length >= expected &&
        current.every((h) => h.getAttribute('data-chart-state') === 'finished' && finishedAt.has(h))
      )
    }
    const observer = new MutationObserver((records) => {
      const now = performance.now()
      records.forEach((r, i) => {
        mutations++
        // The new value of a record is the oldValue of the holder's next record, if any.
        const later = records.slice(i + 1).find((x) => x.target === r.target)
        const value = later ? later.oldValue : r.target.getAttribute('data-chart-state')
        if (value === 'finished') finishedAt.set(r.target, now)
        else {
          sawRendering++
          renderingAt.set(r.target, now)
        }
      })
      if (settled()) return done('all-reported')
      clearTimeout(quiet)
      quiet = setTimeout(() => done('quiet'), quietMs)
    })
    observer.observe(document, {
      subtree: true,
      attributes: true,
      attributeOldValue: true,
      attributeFilter: ['data-chart-state'],
    })
    hard = setTimeout(() => done('timeout'), timeoutMs)
    quiet = setTimeout(() => done('quiet'), Math.max(quietMs, 3000))
    const t0 = performance.now()
    select.value = String(year)
    select.dispatchEvent(new Event('change', { bubbles: true }))
  })
}

// ------------------------------------------------------------------ runner

const csp = cspOfBuild()
const server = await serveBuild(csp)
const browser = await launchChromium()
const url = server.url + OVERVIEW
let buildFiles = { initial: [], echarts: [] }

async function newSession([width, height]) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 })
  const page = await context.newPage()
  const issues = []
  page.on('console', (m) => {
    if (m.type() === 'error' || /content security policy/i.test(m.text()))
      issues.push(`console ${m.type()}: ${m.text()}`)
  })
  page.on('pageerror', (e) => issues.push(`pageerror: ${e.message}`))
  if (CPU_THROTTLE !== 1) {
    const cdp = await context.newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE })
  }
  return { context, page, issues }
}

/** A warm-up load that counts the charts the overview shows once everything has settled. */
async function countCharts(size) {
  const s = await newSession(size)
  try {
    await s.page.goto(url)
    await s.page.waitForFunction(
      () => {
        const holders = document.querySelectorAll('.chart-panel__chart')
        const charts = [...document.querySelectorAll('[data-chart-state]')]
        return (
          holders.length > 0 &&
          charts.length === holders.length &&
          charts.every((c) => c.getAttribute('data-chart-state') === 'finished')
        )
      },
      null,
      { timeout: LOAD_TIMEOUT_MS },
    )
    await s.page.waitForTimeout(1500)
    const count = await s.page.evaluate(
      () => document.querySelectorAll('[data-chart-state]').length,
    )
    return { count, issues: s.issues }
  } finally {
    await s.context.close()
  }
}

async function coldLoad(size, expected) {
  const s = await newSession(size)
  try {
    await s.context.addInitScript(loadProbe, { expected, quietMs: QUIET_MS })
    await s.page.goto(url, { waitUntil: 'commit' })
    await s.page.waitForFunction(() => window.__bench?.settled === true, null, {
      timeout: LOAD_TIMEOUT_MS,
      polling: 100,
    })
    const t = await s.page.evaluate(loadTimings, buildFiles)
    return { ...t, issues: s.issues }
  } finally {
    await s.context.close()
  }
}

/** One line per step on a terminal (overwritten) or in a log (kept). */
const progress = (text) =>
  process.stdout.isTTY ? process.stdout.write(`\r${text}   `) : console.log(text)
const progressEnd = () => process.stdout.isTTY && process.stdout.write('\n')
const ms = (n) => (n === null || n === undefined ? '—' : `${Math.round(n)}`)
const results = {
  date: new Date().toISOString(),
  machine: machineInfo(browser.version()),
  settings: {
    runs: RUNS,
    updateRuns: UPDATE_RUNS,
    cpuThrottle: CPU_THROTTLE,
    dist: DIST,
    path: OVERVIEW,
    deviceScaleFactor: 1,
    network: 'loopback static server (tests/browser/static-server.mjs), no throttling',
  },
  bytes: null,
  load: {},
  update: null,
  soak: null,
  issues: [],
}

try {
  // 1. bytes
  const budget = computeBudget({ dist: DIST })
  buildFiles = {
    initial: budget.initialJs.files.map((f) => f.file),
    echarts: (budget.echarts?.files ?? []).map((f) => f.file),
  }
  results.bytes = {
    initialJsGzip: budget.initialJs.gzip,
    initialCssGzip: budget.initialCss.gzip,
    echartsGzip: budget.echarts?.gzip ?? null,
    preloadedGzip: budget.preloaded.gzip,
    overviewJsGzip: budget.overviewJs.gzip,
    lazyGzip: budget.lazy.gzip,
    dataGzip: budget.data.gzip,
    initialJsRaw: budget.initialJs.bytes,
    overviewJsRaw: budget.overviewJs.bytes,
    files: {
      initialJs: budget.initialJs.files,
      initialCss: budget.initialCss.files,
      preloaded: budget.preloaded.files,
      echarts: budget.echarts?.files ?? [],
      lazy: budget.lazy.files,
    },
    budgets: budget.budgets,
    withinBudget: budget.ok,
  }
  console.log('bytes (gzip -9, as scripts/check-budget.mjs)\n')
  console.log(formatBudgetTable(budget))

  // 2. cold loads
  for (const size of SIZES) {
    const key = `${size[0]}x${size[1]}`
    const warm = await countCharts(size)
    results.issues.push(...warm.issues.map((i) => `${key} warm-up: ${i}`))
    const runs = []
    for (let i = 0; i < RUNS; i++) {
      const r = await coldLoad(size, warm.count)
      results.issues.push(...r.issues.map((x) => `${key} load ${i + 1}: ${x}`))
      delete r.issues
      runs.push(r)
      progress(`${key}: load ${i + 1}/${RUNS}: all charts finished at ${ms(r.last)} ms`)
    }
    progressEnd()
    results.load[key] = {
      expectedCharts: warm.count,
      chartsFinished: summarize(runs.map((r) => r.last)),
      firstAllFinished: summarize(runs.map((r) => r.first)),
      fcp: summarize(runs.map((r) => r.fcp).filter((x) => x !== null)),
      domContentLoaded: summarize(runs.map((r) => r.domContentLoaded).filter((x) => x !== null)),
      initialJsEnd: summarize(runs.map((r) => r.initialJsEnd).filter((x) => x !== null)),
      echartsEnd: summarize(runs.map((r) => r.echartsEnd).filter((x) => x !== null)),
      dataEnd: summarize(runs.map((r) => r.dataEnd).filter((x) => x !== null)),
      rerenderedAfterFirstFinish: runs.filter((r) => r.renderingAfterFirst > 0).length,
      runs: runs.map((r) => ({
        chartsFinished: r.last,
        firstAllFinished: r.first,
        fcp: r.fcp,
        domContentLoaded: r.domContentLoaded,
        initialJsEnd: r.initialJsEnd,
        echartsEnd: r.echartsEnd,
        dataEnd: r.dataEnd,
        charts: r.charts,
        canvases: r.canvases,
        finishedEvents: r.finishedEvents,
        renderingAfterFirst: r.renderingAfterFirst,
      })),
    }
  }

  // 3. year change
  {
    const key = `${UPDATE_SIZE[0]}x${UPDATE_SIZE[1]}`
    const warm = await countCharts(UPDATE_SIZE)
    const s = await newSession(UPDATE_SIZE)
    try {
      await s.page.goto(url)
      await s.page.waitForFunction(
        (expected) => {
          const charts = [...document.querySelectorAll('[data-chart-state]')]
          return (
            charts.length >= expected &&
            charts.every((c) => c.getAttribute('data-chart-state') === 'finished')
          )
        },
        warm.count,
        { timeout: LOAD_TIMEOUT_MS },
      )
      await s.page.waitForTimeout(1500)
      const years = await s.page.evaluate(() =>
        [...(document.querySelector('.filter-bar select')?.options ?? [])].map((o) => o.value),
      )
      const from = await s.page.evaluate(() => document.querySelector('.filter-bar select')?.value)
      const to = years.includes('2023') && from !== '2023' ? '2023' : years.find((y) => y !== from)
      const runs = []
      for (let i = 0; i < UPDATE_RUNS; i++) {
        const year = Number(i % 2 === 0 ? to : from)
        const r = await s.page.evaluate(updateProbe, {
          year,
          expected: warm.count,
          quietMs: 1500,
          timeoutMs: 15_000,
        })
        runs.push({ year, ...r })
        progress(`update ${i + 1}/${UPDATE_RUNS}: → ${year} settled in ${ms(r.ms)} ms`)
        await s.page.waitForTimeout(500)
      }
      progressEnd()
      results.issues.push(...s.issues.map((x) => `${key} update: ${x}`))
      const complete = runs.filter((r) => r.reason === 'all-reported')
      results.update = {
        size: key,
        years: [Number(from), Number(to)],
        expectedCharts: warm.count,
        settled: summarize(runs.map((r) => r.ms).filter((x) => x !== null)),
        firstChart: summarize(runs.map((r) => r.firstChartMs).filter((x) => x !== null)),
        applied: summarize(runs.map((r) => r.appliedMs).filter((x) => x !== null)),
        runsWhereEveryChartReported: complete.length,
        /** Every chart went "rendering" on every update (src/lib/echarts/echart-impl.tsx). */
        wrapperMarksRenderingOnUpdate: runs.every((r) => r.chartsMarkedRendering === r.charts),
        chartsMarkedRendering: Math.min(...runs.map((r) => r.chartsMarkedRendering)),
        runs,
      }
    } finally {
      await s.context.close()
    }
  }
} finally {
  await browser.close()
  await server.close()
}

results.machine.loadAverageAtEnd = load()

// 4. soak summary, when there is one
if (existsSync(SOAK_FILE)) {
  try {
    const soak = JSON.parse(readFileSync(SOAK_FILE, 'utf8'))
    results.soak = {
      file: SOAK_FILE,
      date: soak.date,
      minutes: soak.settings?.minutes,
      intervalSeconds: soak.settings?.intervalSeconds,
      samples: soak.samples?.length ?? 0,
      ratios: soak.ratios,
      first: soak.samples?.[0] ?? null,
      last: soak.samples?.at(-1) ?? null,
    }
  } catch (err) {
    results.soak = { file: SOAK_FILE, error: `unreadable: ${err.message}` }
  }
} else {
  results.soak = { file: SOAK_FILE, note: 'not run yet: npm run bench:soak' }
}

// 5. export and comparison-scale figures, written by their own scripts just before this one
for (const [key, file] of [
  ['export', 'bench/export.json'],
  ['compare', 'bench/compare.json'],
  ['briefing', 'bench/briefing.json'],
]) {
  try {
    results[key] = existsSync(file)
      ? { file, ...JSON.parse(readFileSync(file, 'utf8')) }
      : { file, note: 'not run' }
  } catch (err) {
    results[key] = { file, error: `unreadable: ${err.message}` }
  }
}

// ------------------------------------------------------------------ report

const rows = [['figure', 'median', 'min', 'max', 'p90', 'n']]
const row = (label, s) => rows.push([label, ms(s.median), ms(s.min), ms(s.max), ms(s.p90), s.n])
for (const [key, l] of Object.entries(results.load)) {
  row(`load ${key}: all ${l.expectedCharts} charts finished (ms)`, l.chartsFinished)
  row(`load ${key}: first contentful paint (ms)`, l.fcp)
  row(`load ${key}: initial JS received (ms)`, l.initialJsEnd)
  row(`load ${key}: ECharts JS received (ms)`, l.echartsEnd)
}
if (results.update) {
  row(
    `update ${results.update.size}: year ${results.update.years.join('↔')} → charts settled (ms)`,
    results.update.settled,
  )
  row(
    `update ${results.update.size}: every chart handed its new option (ms)`,
    results.update.applied,
  )
}
const m = results.machine
console.log(
  `\n${m.cpuModel} ×${m.cpuCount}, node ${m.node}, Chromium ${m.chromium}; ` +
    `load average ${m.loadAverageAtStart[0]} at start, ${m.loadAverageAtEnd[0]} at end`,
)
if (Math.max(m.loadAverageAtStart[0], m.loadAverageAtEnd[0]) > m.cpuCount / 2) {
  console.log('warning: the machine was busy during the run; the timings are slower than usual')
}
console.log(`\n${table(rows)}`)
const b = results.bytes
console.log(
  `\nbytes: initial JS ${kib(b.initialJsGzip)}, ECharts ${b.echartsGzip === null ? '(no preload hint)' : kib(b.echartsGzip)}, ` +
    `overview JS ${kib(b.overviewJsGzip)}, initial CSS ${kib(b.initialCssGzip)} (gzip -9)`,
)
if (results.update) {
  const u = results.update
  console.log(
    `update: ${u.runsWhereEveryChartReported}/${u.runs.length} runs had every chart report ` +
      `"finished" again; wrapper marks "rendering" on update: ${u.wrapperMarksRenderingOnUpdate ? 'yes' : 'no'}`,
  )
}
for (const [key, l] of Object.entries(results.load)) {
  if (l.rerenderedAfterFirstFinish)
    console.log(
      `note: ${key}: in ${l.rerenderedAfterFirstFinish} load(s) a chart rendered again after all had finished`,
    )
}
if (results.soak?.ratios) {
  const r = results.soak.ratios
  console.log(
    `soak (${results.soak.minutes} min, ${results.soak.date}): last/first heap ${r.heap?.lastOverFirst}, ` +
      `nodes ${r.nodes?.lastOverFirst}, listeners ${r.listeners?.lastOverFirst}, canvases ${r.canvases?.lastOverFirst}`,
  )
} else {
  console.log(`soak: ${results.soak?.note ?? results.soak?.error}`)
}
if (results.export?.exportMs) {
  console.log(
    `export 2× of an overview chart: median ${results.export.exportMs.median} ms ` +
      `(first, loading the export chunk: ${results.export.firstExportMs} ms)`,
  )
}
if (results.briefing?.docx) {
  const { docx, deck } = results.briefing
  console.log(
    `briefing files from the overview: .docx median ${docx.ms.median} ms (first ${docx.firstMs} ms), ` +
      `deck median ${deck.ms.median} ms (first ${deck.firstMs} ms)`,
  )
}
if (results.compare && !results.compare.note) {
  console.log(
    `comparison at city scale: ${JSON.stringify(results.compare.summary ?? results.compare).slice(0, 300)}`,
  )
}
if (results.issues.length) {
  console.log(`\n${results.issues.length} console/page error(s):`)
  for (const i of [...new Set(results.issues)].slice(0, 20)) console.log(`  ${i}`)
}
mkdirSync(dirname(OUT), { recursive: true })
writeFileSync(OUT, JSON.stringify(results, null, 2) + '\n')
console.log(`\nwrote ${OUT}`)
