/**
 * Export benchmark: the time from choosing 导出 → PNG 图片 2× on an overview chart until the PNG
 * has been rendered and handed to the browser as a download (re-render at 2× off screen, title
 * band, footer, encoding). The first export loads the export chunk and is reported apart.
 *   npm run build && node scripts/bench/export.mjs [--runs 10]
 * Writes bench/export.json; `npm run bench` includes its summary.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
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

const RUNS = numberArg('--runs', 10)
const OUT = arg('--out', 'bench/export.json')
const CHART = arg('--chart', 'fair-stock')

requireDist()
const server = await serveBuild(cspOfBuild())
const browser = await launchChromium()
try {
  const context = await browser.newContext({
    viewport: { width: 1920, height: 1080 },
    acceptDownloads: true,
  })
  // Chromium refuses an eleventh download from one page (its automatic-downloads limit): the
  // exports are measured on pages of ten, each new page's first export (its chunk) not counted.
  const PER_PAGE = 10
  let page = null
  let panel = null
  let onPage = 0
  const exportOnce = async () => {
    if ((await panel.locator('.export-menu__list').count()) === 0) {
      await panel.getByRole('button', { name: '导出图片' }).click()
    }
    const item = panel.getByRole('menuitem', { name: 'PNG 图片 2×' })
    await item.waitFor()
    const started = Date.now()
    const [download] = await Promise.all([page.waitForEvent('download'), item.click()])
    const ms = Date.now() - started
    await download.cancel().catch(() => undefined)
    onPage += 1
    return ms
  }
  const openPage = async () => {
    await page?.close()
    page = await context.newPage()
    await page.goto(`${server.url}#/`)
    await waitForChartsFinished(page)
    panel = page.locator(`[data-chart-id="${CHART}"]`)
    onPage = 0
  }
  await openPage()
  const first = await exportOnce()
  const times = []
  while (times.length < RUNS) {
    if (onPage === PER_PAGE) {
      await openPage()
      await exportOnce()
    }
    times.push(await exportOnce())
  }
  const stats = summarize(times)
  const result = {
    date: new Date().toISOString(),
    chart: CHART,
    ratio: 2,
    firstExportMs: first,
    exportMs: stats,
    note: 'click on PNG 2× → download event; first export includes loading the export chunk',
  }
  mkdirSync(dirname(OUT), { recursive: true })
  writeFileSync(OUT, `${JSON.stringify(result, null, 2)}\n`)
  console.log(
    table([
      ['export (2×, overview chart)', 'median', 'min', 'max', 'p90'],
      ['ms', stats.median, stats.min, stats.max, stats.p90],
    ]),
  )
  console.log(`first export (loads the export chunk): ${first} ms; wrote ${OUT}`)
  await context.close()
} finally {
  await browser.close()
  await server.close()
}
