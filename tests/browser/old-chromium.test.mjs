/**
 * The production build in real old Chromium, as on government office PCs (信创 machines: UOS,
 * Kylin, 360 and 奇安信 browsers run Chromium 83–115 kernels). For each version in
 * $OLD_CHROMIUM_VERSIONS (default 83, 88, 103; fetched once by ./old-chromium.mjs and cached
 * outside the repo): every report figure, every chart drawn on the overview, the group pages, the
 * big screen and 对比分析, the import page, and no uncaught error, console error or CSP violation.
 * The page must also look right: no text overlaps text in the header or on a metric card, no nav
 * tab wraps, and what the layout spaces apart with flex `gap` (which Chromium 83 lacks: margins
 * stand in, scripts/flex-gap-plugin.ts) does not touch.
 *
 * Checks read the page with evaluate/waitForFunction, not Playwright's locators: their visibility
 * checks call Element.checkVisibility (Chromium 105), which these builds lack.
 */
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import { before, describe, it } from 'node:test'
import {
  assertChartsDrawnAndSharp,
  assertNoIssues,
  assertReportedFiguresOnScreen,
  dataset,
  readChartCanvases,
  useHarness,
  waitForCardsAndCharts,
  waitForCharts,
} from './helpers.mjs'
import { launchOldChromium, testedOldChromiumVersions } from './old-chromium.mjs'

const SHOTS = 'artifacts/browser/old-chromium'

/**
 * Pairs of text boxes inside `selector` that overlap by more than 2 px both ways: each element
 * that holds text of its own, as the user reads it.
 */
function findTextOverlaps(page, selector) {
  return page.evaluate((sel) => {
    const found = []
    for (const scope of document.querySelectorAll(sel)) {
      const boxes = []
      for (const el of scope.querySelectorAll('*')) {
        const ownText = [...el.childNodes].some(
          (n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim() !== '',
        )
        if (!ownText) continue
        const style = getComputedStyle(el)
        if (style.visibility === 'hidden' || style.display === 'none') continue
        const r = el.getBoundingClientRect()
        if (r.width === 0 || r.height === 0) continue
        boxes.push({ el, r, text: el.textContent.trim().slice(0, 20) })
      }
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i]
          const b = boxes[j]
          if (a.el.contains(b.el) || b.el.contains(a.el)) continue
          const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left)
          const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top)
          if (w > 2 && h > 2) found.push(`「${a.text}」 overlaps 「${b.text}」`)
        }
      }
    }
    return found
  }, selector)
}

/**
 * Neighbours the layout spaces apart that touch (less than 2 px between them): a card's figure
 * and its unit, the filter bar's controls, the header's buttons, the clock and its date.
 */
function findTouching(page) {
  return page.evaluate(() => {
    const pairs = [
      ['.metric-card__figure', '.metric-card__unit'],
      ['.filter-bar > :nth-child(1)', '.filter-bar > :nth-child(2)'],
      ['.filter-bar > :nth-child(2)', '.filter-bar > :nth-child(3)'],
      ['.clock > :nth-child(1)', '.clock > :nth-child(2)'],
    ]
    const found = []
    for (const [a, b] of pairs) {
      const left = document.querySelector(a)
      const right = document.querySelector(b)
      if (!left || !right) {
        found.push(`${a} / ${b}: not on the page`)
        continue
      }
      const l = left.getBoundingClientRect()
      const r = right.getBoundingClientRect()
      const sameLine = Math.min(l.bottom, r.bottom) - Math.max(l.top, r.top) > 0
      if (sameLine && r.left - l.right < 2)
        found.push(`${a} / ${b}: ${Math.round(r.left - l.right)} px apart`)
    }
    const buttons = [...document.querySelectorAll('header button')].filter(
      (el) => el.getBoundingClientRect().width > 0,
    )
    for (let i = 1; i < buttons.length; i++) {
      const l = buttons[i - 1].getBoundingClientRect()
      const r = buttons[i].getBoundingClientRect()
      if (Math.abs(l.top - r.top) < 2 && r.left - l.right < 2)
        found.push(`「${buttons[i - 1].textContent}」 touches 「${buttons[i].textContent}」`)
    }
    return found
  })
}

const countAlerts = (page) =>
  page.evaluate(() => document.querySelectorAll('[role="alert"]').length)

for (const version of testedOldChromiumVersions()) {
  describe(`Chromium ${version} (production build)`, () => {
    const harness = useHarness({ launch: () => launchOldChromium(version) })

    before(() => {
      mkdirSync(SHOTS, { recursive: true })
    })

    it('is the old version it claims to be', async (t) => {
      const { page } = await harness.open(t, '#/')
      const ua = await page.evaluate(() => navigator.userAgent)
      assert.match(ua, new RegExp(`Chrome/${version}\\.`), ua)
    })

    it('shows all 34 report figures and draws every overview chart', async (t) => {
      const { page } = await harness.open(t, '#/', { waitFor: waitForCardsAndCharts })
      assert.equal(await assertReportedFiguresOnScreen(page), 34)
      assertChartsDrawnAndSharp(await readChartCanvases(page), 1)
      assert.equal(await countAlerts(page), 0, 'no panel shows an error')
      await page.screenshot({ path: `${SHOTS}/chromium-${version}-overview.png` })
      // Spacing that Chromium 83 has no flex `gap` for (scripts/flex-gap-plugin.ts).
      assert.equal(
        await page.evaluate(() => document.documentElement.classList.contains('no-flex-gap')),
        version < 84,
        'the page knows whether this browser has flex gap',
      )
      assert.deepEqual(await findTouching(page), [], 'what the layout spaces apart is apart')
      {
        assert.deepEqual(await findTextOverlaps(page, 'header'), [], 'header text does not overlap')
        assert.deepEqual(
          await findTextOverlaps(page, '[data-indicator-id]'),
          [],
          'metric card text does not overlap',
        )
        const wrapped = await page.evaluate(() =>
          [...document.querySelectorAll('nav a')]
            .filter((a) => a.getBoundingClientRect().width > 0)
            .map((a) => ({
              text: a.textContent.trim(),
              lines: a.getClientRects().length,
              tall: a.getBoundingClientRect().height > parseFloat(getComputedStyle(a).fontSize) * 3,
            }))
            .filter((t) => t.lines !== 1 || t.tall)
            .map((t) => t.text),
        )
        assert.deepEqual(wrapped, [], 'every nav tab stays on one line')
      }
    })

    it('makes the briefing files: 生成汇报材料 (.docx) and 生成汇报PPT (.pptx)', async (t) => {
      // Playwright sees no download event from these old builds: the page's own anchor click is
      // caught instead and the blob behind it read back.
      const { page } = await harness.open(t, '#/', { waitFor: waitForCharts })
      await page.evaluate(() => {
        window.__saved = []
        const blobs = new Map()
        const createObjectURL = URL.createObjectURL.bind(URL)
        URL.createObjectURL = (blob) => {
          const url = createObjectURL(blob)
          blobs.set(url, blob)
          return url
        }
        HTMLAnchorElement.prototype.click = function () {
          window.__saved.push({ name: this.download, blob: blobs.get(this.href) })
        }
      })
      for (const [name, ext] of [
        ['生成汇报材料', 'docx'],
        ['生成汇报PPT', 'pptx'],
      ]) {
        const file = await page.evaluate(async (label) => {
          const before = window.__saved.length
          ;[...document.querySelectorAll('button')].find((b) => b.textContent === label).click()
          const started = Date.now()
          while (window.__saved.length === before && Date.now() - started < 60_000)
            await new Promise((r) => setTimeout(r, 200))
          const saved = window.__saved[before]
          if (!saved) return null
          const bytes = new Uint8Array(await saved.blob.arrayBuffer())
          return {
            name: saved.name,
            size: bytes.length,
            head: String.fromCharCode(bytes[0], bytes[1]),
          }
        }, name)
        assert.ok(file, `${name}: a file`)
        assert.ok(file.name.endsWith(`.${ext}`), file.name)
        assert.equal(file.head, 'PK', `${ext}: a zip package`)
        assert.ok(file.size > 100_000, `${ext}: ${file.size} bytes, with its charts`)
      }
    })

    it('opens each group page with its cards and charts', async (t) => {
      for (const group of dataset.meta.groups) {
        const session = await harness.open(t, `#/group/${group.id}`, {
          waitFor: waitForCardsAndCharts,
        })
        const { page } = session
        const ids = dataset.indicators.filter((i) => i.group === group.id).map((i) => i.id)
        const missing = await page.evaluate(
          (list) =>
            list.filter((id) => {
              const card = document.querySelector(`[data-indicator-id="${id}"]`)
              return !card || card.getBoundingClientRect().height === 0
            }),
          ids,
        )
        assert.deepEqual(missing, [], `${group.id}: every card of the group is shown`)
        assertChartsDrawnAndSharp(await readChartCanvases(page), 1)
        assert.equal(await countAlerts(page), 0, `${group.id}: no panel shows an error`)
        assertNoIssues(session, `on #/group/${group.id} in Chromium ${version}`)
        await session.close()
      }
    })

    it('runs the big screen with its figures and charts', async (t) => {
      const { page } = await harness.open(t, '#/screen?rotate=0', {
        waitFor: waitForCardsAndCharts,
      })
      assertChartsDrawnAndSharp(await readChartCanvases(page), 1)
      const cards = await page.evaluate(
        () => document.querySelectorAll('[data-indicator-id][data-status="reported"]').length,
      )
      assert.ok(cards >= 20, `the overview page of the big screen shows report figures (${cards})`)
      const size = await page.evaluate(() => ({
        w: document.documentElement.scrollWidth,
        h: document.documentElement.scrollHeight,
      }))
      assert.ok(size.w <= 1920 && size.h <= 1080, `no scrollbars (${size.w}×${size.h})`)
      await page.screenshot({ path: `${SHOTS}/chromium-${version}-screen.png` })
      if (version >= 86) {
        assert.deepEqual(await findTextOverlaps(page, 'header'), [], 'header text does not overlap')
      }
    })

    it('draws every 对比分析 chart', async (t) => {
      const { page } = await harness.open(t, '#/compare', { waitFor: waitForCharts })
      const charts = await readChartCanvases(page)
      assert.ok(charts.length >= 4, `comparison charts (${charts.length})`)
      assertChartsDrawnAndSharp(charts, 1)
      await page.screenshot({ path: `${SHOTS}/chromium-${version}-compare.png` })
    })

    it('opens 数据导入 with its template links', async (t) => {
      const { page } = await harness.open(t, '#/import')
      await page.waitForFunction(() =>
        [...document.querySelectorAll('h1, h2')].some((h) => h.textContent.includes('数据导入')),
      )
      const templates = await page.evaluate(
        () =>
          [...document.querySelectorAll('a, button')].filter(
            (a) => /模板/.test(a.textContent) && a.getBoundingClientRect().width > 0,
          ).length,
      )
      assert.ok(templates > 0, 'the import template can be downloaded')
    })
  })
}
