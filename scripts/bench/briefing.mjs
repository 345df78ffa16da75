/**
 * Briefing benchmark: the time from a click on 生成汇报材料 (the whole .docx with its chart images)
 * and on 生成汇报PPT (the deck with its native charts) on the overview until the browser has the
 * download. The first of each loads its library chunk and is reported apart; then the median of
 * --runs (5) in headless Chromium.
 *   npm run build && node scripts/bench/briefing.mjs [--runs 5] [--save DIR]
 * Writes bench/briefing.json; `npm run bench` includes its summary. --save keeps the last files
 * (for a look at them, e.g. converted to PDF by LibreOffice).
 */
import { copyFileSync, mkdirSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import {
  arg,
  cspOfBuild,
  launchChromium,
  numberArg,
  requireDist,
  serveBuild,
  summarize,
  table,
  waitForChartsFinished,
} from './common.mjs'

const RUNS = numberArg('--runs', 5)
const OUT = arg('--out', 'bench/briefing.json')
const SAVE = arg('--save', '')
const PATH = arg('--path', '#/')

const FILES = [
  { key: 'docx', button: '生成汇报材料' },
  { key: 'deck', button: '生成汇报PPT' },
]

requireDist()
const server = await serveBuild(cspOfBuild())
const browser = await launchChromium()
try {
  const context = await browser.newContext({
    viewport: { width: 1920, height: 1080 },
    acceptDownloads: true,
  })
  const page = await context.newPage()
  await page.goto(`${server.url}${PATH}`)
  await waitForChartsFinished(page)
  const result = { date: new Date().toISOString(), runs: RUNS, path: PATH }
  const rows = [['briefing file (overview)', 'first', 'median', 'min', 'max', 'bytes']]
  for (const { key, button } of FILES) {
    const control = page.getByRole('button', { name: button, exact: true })
    const times = []
    let first = null
    let bytes = 0
    for (let i = 0; i <= RUNS; i++) {
      await page.waitForFunction((name) => {
        const b = [...document.querySelectorAll('button')].find((e) => e.textContent === name)
        return b && !b.disabled
      }, button)
      const started = Date.now()
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 120_000 }),
        control.click(),
      ])
      const ms = Date.now() - started
      const path = await download.path()
      if (path) {
        bytes = statSync(path).size
        if (SAVE && i === RUNS) {
          mkdirSync(SAVE, { recursive: true })
          copyFileSync(path, join(SAVE, download.suggestedFilename()))
        }
      }
      if (i === 0) first = ms
      else times.push(ms)
    }
    const stats = summarize(times)
    result[key] = { firstMs: first, ms: stats, bytes }
    rows.push([key, first, stats.median, stats.min, stats.max, bytes])
  }
  result.note =
    'click → download event; first includes loading the docx / pptxgenjs chunk; docx renders every group chart as a PNG, the deck writes native charts'
  mkdirSync(dirname(OUT), { recursive: true })
  writeFileSync(OUT, `${JSON.stringify(result, null, 2)}\n`)
  console.log(table(rows))
  console.log(`wrote ${OUT}`)
  await context.close()
} finally {
  await browser.close()
  await server.close()
}
