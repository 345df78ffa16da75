/**
 * Two builds compared in one run, their cold loads interleaved (A, B, A, B …) so that whatever
 * else the machine is doing slows both alike:
 *   node scripts/bench/ab.mjs --a /tmp/dist-main --b dist [--runs 8 --cpu-throttle 1
 *     --pages overview,screen --cpu]
 * Same probes as run.mjs (scripts/bench/probes.mjs). Prints medians (min–max) per build and
 * figure and writes --out (bench/ab.json).
 *
 * --cpu also records a Chromium trace of each load and reports the main thread's CPU time (the
 * thread time `tdur` of the renderer's top-level tasks, not wall time) from navigation to the
 * cards, to every visible chart drawn and to every chart finished. Thread time hardly moves when
 * other processes compete for the CPU, so it shows a change's effect on a busy machine where
 * wall-clock figures cannot (tracing itself adds some CPU, alike for both builds).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { startStaticServer } from '../../tests/browser/static-server.mjs'
import { arg, launchChromium, load, numberArg, summarize, table } from './common.mjs'
import { installTools, loadProbe, pageFacts } from './probes.mjs'

const A = arg('--a', undefined)
const B = arg('--b', 'dist')
if (!A) {
  console.error('usage: node scripts/bench/ab.mjs --a DIST_A --b DIST_B [--runs N]')
  process.exit(2)
}
const RUNS = numberArg('--runs', 8)
const THROTTLE = numberArg('--cpu-throttle', 1)
const OUT = arg('--out', 'bench/ab.json')
const CPU = process.argv.includes('--cpu')
const PAGES = { overview: '#/', screen: '#/screen?rotate=0' }
const PAGE_KEYS = arg('--pages', 'overview,screen')
  .split(',')
  .filter((k) => k in PAGES)
const VIEWPORT = { width: 1920, height: 1080 }
const FIGURES = [
  'cardsAt',
  'firstDrawnAt',
  'visibleDrawnAt',
  'visibleFinishedAt',
  'lastFinishedAt',
  ...(CPU ? ['cpuToCards', 'cpuToVisibleDrawn', 'cpuToAllFinished'] : []),
]

/** Main-thread CPU ms of the traced load up to each of the probe's moments. */
function cpuTimes(events, probe) {
  // The page's clock in the trace: a console.timeStamp made at a known performance.now(), on the
  // renderer main thread that ran the page.
  const stamp = events.find(
    (e) => e.name === 'TimeStamp' && /^bench:/.test(e.args?.data?.message ?? ''),
  )
  const t0 = stamp.ts - Number(stamp.args.data.message.slice(6)) * 1000
  const tasks = events.filter(
    (e) =>
      e.pid === stamp.pid &&
      e.tid === stamp.tid &&
      e.ph === 'X' &&
      e.name === 'ThreadControllerImpl::RunTask',
  )
  const until = (ms) =>
    ms === null
      ? null
      : tasks
          .filter((e) => e.ts >= t0 && (e.ts - t0) / 1000 <= ms)
          .reduce((sum, e) => sum + (e.tdur ?? 0) / 1000, 0)
  return {
    cpuToCards: until(probe.cardsAt),
    cpuToVisibleDrawn: until(probe.visibleDrawnAt),
    cpuToAllFinished: until(probe.lastFinishedAt),
  }
}

const browser = await launchChromium()
const servers = { a: await startStaticServer({ root: A }), b: await startStaticServer({ root: B }) }

async function session() {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 })
  await context.addInitScript(installTools)
  const page = await context.newPage()
  if (THROTTLE !== 1) {
    const cdp = await context.newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE })
  }
  return { context, page }
}

async function count(url) {
  const s = await session()
  try {
    await s.page.goto(url)
    await s.page.waitForFunction(
      () => {
        const c = [...document.querySelectorAll('[data-chart-state]')]
        return c.length > 0 && c.every((h) => h.getAttribute('data-chart-state') === 'finished')
      },
      null,
      { timeout: 60_000, polling: 100 },
    )
    await s.page.waitForTimeout(3000)
    return await s.page.evaluate(pageFacts, null)
  } finally {
    await s.context.close()
  }
}

async function coldLoad(url, expected) {
  const s = await session()
  try {
    await s.context.addInitScript(loadProbe, {
      expectedCards: expected.cards,
      expectedVisible: expected.visibleCharts,
      expectedCharts: expected.charts,
      quietMs: 1000,
      timeoutMs: 58_000,
    })
    if (CPU) {
      await s.context.addInitScript(() => console.timeStamp(`bench:${performance.now()}`))
      await browser.startTracing(s.page, { categories: ['devtools.timeline', 'toplevel'] })
    }
    await s.page.goto(url, { waitUntil: 'commit' })
    await s.page.waitForFunction(() => window.__bench?.settled === true, null, {
      timeout: 60_000,
      polling: 100,
    })
    const probe = await s.page.evaluate(() => window.__bench)
    if (!CPU) return probe
    const trace = JSON.parse((await browser.stopTracing()).toString())
    return { ...probe, ...cpuTimes(trace.traceEvents ?? trace, probe) }
  } finally {
    await s.context.close()
  }
}

const results = { date: new Date().toISOString(), a: A, b: B, throttle: THROTTLE, load: [load()] }
const rows = [['figure', 'A median', 'A min–max', 'B median', 'B min–max', 'B − A']]
try {
  for (const key of PAGE_KEYS) {
    const expected = {}
    for (const side of ['a', 'b']) expected[side] = await count(servers[side].url + PAGES[key])
    const runs = { a: [], b: [] }
    for (let i = 0; i < RUNS; i++) {
      for (const side of i % 2 ? ['b', 'a'] : ['a', 'b']) {
        runs[side].push(await coldLoad(servers[side].url + PAGES[key], expected[side]))
      }
      process.stdout.write(`\r${key}: ${i + 1}/${RUNS}`)
    }
    process.stdout.write('\n')
    results[key] = { expected, runs }
    for (const f of FIGURES) {
      if (key !== 'overview' && f === 'cardsAt') continue
      const s = Object.fromEntries(
        ['a', 'b'].map((side) => [
          side,
          summarize(runs[side].map((r) => r[f]).filter((x) => x !== null)),
        ]),
      )
      results[key][f] = s
      rows.push([
        `${THROTTLE}x ${key} ${f}`,
        Math.round(s.a.median),
        `${Math.round(s.a.min)}–${Math.round(s.a.max)}`,
        Math.round(s.b.median),
        `${Math.round(s.b.min)}–${Math.round(s.b.max)}`,
        Math.round(s.b.median - s.a.median),
      ])
    }
  }
} finally {
  await browser.close()
  await servers.a.close()
  await servers.b.close()
}
results.load.push(load())
console.log(table(rows))
console.log(`load average ${results.load[0][0]} → ${results.load[1][0]}`)
mkdirSync(dirname(OUT), { recursive: true })
writeFileSync(OUT, `${JSON.stringify(results, null, 2)}\n`)
