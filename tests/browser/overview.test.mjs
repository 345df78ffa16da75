/**
 * The overview of the production build (dist/, served with the production CSP, no msw) at the
 * hall's 1920×1080: groups, charts, every reported figure, its source sentence, the screenshot,
 * and that nothing logs an error or breaks the Content-Security-Policy.
 *   npm run build && npm run test:browser
 */
import assert from 'node:assert/strict'
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { CONTENT_SECURITY_POLICY } from '../../src/config/csp.ts'
import { GROUP_CHARTS } from '../../src/features/groups/charts/group-charts.ts'
import {
  assertChartsDrawnAndSharp,
  assertReportedFiguresOnScreen,
  dataset,
  indicatorById,
  inViewport,
  readChartCanvases,
  REGION_ID,
  REPORT_YEAR,
  reportedObservations,
  useHarness,
  VIEWPORT,
  waitForCards,
  waitForCardsAndCharts,
  waitForCharts,
} from './helpers.mjs'
import { DIST_DIR } from './static-server.mjs'
import { themeMismatches, themeOf } from './theme.mjs'

const GROUP_NAMES = ['行政服务', '公平竞争审查(含合法性审查)', '执法队伍建设', '矛盾纠纷化解']
const SCREENSHOT = 'artifacts/browser/overview-1920x1080.png'

describe('overview at 1920×1080 (production build)', () => {
  const harness = useHarness()
  const overview = harness.usePage('#/', { waitFor: waitForCardsAndCharts })

  it('shows the title and the four groups side by side', async () => {
    const { page } = overview
    await assert.doesNotReject(
      page.getByRole('heading', { level: 1, name: '通州湾示范区法治政府建设指标看板' }).waitFor(),
    )
    assert.equal(await page.title(), '通州湾示范区法治政府建设指标看板')
    assert.deepEqual(
      dataset.meta.groups.map((g) => g.fullName),
      GROUP_NAMES,
      'meta.json names the four groups of the report',
    )
    const tops = []
    for (const name of GROUP_NAMES) {
      const heading = page.getByRole('heading', { level: 3, name, exact: true })
      assert.equal(await heading.count(), 1, `one heading 「${name}」`)
      assert.ok(await heading.isVisible(), `「${name}」 is visible`)
      const box = await heading.boundingBox()
      assert.ok(inViewport(box), `「${name}」 is on screen without scrolling`)
      tops.push(box)
    }
    // Side by side: the four headings share a row and go left to right.
    for (let i = 1; i < tops.length; i++) {
      assert.ok(Math.abs(tops[i].y - tops[0].y) < 4, 'group headings are on one row')
      assert.ok(tops[i].x > tops[i - 1].x, 'groups go left to right in report order')
    }
    assert.equal(await page.locator('[data-group] .state--error').count(), 0, 'no group errs')
    assert.equal(await page.locator('.state--loading').count(), 0, 'nothing is still loading')
  })

  it('draws every chart of every group onto a sharp canvas', async () => {
    const { page } = overview
    for (const spec of GROUP_CHARTS) {
      const panel = page.locator(`[data-group="${spec.group}"] [data-chart-id="${spec.id}"]`)
      assert.equal(await panel.count(), 1, `chart 「${spec.title}」 is in its group`)
      assert.ok(await panel.getByRole('img').isVisible(), `chart 「${spec.title}」 is visible`)
    }
    const charts = await readChartCanvases(page)
    assert.deepEqual(
      charts.map((c) => c.chartId).sort(),
      GROUP_CHARTS.map((s) => s.id).sort(),
      'one drawn chart per chart panel',
    )
    assertChartsDrawnAndSharp(charts, 1)
  })

  it('draws charts sharp on a 2× display too', async (t) => {
    const hidpi = await harness.open(t, '#/', { deviceScaleFactor: 2 })
    await waitForCards(hidpi.page)
    assert.equal(await waitForCharts(hidpi.page), GROUP_CHARTS.length)
    assertChartsDrawnAndSharp(await readChartCanvases(hidpi.page), 2)
  })

  it('redraws every chart to its new width when the window is resized', async (t) => {
    const { page } = await harness.open(t, '#/', { waitFor: waitForCardsAndCharts })
    /** Each chart's canvas width (CSS px) next to the width of the box it must fill. */
    const widths = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('[data-chart-state]')].map((holder) => ({
          box: holder.clientWidth,
          canvas: parseFloat(holder.querySelector('canvas')?.style.width ?? '0'),
        })),
      )
    const before = await widths()
    assert.ok(
      before.every((w) => w.box > 0 && w.canvas === w.box),
      'charts fill their boxes',
    )
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('[data-chart-state]')].every(
          (h) => parseFloat(h.querySelector('canvas')?.style.width ?? '0') === h.clientWidth,
        ),
      null,
      { timeout: 10_000 },
    )
    const after = await widths()
    assert.notDeepEqual(
      after.map((w) => w.box),
      before.map((w) => w.box),
      'the boxes changed width',
    )
    assertChartsDrawnAndSharp(await readChartCanvases(page), 1)
  })

  it("shows every chart's 表格 whole, each row's name on one line, and the chart again after", async (t) => {
    const { page } = await harness.open(t, '#/', { waitFor: waitForCardsAndCharts })
    const chartBoxes = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('.chart-panel__chart')].map((c) => {
          const box = c.getBoundingClientRect()
          return { width: Math.round(box.width), height: Math.round(box.height) }
        }),
      )
    const before = await chartBoxes()
    const buttons = await page.evaluate(() => {
      const all = [...document.querySelectorAll('.chart-panel button')]
      const toggles = all.filter((b) => b.textContent.trim() === '表格')
      for (const button of toggles) button.click()
      return toggles.length
    })
    assert.equal(buttons, GROUP_CHARTS.length, 'every chart has its 表格 button')
    await page.waitForFunction(
      (n) => document.querySelectorAll('.chart-panel__table').length === n,
      GROUP_CHARTS.length,
    )
    const broken = await page.evaluate(() =>
      [...document.querySelectorAll('.chart-panel__table th[scope="row"]')]
        .filter((th) => {
          const range = document.createRange()
          range.selectNodeContents(th)
          return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1
        })
        .map((th) => th.textContent.trim()),
    )
    assert.deepEqual(broken, [], 'no row name breaks onto a second line')
    // Every row in sight: the panel grows with its table instead of scrolling it in the chart's box.
    const scrolled = await page.evaluate(() =>
      [...document.querySelectorAll('.chart-panel__table')]
        .filter((t) => t.scrollHeight > t.clientHeight + 1)
        .map(
          (t) =>
            `${t.closest('.chart-panel').getAttribute('data-chart-id')}: ${t.clientHeight}/${t.scrollHeight}px`,
        ),
    )
    assert.deepEqual(scrolled, [], 'no table scrolls inside its panel')
    // The charts under the tables kept their size (not redrawn), and come back as they were.
    assert.deepEqual(await chartBoxes(), before, 'the charts under the tables keep their size')
    await page.evaluate(() => {
      for (const b of document.querySelectorAll('.chart-panel button[aria-pressed="true"]'))
        b.click()
    })
    await page.waitForFunction(() => document.querySelectorAll('.chart-panel__table').length === 0)
    assert.deepEqual(await chartBoxes(), before, 'the charts are back at their size')
    assertChartsDrawnAndSharp(await readChartCanvases(page), 1)
    const hidden = await page.evaluate(
      () =>
        [...document.querySelectorAll('.chart-panel__chart')].filter(
          (c) => getComputedStyle(c).visibility !== 'visible',
        ).length,
    )
    assert.equal(hidden, 0, 'every chart is in sight again')
  })

  it('shows every reported figure next to its name (34 of them)', async () => {
    const { page } = overview
    assert.equal(reportedObservations.length, 34, 'observations.json has 34 reported figures')
    for (const o of reportedObservations) {
      assert.equal(o.orgId, REGION_ID, `${o.indicatorId}: reported for the whole district`)
      assert.equal(o.year, REPORT_YEAR, `${o.indicatorId}: reported for the report year`)
    }
    assert.equal(await assertReportedFiguresOnScreen(page), 34)
    assert.equal(await page.locator('[data-status="reported"]').count(), 34)
  })

  it('shows the report’s own figures literally', async () => {
    const { page } = overview
    const literal = {
      3767: '存量文件监测',
      401: '增量文件评估',
      72: '增量预警风险',
      86.8: '时限压缩度',
      3815: '诉前成功调解',
      '20余': '涉企法治服务',
      '≥50': '前置程序提速',
    }
    for (const [figure, name] of Object.entries(literal)) {
      const card = page
        .locator('[data-indicator-id]')
        .filter({ has: page.locator('.metric-card__figure', { hasText: figure }) })
        .filter({ has: page.getByRole('heading', { name, exact: true }) })
      assert.equal(await card.count(), 1, `a card 「${name}」 shows ${figure}`)
      assert.equal(
        (await card.locator('.metric-card__figure').textContent()).trim(),
        figure,
        `「${name}」 shows exactly ${figure}`,
      )
      assert.ok(await card.isVisible(), `「${name}」 ${figure} is visible`)
      assert.equal(await card.getAttribute('data-status'), 'reported')
    }
  })

  it('shows the exact report sentence when hovering 出处', async () => {
    const { page } = overview
    for (const obs of reportedObservations) {
      const { source } = indicatorById.get(obs.indicatorId)
      const card = page.locator(`[data-indicator-id="${obs.indicatorId}"]`)
      const button = card.getByRole('button', { name: '出处' })
      const tooltip = card.getByRole('tooltip')
      assert.ok(await tooltip.isHidden(), `${obs.indicatorId}: source is hidden at first`)
      await button.hover()
      await tooltip.waitFor({ state: 'visible', timeout: 2000 })
      const sentence = tooltip.locator('.source-note__sentence')
      assert.equal(
        await sentence.textContent(),
        `“${source.sentence}”`,
        `${obs.indicatorId}: the exact sentence of the report`,
      )
      assert.equal(await sentence.locator('mark').textContent(), source.quote)
      assert.ok(
        (await tooltip.innerText()).includes(source.section.split(' › ').at(-1)),
        `${obs.indicatorId}: the section of the report is named`,
      )
      const box = await tooltip.boundingBox()
      assert.ok(
        box.x >= 0 && box.x + box.width <= VIEWPORT.width,
        `${obs.indicatorId}: source is not cut off at the sides of the screen`,
      )
      assert.ok(
        await sentence.evaluate(
          (el, tip) => {
            const r = el.getBoundingClientRect()
            const y = Math.min(r.top + r.height / 2, window.innerHeight - 1)
            const hit = document.elementFromPoint(r.left + r.width / 2, y)
            return hit !== null && tip.contains(hit)
          },
          await tooltip.elementHandle(),
        ),
        `${obs.indicatorId}: the sentence is on top, not covered by other panels`,
      )
    }
    await page.mouse.move(960, 5)
    assert.equal(await page.getByRole('tooltip').filter({ visible: true }).count(), 0)
  })

  it('pins the source sentence open when clicking 出处', async () => {
    const { page } = overview
    const obs = reportedObservations.find((o) => o.indicatorId === 'stock-docs')
    const { source } = indicatorById.get(obs.indicatorId)
    const card = page.locator(`[data-indicator-id="${obs.indicatorId}"]`)
    const button = card.getByRole('button', { name: '出处' })
    await button.click()
    await page.mouse.move(960, 5)
    const tooltip = card.getByRole('tooltip')
    assert.ok(await tooltip.isVisible(), 'the source stays open after a click')
    assert.equal(await button.getAttribute('aria-expanded'), 'true')
    assert.ok((await tooltip.innerText()).includes(source.sentence), 'it shows the exact sentence')
    await button.click()
    await page.locator('h1').click()
    await tooltip.waitFor({ state: 'hidden', timeout: 2000 })
    assert.equal(await button.getAttribute('aria-expanded'), 'false')
  })

  it('saves a 1920×1080 screenshot', async () => {
    const { page } = overview
    await page.evaluate(() => window.scrollTo(0, 0))
    await page.mouse.move(960, 5)
    mkdirSync('artifacts/browser', { recursive: true })
    await page.screenshot({ path: SCREENSHOT })
    const png = readFileSync(SCREENSHOT)
    assert.equal(png.subarray(1, 4).toString(), 'PNG')
    assert.equal(png.readUInt32BE(16), VIEWPORT.width, 'screenshot is 1920 wide')
    assert.equal(png.readUInt32BE(20), VIEWPORT.height, 'screenshot is 1080 high')
    assert.ok(statSync(SCREENSHOT).size > 50_000, 'screenshot has content')
  })

  it('ships no msw and reads its data from dist/data', async () => {
    const { page } = overview
    assert.ok(
      !existsSync(join(DIST_DIR, 'mockServiceWorker.js')),
      'dist has no mockServiceWorker.js',
    )
    const assets = readdirSync(join(DIST_DIR, 'assets')).filter((f) => f.endsWith('.js'))
    assert.ok(assets.length > 0, 'dist/assets has the app scripts')
    for (const file of assets) {
      const js = readFileSync(join(DIST_DIR, 'assets', file), 'utf8')
      assert.ok(!js.includes('msw'), `${file} does not mention msw`)
      assert.ok(!js.includes('setupWorker'), `${file} has no setupWorker`)
    }
    const requests = harness.server.state.requests
    for (const name of ['meta', 'indicators', 'organizations', 'observations']) {
      assert.ok(requests.includes(`/data/${name}.json`), `the page fetched /data/${name}.json`)
    }
    assert.ok(!requests.some((r) => r.includes('mockServiceWorker')), 'no mock worker requested')
    const workers = await page.evaluate(async () =>
      'serviceWorker' in navigator ? (await navigator.serviceWorker.getRegistrations()).length : 0,
    )
    assert.equal(workers, 0, 'no service worker is registered')
  })

  it('ships the licences of the third-party code it contains (ECharts NOTICE included)', async () => {
    const res = await fetch(new URL('licenses.txt', harness.server.url))
    assert.equal(res.status, 200, 'licenses.txt is served next to index.html')
    const text = await res.text()
    for (const pkg of ['echarts', 'zrender', 'react', 'react-dom', 'zod', 'echarts-for-react']) {
      assert.match(
        text,
        new RegExp(`^${pkg} \\d+\\.\\d+`, 'm'),
        `${pkg} is listed with its version`,
      )
    }
    assert.match(text, /Apache License/, 'the Apache-2.0 licence text of ECharts')
    assert.match(text, /--- NOTICE ---/, "ECharts' NOTICE file")
  })

  it('is drawn in the desk theme, its colours the build-time CSS of src/lib/theme/themes.ts', async () => {
    const { page } = overview
    assert.equal(await themeOf(page), 'desk')
    assert.deepEqual(await themeMismatches(page, 'desk'), [])
    // From the built stylesheet: nothing writes a <style> element at run time.
    assert.equal(await page.locator('style').count(), 0)
  })

  it('runs under the production CSP, which blocks inline script', async () => {
    const { page } = overview
    const res = await fetch(harness.server.url)
    assert.equal(res.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY)
    assert.ok(
      readFileSync(join(DIST_DIR, 'index.html'), 'utf8').includes(
        `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
      ),
      'dist/index.html carries the policy for hosts that cannot send headers',
    )
    // The detector itself works: an injected inline script is refused and reported.
    const ran = await page.evaluate(async () => {
      window.__inlineRan = false
      const script = document.createElement('script')
      script.textContent = 'window.__inlineRan = true'
      document.head.append(script)
      await new Promise((r) => setTimeout(r, 200))
      script.remove()
      return window.__inlineRan
    })
    assert.equal(ran, false, 'the inline script did not run')
    const found = overview.session.issues.splice(0)
    assert.ok(
      found.some((i) => i.startsWith('CSP violation: script-src')),
      `the violation was reported: ${JSON.stringify(found)}`,
    )
    const expected = (i) =>
      i.startsWith('CSP violation: script-src') ||
      (i.startsWith('console error about CSP') && i.includes('inline script'))
    assert.deepEqual(
      found.filter((i) => !expected(i)),
      [],
      'nothing else went wrong',
    )
  })
})
