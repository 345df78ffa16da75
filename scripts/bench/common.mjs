/**
 * Shared pieces of the benchmark scripts: argument parsing, the dist/ check, the server and
 * browser of the browser tests (imported, not copied), machine info and small statistics.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { cpus, loadavg, platform, release, totalmem } from 'node:os'
import { join } from 'node:path'
import { launchChromium } from '../../tests/browser/chromium.mjs'
import { startStaticServer } from '../../tests/browser/static-server.mjs'

/** `--name value` from argv, else the environment variable, else the fallback. */
export function arg(name, fallback, envName) {
  const i = process.argv.indexOf(name)
  if (i > 0 && process.argv[i + 1] !== undefined) return process.argv[i + 1]
  const eq = process.argv.find((a) => a.startsWith(`${name}=`))
  if (eq) return eq.slice(name.length + 1)
  if (envName && process.env[envName] !== undefined && process.env[envName] !== '')
    return process.env[envName]
  return fallback
}

/**
 * The build to measure: dist/ unless --dist DIR (or BENCH_DIST) names a copy, e.g. a snapshot
 * taken so that a concurrent `npm run build` cannot swap the files during a long run.
 */
export const DIST = arg('--dist', 'dist', 'BENCH_DIST')

export function numberArg(name, fallback, envName) {
  const raw = arg(name, undefined, envName)
  if (raw === undefined) return fallback
  const n = Number(raw)
  if (!Number.isFinite(n) || n <= 0) {
    console.error(`${name}: expected a positive number, got "${raw}"`)
    process.exit(2)
  }
  return n
}

function newestMtime(dir) {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs)
  }
  return newest
}

/**
 * The benchmarks measure the production build and never build it themselves: stop with a clear
 * message when dist/ is missing, warn when the sources are newer than the build.
 */
export function requireDist() {
  const index = join(DIST, 'index.html')
  if (!existsSync(index)) {
    console.error(`${index} 不存在:基准测试测量生产构建,请先运行 npm run build(本脚本不会自行构建)`)
    process.exit(2)
  }
  const built = statSync(index).mtimeMs
  const sources = ['src', 'public', 'index.html', 'vite.config.ts'].filter((p) => existsSync(p))
  const newest = Math.max(
    ...sources.map((p) => (statSync(p).isDirectory() ? newestMtime(p) : statSync(p).mtimeMs)),
  )
  if (newest > built) {
    console.warn('warning: src/ or public/ changed after the last build; run npm run build first')
  }
}

/** The production CSP as the build wrote it into index.html, to send as a header too. */
export function cspOfBuild() {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8')
  const m = html.match(/http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i)
  return m ? m[1] : undefined
}

export { launchChromium }

/** The static server of the browser tests, serving the build under test. */
export function serveBuild(csp) {
  return startStaticServer({ root: DIST, csp })
}

/** 1-, 5- and 15-minute load averages: a busy machine makes every timing here slower. */
export function load() {
  return loadavg().map((n) => Math.round(n * 100) / 100)
}

export function machineInfo(browserVersion) {
  const cpu = cpus()
  let playwright = null
  try {
    playwright = JSON.parse(
      readFileSync('node_modules/playwright-core/package.json', 'utf8'),
    ).version
  } catch {
    // not fatal
  }
  return {
    cpuModel: cpu[0]?.model?.trim() ?? 'unknown',
    cpuCount: cpu.length,
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    os: `${platform()} ${release()}`,
    loadAverageAtStart: load(),
    node: process.version,
    chromium: browserVersion,
    playwrightCore: playwright,
  }
}

// ------------------------------------------------------------------ statistics

/** Nearest-rank percentile (p in 0..100) of numbers. */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b)
  if (sorted.length === 0) return null
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length))
  return sorted[rank - 1]
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const n = sorted.length
  if (n === 0) return null
  return n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
}

const round = (n) => (n === null ? null : Math.round(n * 10) / 10)

/** median, min, max, p90 (nearest rank) of a list of ms figures, rounded to 0.1 ms. */
export function summarize(values) {
  if (values.length === 0) return { n: 0, median: null, min: null, max: null, p90: null }
  return {
    n: values.length,
    median: round(median(values)),
    min: round(Math.min(...values)),
    max: round(Math.max(...values)),
    p90: round(percentile(values, 90)),
  }
}

export function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i] ?? '').length)))
  return rows
    .map((r) =>
      r
        .map((c, i) =>
          i === 0 ? String(c ?? '').padEnd(widths[i]) : String(c ?? '').padStart(widths[i]),
        )
        .join('  '),
    )
    .join('\n')
}

/**
 * Waits until every chart holder on the page has its chart and each has finished rendering
 * (data-chart-state): the charts out of view initialise after the first ones.
 */
export function waitForChartsFinished(page) {
  return page.waitForFunction(() => {
    const holders = [...document.querySelectorAll('.chart-panel__chart')]
    const charts = [...document.querySelectorAll('[data-chart-state]')]
    return (
      charts.length > 0 &&
      holders.every((h) => h.querySelector('[data-chart-state]') !== null) &&
      charts.every((c) => c.getAttribute('data-chart-state') === 'finished')
    )
  })
}
