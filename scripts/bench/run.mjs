/**
 * Benchmarks of the production build (dist/), served as a static host would, in headless Chromium:
 *   npm run build && npm run bench [-- --runs 5 --cpu-throttle 1,4]
 *
 *   1. bytes:  the figures of scripts/check-budget.mjs (gzip -9 of what the overview loads).
 *   2. loads:  `--runs` cold loads (a new browser context each: empty HTTP cache) of the overview
 *              (#/) and the big screen (#/screen?rotate=0) per size and CPU throttling rate:
 *              metric-card figures in the DOM, first chart drawn and every visible chart drawn
 *              (non-blank canvas pixels, independent of our own event), every visible chart and
 *              every chart "finished" (ECharts' `finished` event, after the entry animation).
 *   3. interactions, per throttling rate, on one page each: the year and the unit <select> of the
 *              overview changed → every chart "finished" again; the big screen's next page (→ key)
 *              → every chart of it finished and drawn.
 *   4. soak, export, comparison at city scale: the summaries their own scripts wrote.
 * Prints a table with the issue #16 targets and writes bench/results.json. Builds nothing.
 * Options: --cpu-throttle 1,4 (CDP Emulation.setCPUThrottlingRate factors), --runs N (5),
 * --update-runs N (6), --page-runs N (10), --sizes 1920x1080[,3840x2160], --pages overview,screen,
 * --out FILE, --dist DIR. The probes are in scripts/bench/probes.mjs.
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
import { installTools, loadProbe, pageFacts, screenPageProbe, settleProbe } from './probes.mjs'

const RUNS = numberArg('--runs', 5)
const UPDATE_RUNS = numberArg('--update-runs', 6)
const PAGE_RUNS = numberArg('--page-runs', 10)
const THROTTLES = arg('--cpu-throttle', '1,4')
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => Number.isFinite(n) && n >= 1)
const SIZES = arg('--sizes', '1920x1080')
  .split(',')
  .map((s) => s.trim().split('x').map(Number))
const PAGES = {
  overview: '#/',
  screen: '#/screen?rotate=0',
}
const PAGE_KEYS = arg('--pages', 'overview,screen')
  .split(',')
  .map((s) => s.trim())
  .filter((k) => k in PAGES)
const UPDATE_SIZE = [1920, 1080]
const OUT = arg('--out', 'bench/results.json')
const SOAK_FILE = arg('--soak', 'bench/soak.json')
const LOAD_TIMEOUT_MS = 30_000
/** After the last chart has finished, how long nothing may change before the load counts as done. */
const QUIET_MS = 1_000

/** The targets of issue #16 (ms), by figure and throttling rate. */
const TARGETS = {
  'overview.cardsAt': { 1: 250, 4: 600 },
  'overview.visibleDrawnAt': { 1: 500, 4: 1200 },
  'screen.visibleDrawnAt': { 1: 500, 4: 1200 },
  'update.year': { 1: 300, 4: 800 },
  'update.unit': { 1: 300, 4: 800 },
  'screenPage.drawnMs': { 1: 300 },
  'screenPage.finishedMs': { 1: 300 },
}

requireDist()

// ------------------------------------------------------------------ runner

const csp = cspOfBuild()
const server = await serveBuild(csp)
const browser = await launchChromium()
let buildFiles = { initial: [], echarts: [] }

async function newSession([width, height], throttle) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 })
  await context.addInitScript(installTools)
  const page = await context.newPage()
  const issues = []
  page.on('console', (m) => {
    if (m.type() === 'error' || /content security policy/i.test(m.text()))
      issues.push(`console ${m.type()}: ${m.text()}`)
  })
  page.on('pageerror', (e) => issues.push(`pageerror: ${e.message}`))
  if (throttle !== 1) {
    const cdp = await context.newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle })
  }
  return { context, page, issues }
}

/** Until the page shows charts and every chart holder it has is finished, then a quiet second. */
async function waitSettled(page) {
  await page.waitForFunction(
    () => {
      const charts = [...document.querySelectorAll('[data-chart-state]')]
      return (
        charts.length > 0 && charts.every((c) => c.getAttribute('data-chart-state') === 'finished')
      )
    },
    null,
    { timeout: LOAD_TIMEOUT_MS, polling: 100 },
  )
  await page.waitForTimeout(2000)
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('[data-chart-state]')].every(
        (c) => c.getAttribute('data-chart-state') === 'finished',
      ),
    null,
    { timeout: LOAD_TIMEOUT_MS, polling: 100 },
  )
}

/** A warm-up load that counts the cards, charts and visible charts the page shows once settled. */
async function countPage(path, size, throttle) {
  const s = await newSession(size, throttle)
  try {
    await s.page.goto(server.url + path)
    await waitSettled(s.page)
    const facts = await s.page.evaluate(pageFacts, null)
    return { ...facts, issues: s.issues }
  } finally {
    await s.context.close()
  }
}

async function coldLoad(path, size, throttle, expected) {
  const s = await newSession(size, throttle)
  try {
    await s.context.addInitScript(loadProbe, {
      expectedCards: expected.cards,
      expectedVisible: expected.visibleCharts,
      expectedCharts: expected.charts,
      quietMs: QUIET_MS,
      timeoutMs: LOAD_TIMEOUT_MS - 2000,
    })
    await s.page.goto(server.url + path, { waitUntil: 'commit' })
    await s.page.waitForFunction(() => window.__bench?.settled === true, null, {
      timeout: LOAD_TIMEOUT_MS,
      polling: 100,
    })
    const probe = await s.page.evaluate(() => window.__bench)
    const facts = await s.page.evaluate(pageFacts, buildFiles)
    return { ...probe, ...facts, issues: s.issues }
  } finally {
    await s.context.close()
  }
}

/** One line per step on a terminal (overwritten) or in a log (kept). */
const progress = (text) =>
  process.stdout.isTTY ? process.stdout.write(`\r${text}   `) : console.log(text)
const progressEnd = () => process.stdout.isTTY && process.stdout.write('\n')
const ms = (n) => (n === null || n === undefined ? '—' : `${Math.round(n)}`)
const pick = (runs, key) =>
  summarize(runs.map((r) => r[key]).filter((x) => x !== null && x !== undefined))

const results = {
  date: new Date().toISOString(),
  machine: machineInfo(browser.version()),
  settings: {
    runs: RUNS,
    updateRuns: UPDATE_RUNS,
    pageRuns: PAGE_RUNS,
    cpuThrottle: THROTTLES,
    sizes: SIZES.map(([w, h]) => `${w}x${h}`),
    pages: Object.fromEntries(PAGE_KEYS.map((k) => [k, PAGES[k]])),
    dist: DIST,
    deviceScaleFactor: 1,
    network: 'loopback static server (tests/browser/static-server.mjs), no throttling',
  },
  targets: TARGETS,
  bytes: null,
  /** load[`${throttle}x`][page][size] */
  load: {},
  /** update[`${throttle}x`].year / .unit */
  update: {},
  /** screenPage[`${throttle}x`] */
  screenPage: {},
  soak: null,
  issues: [],
}

async function loads(throttle) {
  const tkey = `${throttle}x`
  results.load[tkey] = {}
  for (const pageKey of PAGE_KEYS) {
    const path = PAGES[pageKey]
    results.load[tkey][pageKey] = {}
    for (const size of SIZES) {
      const key = `${size[0]}x${size[1]}`
      const warm = await countPage(path, size, throttle)
      results.issues.push(...warm.issues.map((i) => `${tkey} ${pageKey} ${key} warm-up: ${i}`))
      const expected = { cards: warm.cards, charts: warm.charts, visibleCharts: warm.visibleCharts }
      const runs = []
      for (let i = 0; i < RUNS; i++) {
        const r = await coldLoad(path, size, throttle, expected)
        results.issues.push(...r.issues.map((x) => `${tkey} ${pageKey} ${key} load ${i + 1}: ${x}`))
        delete r.issues
        runs.push(r)
        progress(
          `${tkey} ${pageKey} ${key}: load ${i + 1}/${RUNS}: cards ${ms(r.cardsAt)}, first chart ` +
            `drawn ${ms(r.firstDrawnAt)}, visible drawn ${ms(r.visibleDrawnAt)}, all finished ${ms(r.lastFinishedAt)} ms`,
        )
      }
      progressEnd()
      results.load[tkey][pageKey][key] = {
        path,
        expected,
        cardsAt: pick(runs, 'cardsAt'),
        firstDrawnAt: pick(runs, 'firstDrawnAt'),
        visibleDrawnAt: pick(runs, 'visibleDrawnAt'),
        visibleFinishedAt: pick(runs, 'visibleFinishedAt'),
        allFinishedAt: pick(runs, 'lastFinishedAt'),
        fcp: pick(runs, 'fcp'),
        domContentLoaded: pick(runs, 'domContentLoaded'),
        initialJsEnd: pick(runs, 'initialJsEnd'),
        echartsEnd: pick(runs, 'echartsEnd'),
        dataEnd: pick(runs, 'dataEnd'),
        timedOut: runs.filter((r) => r.timedOut).length,
        rerenderedAfterFinished: runs.filter((r) => r.renderingAfterFinished > 0).length,
        runs,
      }
    }
  }
}

async function selectChanges(throttle) {
  const tkey = `${throttle}x`
  const s = await newSession(UPDATE_SIZE, throttle)
  try {
    await s.page.goto(server.url + PAGES.overview)
    await waitSettled(s.page)
    const options = await s.page.evaluate(() =>
      [...document.querySelectorAll('.filter-bar select')].map((sel) => ({
        value: sel.value,
        options: [...sel.options].map((o) => o.value),
      })),
    )
    const out = {}
    for (const [name, index] of [
      ['year', 0],
      ['unit', 1],
    ]) {
      const { value: from, options: values } = options[index]
      const to =
        name === 'year' && values.includes('2023') ? '2023' : values.find((v) => v !== from)
      const runs = []
      for (let i = 0; i < UPDATE_RUNS; i++) {
        const value = i % 2 === 0 ? to : from
        const r = await s.page.evaluate(settleProbe, {
          action: { select: index, value },
          quietMs: 1500,
          timeoutMs: 15_000,
        })
        runs.push({ value, ...r })
        progress(
          `${tkey} ${name} change ${i + 1}/${UPDATE_RUNS}: → ${value} settled in ${ms(r.ms)} ms`,
        )
        await s.page.waitForTimeout(500)
      }
      progressEnd()
      out[name] = {
        from,
        to,
        settled: pick(runs, 'ms'),
        firstChart: pick(runs, 'firstChartMs'),
        applied: pick(runs, 'appliedMs'),
        runsWhereEveryChartReported: runs.filter((r) => r.reason === 'all-reported').length,
        runs,
      }
    }
    results.update[tkey] = { size: `${UPDATE_SIZE[0]}x${UPDATE_SIZE[1]}`, ...out }
    results.issues.push(...s.issues.map((x) => `${tkey} update: ${x}`))
  } finally {
    await s.context.close()
  }
}

async function screenPages(throttle) {
  const tkey = `${throttle}x`
  const s = await newSession(UPDATE_SIZE, throttle)
  try {
    await s.page.goto(server.url + PAGES.screen)
    await waitSettled(s.page)
    const runs = []
    for (let i = 0; i < PAGE_RUNS; i++) {
      const r = await s.page.evaluate(screenPageProbe, { timeoutMs: 15_000 })
      runs.push(r)
      progress(
        `${tkey} screen page ${i + 1}/${PAGE_RUNS}: ${r.from} → ${r.to}: drawn ${ms(r.drawnMs)}, finished ${ms(r.finishedMs)} ms`,
      )
      await s.page.waitForTimeout(800)
    }
    progressEnd()
    results.screenPage[tkey] = {
      firstDrawnMs: pick(runs, 'firstDrawnMs'),
      drawnMs: pick(runs, 'drawnMs'),
      finishedMs: pick(runs, 'finishedMs'),
      timedOut: runs.filter((r) => r.timedOut).length,
      runs,
    }
    results.issues.push(...s.issues.map((x) => `${tkey} screen pages: ${x}`))
  } finally {
    await s.context.close()
  }
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

  // 2.–3. per throttling rate: cold loads, then interactions
  for (const throttle of THROTTLES) {
    await loads(throttle)
    if (PAGE_KEYS.includes('overview')) await selectChanges(throttle)
    if (PAGE_KEYS.includes('screen')) await screenPages(throttle)
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

const rows = [['figure', 'median', 'min', 'max', 'n', 'target']]
const target = (key, tkey) => {
  const t = TARGETS[key]?.[Number(tkey.replace('x', ''))]
  return t === undefined ? '' : `≤ ${t}`
}
const row = (label, s, t = '') => rows.push([label, ms(s.median), ms(s.min), ms(s.max), s.n, t])
for (const [tkey, byPage] of Object.entries(results.load)) {
  for (const [pageKey, bySize] of Object.entries(byPage)) {
    for (const [size, l] of Object.entries(bySize)) {
      const p = `${tkey} ${pageKey} ${size}`
      if (pageKey === 'overview')
        row(
          `${p}: ${l.expected.cards} card figures in the DOM`,
          l.cardsAt,
          target('overview.cardsAt', tkey),
        )
      row(`${p}: first chart drawn (pixels)`, l.firstDrawnAt)
      row(
        `${p}: ${l.expected.visibleCharts} visible charts drawn (pixels)`,
        l.visibleDrawnAt,
        target(`${pageKey}.visibleDrawnAt`, tkey),
      )
      row(`${p}: visible charts finished (ECharts event)`, l.visibleFinishedAt)
      row(`${p}: all ${l.expected.charts} charts finished`, l.allFinishedAt)
      row(`${p}: first contentful paint`, l.fcp)
      row(`${p}: data received`, l.dataEnd)
    }
  }
  const u = results.update[tkey]
  if (u) {
    row(`${tkey} year change → every chart finished`, u.year.settled, target('update.year', tkey))
    row(`${tkey} unit change → every chart finished`, u.unit.settled, target('update.unit', tkey))
  }
  const sp = results.screenPage[tkey]
  if (sp) {
    row(
      `${tkey} screen page change → drawn (pixels)`,
      sp.drawnMs,
      target('screenPage.drawnMs', tkey),
    )
    row(
      `${tkey} screen page change → every chart finished`,
      sp.finishedMs,
      target('screenPage.finishedMs', tkey),
    )
  }
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
  const c = results.compare.change?.settled ?? results.compare.change
  console.log(`comparison at city scale (1×, target ≤ 500 ms): ${JSON.stringify(c).slice(0, 300)}`)
}
if (results.issues.length) {
  console.log(`\n${results.issues.length} console/page error(s):`)
  for (const i of [...new Set(results.issues)].slice(0, 20)) console.log(`  ${i}`)
}
mkdirSync(dirname(OUT), { recursive: true })
writeFileSync(OUT, JSON.stringify(results, null, 2) + '\n')
console.log(`\nwrote ${OUT}`)
