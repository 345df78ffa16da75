/**
 * City-scale benchmark of 对比分析 (#/compare) on the production build, in headless Chromium:
 *   npm run build && node scripts/bench/compare-scale.mjs [-- --runs 10 --out bench/compare.json]
 *
 * 1. Generates a dataset of 1,000 organisations × 50 indicators × 10 years (500,000 observations,
 *    about 2 % missing; for the benchmark only, never shipped) into a temporary directory.
 * 2. Serves dist/ with the browser tests' static server, answering /data/*.json with the generated
 *    files (`server.state.override`) and /config.json with background refresh off.
 * 3. Opens #/compare with every organisation, every year and `--indicators` indicators selected,
 *    waits until every chart has finished, then changes the selection `--runs` times by clicking a
 *    box in the selection panel (the first year, off and on again: the year chart, the trend and
 *    the table change; every chart gets its new option). Each time it measures, in the page, from
 *    the click to the moment every chart holder ([data-chart-state]) has reported "finished" again
 *    (the <EChart> wrapper sets "rendering" on each update and "finished" on ECharts' finished
 *    event).
 * Prints the median (and min, max, p90) and writes bench/compare.json. Builds nothing.
 * Options: --runs N (10), --indicators N (50, at most 50), --out FILE, --dist DIR, --keep (keep the
 * generated data directory), --cpu-throttle N (CDP slowdown factor, default 1), --open-timeout-s N
 * (180: how long the cold open of #/compare may take).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
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
import { settleProbe } from './probes.mjs'

const RUNS = numberArg('--runs', 10)
const SELECTED_INDICATORS = Math.min(50, numberArg('--indicators', 50))
const CPU_THROTTLE = numberArg('--cpu-throttle', 1)
const OUT = arg('--out', 'bench/compare.json')
const KEEP = process.argv.includes('--keep')
const ORGS = 1000
const INDICATORS = 50
const YEARS = Array.from({ length: 10 }, (_, i) => 2015 + i)
const REPORT_YEAR = YEARS.at(-1)
const LOAD_TIMEOUT_MS = numberArg('--open-timeout-s', 180) * 1000
const CHANGE_TIMEOUT_MS = 60_000
const VIEWPORT = { width: 1920, height: 1080 }

requireDist()

// ------------------------------------------------------------------ the generated dataset

/** A small seeded generator (mulberry32): the same dataset on every run. */
function random(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const GROUP_CODES = {
  'admin-services': 'XZFW',
  'fair-competition': 'GPJZ',
  'enforcement-team': 'ZFDW',
  'dispute-resolution': 'MDJF',
}

function generate() {
  const rand = random(20241127)
  const meta = JSON.parse(readFileSync('public/data/meta.json', 'utf8'))
  meta.years = YEARS
  meta.period = { year: REPORT_YEAR, label: `${REPORT_YEAR}年度` }
  const groups = meta.groups.map((g) => g.id)

  const indicators = Array.from({ length: INDICATORS }, (_, k) => {
    const n = k + 1
    const group = groups[k % groups.length]
    const kind = n % 3 === 1 ? 'rate' : n % 10 === 0 ? 'hours' : 'count'
    const direction = n % 7 === 0 ? 'lower' : n % 11 === 0 ? 'neutral' : 'higher'
    const unit = kind === 'rate' ? '%' : kind === 'hours' ? '课时' : '件'
    const target =
      kind === 'rate'
        ? direction === 'lower'
          ? 5
          : 95
        : n % 2 === 0
          ? direction === 'lower'
            ? 20
            : 200
          : null
    const figure = `${n}${unit}`
    const sentence = `示例指标${n}的全区数值为${figure}。`
    return {
      id: `ind-${String(n).padStart(2, '0')}`,
      code: `${GROUP_CODES[group]}-${String(n).padStart(2, '0')}`,
      group,
      name: `示例指标${n}(${kind === 'rate' ? '比率' : kind === 'hours' ? '课时' : '件数'})`,
      shortName: `示例指标${n}`,
      unit,
      kind,
      direction,
      target,
      qualifier: null,
      definition: '基准测试用生成指标,非真实数据。',
      breakdown: 'department',
      source: {
        section: '基准测试',
        sentence,
        quote: figure,
        quoteOffset: sentence.indexOf(figure),
      },
    }
  })

  const organizations = [
    {
      id: meta.region.id,
      name: meta.region.name,
      shortName: '全区',
      type: 'district',
      parentId: null,
      namedInReport: true,
    },
  ]
  for (let i = 1; i < ORGS; i++) {
    const town = i < 200
    const no = String(i).padStart(4, '0')
    organizations.push({
      id: `${town ? 'town' : 'dept'}-${no}`,
      name: `${town ? '示例镇' : '示例部门'}${no}`,
      shortName: `${town ? '镇' : '部门'}${no}`,
      type: town ? 'town' : 'department',
      parentId: meta.region.id,
      namedInReport: false,
    })
  }

  const observations = []
  for (const ind of indicators) {
    for (const org of organizations) {
      let level =
        ind.kind === 'rate'
          ? 70 + rand() * 25
          : ind.kind === 'hours'
            ? 120 + rand() * 80
            : rand() * 400
      for (const year of YEARS) {
        level =
          ind.kind === 'rate'
            ? Math.min(100, Math.max(0, level + (rand() - 0.45) * 4))
            : Math.max(0, level * (0.9 + rand() * 0.25))
        if (rand() < 0.02) continue // about 2 % missing: 无数据, never 0
        const value =
          ind.kind === 'rate' ? Math.round(level * 10) / 10 : rand() < 0.01 ? 0 : Math.round(level)
        observations.push({
          indicatorId: ind.id,
          orgId: org.id,
          year,
          value,
          qualifier: null,
          status: org.type === 'district' && year === REPORT_YEAR ? 'reported' : 'demo',
        })
      }
    }
  }
  return { meta, indicators, organizations, observations }
}

const started = Date.now()
const data = generate()
const dir = mkdtempSync(join(tmpdir(), 'compare-scale-'))
const files = {
  'meta.json': JSON.stringify(data.meta),
  'indicators.json': JSON.stringify({ items: data.indicators }),
  'organizations.json': JSON.stringify({ items: data.organizations }),
  'observations.json': JSON.stringify({ items: data.observations }),
}
for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body)
const bytes = Object.fromEntries(Object.entries(files).map(([k, v]) => [k, Buffer.byteLength(v)]))
console.log(
  `generated ${data.organizations.length} organisations × ${data.indicators.length} indicators × ` +
    `${YEARS.length} years = ${data.observations.length} observations ` +
    `(${(bytes['observations.json'] / 1e6).toFixed(1)} MB) in ${Date.now() - started} ms → ${dir}`,
)

// ------------------------------------------------------------------ run

const server = await serveBuild(cspOfBuild())
server.state.override = (pathname) => {
  const m = pathname.match(/\/data\/([a-z]+\.json)$/)
  if (m && files[m[1]]) return { status: 200, body: files[m[1]] }
  if (pathname.endsWith('/config.json')) {
    return {
      status: 200,
      body: JSON.stringify({
        apiBaseUrl: './data',
        showDemoData: true,
        refreshSeconds: 0,
        requestTimeoutMs: 120_000,
      }),
    }
  }
  return null
}
const browser = await launchChromium()
const selection = {
  ind: data.indicators.slice(0, SELECTED_INDICATORS).map((i) => i.id),
  orgs: data.organizations.map((o) => o.id),
  years: YEARS,
}
const path =
  `#/compare?ind=${selection.ind.join(',')}&orgs=${selection.orgs.join(',')}` +
  `&years=${selection.years.join(',')}`
const clickTarget = `.compare-choice input[type=checkbox][value="${YEARS[0]}"]`
const results = {
  date: new Date().toISOString(),
  machine: machineInfo(browser.version()),
  settings: {
    runs: RUNS,
    dist: DIST,
    viewport: VIEWPORT,
    deviceScaleFactor: 1,
    cpuThrottle: CPU_THROTTLE,
    dataset: {
      organizations: data.organizations.length,
      indicators: data.indicators.length,
      years: YEARS.length,
      observations: data.observations.length,
      bytes,
    },
    selection: {
      indicators: selection.ind.length,
      organizations: selection.orgs.length,
      years: selection.years.length,
    },
    change: `click on the ${YEARS[0]}年 box of the selection panel (off, on, off …)`,
    measured:
      'click → every [data-chart-state] has reported "finished" again (in-page, performance.now)',
  },
  load: null,
  change: null,
  issues: [],
}

const ms = (n) => (n === null || n === undefined ? '—' : `${Math.round(n)}`)
try {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 })
  const page = await context.newPage()
  page.on('console', (m) => {
    if (m.type() === 'error') results.issues.push(`console error: ${m.text()}`)
  })
  page.on('pageerror', (e) => results.issues.push(`pageerror: ${e.message}`))
  if (CPU_THROTTLE !== 1) {
    const cdp = await context.newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE })
  }
  const t0 = Date.now()
  await page.goto(server.url + path)
  // On a timeout, say what the page showed instead of only that it timed out.
  const describePage = () =>
    page.evaluate(() => ({
      chartSlots: document.querySelectorAll('.chart-panel__chart').length,
      charts: [...document.querySelectorAll('[data-chart-state]')].map((c) =>
        c.getAttribute('data-chart-state'),
      ),
      table: document.querySelector('.compare-table table') !== null,
      text: document.body.innerText.slice(0, 400),
    }))
  // Every chart slot of the page has its chart and all are finished (the count follows the page:
  // 5 charts before the demo targets could be hidden, 4 since).
  const opened = page.waitForFunction(
    () => {
      const slots = document.querySelectorAll('.chart-panel__chart').length
      const charts = [...document.querySelectorAll('[data-chart-state]')]
      return (
        slots > 0 &&
        charts.length === slots &&
        charts.every((c) => c.getAttribute('data-chart-state') === 'finished') &&
        document.querySelector('.compare-table table') !== null
      )
    },
    null,
    { timeout: LOAD_TIMEOUT_MS, polling: 100 },
  )
  await opened.catch(async (err) => {
    console.error(`#/compare did not settle: ${JSON.stringify(await describePage())}`)
    throw err
  })
  const expectedCharts = await page.evaluate(
    () => document.querySelectorAll('[data-chart-state]').length,
  )
  results.load = {
    openToChartsFinishedMs: Date.now() - t0,
    charts: expectedCharts,
    note: 'cold open of #/compare with the generated data (download, zod validation, index, first render)',
    tableRows: await page.evaluate(
      () =>
        Number(document.querySelector('.compare-table table')?.getAttribute('aria-rowcount')) - 1,
    ),
    renderedTableRows: await page.evaluate(
      () => document.querySelectorAll('.compare-table tbody tr[data-row-key]').length,
    ),
  }
  console.log(
    `opened #/compare in ${results.load.openToChartsFinishedMs} ms: ${results.load.tableRows} table rows ` +
      `(${results.load.renderedTableRows} in the DOM)`,
  )
  await page.waitForTimeout(1000)

  const runs = []
  for (let i = 0; i < RUNS; i++) {
    const r = await page.evaluate(settleProbe, {
      action: { click: clickTarget },
      expected: expectedCharts,
      quietMs: 3000,
      firstQuietMs: 10_000,
      timeoutMs: CHANGE_TIMEOUT_MS,
    })
    runs.push(r)
    console.log(
      `change ${i + 1}/${RUNS} (${YEARS[0]}年 ${r.value ? 'on' : 'off'}, ${r.tableRows} rows): ` +
        `all ${r.chartsReported}/${r.charts} charts finished in ${ms(r.ms)} ms ` +
        `(options applied at ${ms(r.appliedMs)} ms, ${r.reason})`,
    )
    await page.waitForTimeout(500)
  }
  const complete = runs.filter((r) => r.reason === 'all-reported')
  results.change = {
    chartsFinished: summarize(complete.map((r) => r.ms)),
    firstChartFinished: summarize(complete.map((r) => r.firstChartMs)),
    optionsApplied: summarize(complete.map((r) => r.appliedMs).filter((x) => x !== null)),
    runsWhereEveryChartReported: complete.length,
    runs,
  }
  await context.close()
} finally {
  await browser.close()
  await server.close()
  if (!KEEP) rmSync(dir, { recursive: true, force: true })
}

results.machine.loadAverageAtEnd = load()
mkdirSync(dirname(OUT), { recursive: true })
writeFileSync(OUT, `${JSON.stringify(results, null, 2)}\n`)

const c = results.change
const rows = [['figure', 'median', 'min', 'max', 'p90', 'n']]
const row = (label, s) => rows.push([label, ms(s.median), ms(s.min), ms(s.max), ms(s.p90), s.n])
row('selection change → every chart finished (ms)', c.chartsFinished)
row('selection change → first chart finished (ms)', c.firstChartFinished)
row('selection change → every chart handed its option (ms)', c.optionsApplied)
const m = results.machine
console.log(
  `\n${m.cpuModel} ×${m.cpuCount}, node ${m.node}, Chromium ${m.chromium}; load average ` +
    `${m.loadAverageAtStart[0]} at start, ${m.loadAverageAtEnd[0]} at end`,
)
console.log(
  `dataset ${ORGS} organisations × ${INDICATORS} indicators × ${YEARS.length} years; selected ` +
    `${selection.ind.length} indicators × ${selection.orgs.length} organisations × ${YEARS.length} years`,
)
console.log(`\n${table(rows)}`)
console.log(
  `\n${c.runsWhereEveryChartReported}/${c.runs.length} runs had every chart report "finished"`,
)
if (results.issues.length) console.log(`issues:\n  ${results.issues.join('\n  ')}`)
console.log(`wrote ${OUT}`)
if (c.runsWhereEveryChartReported < c.runs.length || results.issues.length) process.exitCode = 1
