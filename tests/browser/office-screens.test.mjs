/**
 * The desk views on the screens of ordinary office PCs (1100–1440 px wide: 1280×720, 1366×768 are
 * the most common) and, for 对比分析's one-column layout, a 1024 px window and a phone: the tabs,
 * the header, the metric cards and the comparison's choices, as a user sees them.
 *   npm run build && node --import tsx --test tests/browser/office-screens.test.mjs
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  chartTooltipText,
  dataset,
  findCardLayoutFaults,
  readGroupColumns,
  useHarness,
  waitForCards,
  waitForCardsAndCharts,
  waitForCharts,
} from './helpers.mjs'

const OFFICE_WIDTHS = [1100, 1280, 1366, 1440]

/** The overview and each group page, with the number of metric cards each shows. */
const CARD_PAGES = [
  { path: '#/', cards: dataset.indicators.length },
  ...dataset.meta.groups.map((g) => ({
    path: `#/group/${g.id}`,
    cards: dataset.indicators.filter((i) => i.group === g.id).length,
  })),
]

describe('desk views on office screens (production build)', () => {
  const harness = useHarness()

  for (const width of OFFICE_WIDTHS) {
    it(`at ${width} px: every tab on one line and on screen, the header's words inside it`, async (t) => {
      const viewport = { width, height: 768 }
      const { page } = await harness.open(t, '#/', { viewport, waitFor: waitForCards })
      const tabs = await page.evaluate(() =>
        [...document.querySelectorAll('.app-nav > *')].map((el) => {
          const r = el.getBoundingClientRect()
          // The lines its visible words are set on: one top per line.
          const tops = new Set()
          const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
          for (let text = walker.nextNode(); text; text = walker.nextNode()) {
            const range = document.createRange()
            range.selectNodeContents(text)
            for (const line of range.getClientRects())
              if (line.width > 1) tops.add(Math.round(line.top))
          }
          return {
            text: el.textContent.trim(),
            oneLine: tops.size <= 1,
            onScreen: r.left >= 0 && r.right <= document.documentElement.clientWidth,
          }
        }),
      )
      assert.ok(tabs.length >= 10, `the tabs and buttons of the navigation (${tabs.length})`)
      assert.deepEqual(
        tabs.filter((tab) => !tab.oneLine).map((tab) => tab.text),
        [],
        'no tab breaks inside its name',
      )
      assert.deepEqual(
        tabs.filter((tab) => !tab.onScreen).map((tab) => tab.text),
        [],
        'every tab is on screen without scrolling the tabs',
      )
      const outside = await page.evaluate(() => {
        const header = document.querySelector('.app-header').getBoundingClientRect()
        return [...document.querySelectorAll('.app-header *')]
          .filter((el) => [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()))
          .filter((el) => {
            const r = el.getBoundingClientRect()
            return r.height > 0 && (r.bottom > header.bottom + 0.5 || r.top < header.top - 0.5)
          })
          .map((el) => el.textContent.trim())
      })
      assert.deepEqual(outside, [], "the header's words stay inside the header")
      // The report's title whole, not cut to …情况报… with an ellipsis.
      const source = await page.evaluate(() => {
        const el = document.querySelector('.app-header__source')
        return {
          text: el.textContent,
          cut: [el, ...el.querySelectorAll('*')].some((e) => e.scrollWidth > e.clientWidth + 1),
        }
      })
      assert.equal(source.text, `数据来源:《${dataset.meta.source.title}》`)
      assert.equal(source.cut, false, 'the report title is not cut')
      const lines = await page.evaluate(() =>
        [...document.querySelectorAll('.app-header__status > *')].map((el) =>
          Math.round(el.getBoundingClientRect().top),
        ),
      )
      assert.equal(new Set(lines).size, 1, `数据截至 and 最后刷新 on one line (${lines})`)
    })

    it(`at ${width} px: no metric card cuts off its 同比 or sparkline, and every 出处 sits at the card's bottom`, async (t) => {
      const viewport = { width, height: 768 }
      for (const { path, cards: expected } of CARD_PAGES) {
        const session = await harness.open(t, path, { viewport, waitFor: waitForCards })
        const { cards, found } = await findCardLayoutFaults(session.page)
        assert.equal(cards, expected, `${path}: every card read`)
        assert.deepEqual(found, [], `${path} at ${width} px`)
        await session.close()
      }
    })
  }

  for (const width of [1100, 1366]) {
    it(`at ${width} px: the overview's groups two by two in the report's order, with no hole under the shorter one`, async (t) => {
      const { page } = await harness.open(t, '#/', {
        viewport: { width, height: 768 },
        waitFor: waitForCardsAndCharts,
      })
      const { gap, groups } = await readGroupColumns(page)
      const ids = dataset.meta.groups.map((g) => g.id)
      assert.deepEqual(
        groups.map((g) => g.group),
        ids,
        'the groups in the report order',
      )
      const [a, b, c, d] = groups
      assert.ok(a.top === b.top && b.left > a.left, `${a.group} and ${b.group} side by side`)
      assert.ok(c.left === a.left && d.left === b.left, 'the other two under them')
      for (const g of [c, d])
        assert.ok(
          Math.abs(g.belowAbove - gap) <= 1,
          `${g.group} starts ${g.belowAbove} px under the group above it (gap ${gap})`,
        )
      // Loaded again with an ear on the page's errors, then made narrower and wide again: packed
      // each time, and no error (a ResizeObserver loop is reported as one).
      await page.context().addInitScript(() => {
        window.__layoutErrors = []
        window.addEventListener('error', (e) => window.__layoutErrors.push(String(e.message)))
      })
      await page.reload()
      await waitForCardsAndCharts(page)
      await page.setViewportSize({ width: width - 150, height: 768 })
      await page.waitForTimeout(300)
      await page.setViewportSize({ width, height: 768 })
      await page.waitForTimeout(300)
      const again = await readGroupColumns(page)
      for (const g of again.groups.slice(2))
        assert.ok(Math.abs(g.belowAbove - gap) <= 1, `${g.group} packed again (${g.belowAbove} px)`)
      assert.deepEqual(await page.evaluate(() => window.__layoutErrors), [], 'no error on the page')
    })
  }

  for (const { name, viewport, options } of [
    { name: 'a 1024 px window', viewport: { width: 1024, height: 768 }, options: {} },
    {
      name: 'a phone',
      viewport: { width: 390, height: 844 },
      options: { deviceScaleFactor: 3, isMobile: true, hasTouch: true },
    },
  ]) {
    it(`对比分析 in one column (${name}): the choices scroll away and never lie over a chart`, async (t) => {
      const { page } = await harness.open(t, '#/compare', {
        viewport,
        ...options,
        waitFor: waitForCharts,
      })
      // Where the choices stayed in view they lay across the charts scrolled under them (both
      // see-through: the words of both read over each other).
      const covered = await page.evaluate(async () => {
        const found = []
        const side = document.querySelector('.compare__side')
        for (const panel of document.querySelectorAll('.chart-panel')) {
          panel.scrollIntoView({ block: 'center' })
          await new Promise((resolve) => requestAnimationFrame(() => resolve()))
          const a = panel.getBoundingClientRect()
          const b = side.getBoundingClientRect()
          const w = Math.min(a.right, b.right) - Math.max(a.left, b.left)
          const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top)
          if (w > 0 && h > 0) {
            const title = panel.querySelector('h3, h2')?.textContent.trim() ?? '?'
            found.push(`${title}: the choices lie across ${Math.round(h)} px of it`)
          }
        }
        return found
      })
      assert.deepEqual(covered, [], 'every chart can be seen on its own when scrolled to')
    })
  }
})

describe('four rings (信访与应诉比率) wherever the overview puts them', () => {
  const harness = useHarness()

  for (const [viewport, layout] of [
    [{ width: 1920, height: 1080 }, 'two by two'],
    [{ width: 1366, height: 768 }, 'side by side'],
  ]) {
    it(`at ${viewport.width} px: an area for the rings ${layout}`, async (t) => {
      // In a column of the overview at 1920 the four rings stood two by two in 408×180 px:
      // each ring (r ≈ 25 px) smaller than its 100%, its name on the ring below.
      const { page } = await harness.open(t, '#/', { viewport, waitFor: waitForCharts })
      const [width, height] = await page
        .locator('[data-chart-id="dispute-rates"] [_echarts_instance_]')
        .evaluate((el) => [el.clientWidth, el.clientHeight])
      if (width < 480) {
        assert.ok(height >= 0.7 * width, `${width}×${height}: about three quarters as tall as wide`)
      } else {
        assert.equal(height, 180, `${width}×${height}: one row at the panel's height`)
      }
      assert.equal(layout === 'two by two', width < 480, `${width} px wide`)
    })
  }
})

describe('a chart under the pointer on a 4K desk (the page zoomed ×2)', () => {
  const harness = useHarness()

  /** The tooltip's words with the pointer at fractions of the chart's box, as a user hovers. */
  async function tooltipsAt(page, selector, points) {
    const chart = page.locator(`${selector} [_echarts_instance_]`)
    await chart.scrollIntoViewIfNeeded()
    const box = await chart.boundingBox()
    const texts = []
    for (const [fx, fy] of points) {
      await page.mouse.move(box.x + box.width * fx, box.y + box.height * fy)
      await page.waitForTimeout(300)
      texts.push(await chartTooltipText(page, `${selector} [_echarts_instance_]`))
      await page.mouse.move(0, 0)
      await page.waitForTimeout(100)
    }
    return texts
  }

  it('shows the tooltip of what is under the pointer, as at 1920×1080', async (t) => {
    // At 3840×2160 the desk view zooms the page ×2 and lays it out as at 1920: the same point of
    // a chart is at the same fraction of its box. The tooltip answered for a point twice as far
    // from the chart's corner (none over the 2024 bar; 2024's over the gap between 2022 and 2023).
    const selector = '[data-chart-id="admin-services-by-year"]'
    const points = [
      [0.19, 0.6],
      [0.45, 0.6],
      [0.72, 0.6],
    ]
    const seen = {}
    for (const viewport of [
      { width: 1920, height: 1080 },
      { width: 3840, height: 2160 },
    ]) {
      const { page } = await harness.open(t, '#/group/admin-services', {
        viewport,
        waitFor: waitForCharts,
      })
      seen[viewport.width] = await tooltipsAt(page, selector, points)
    }
    assert.ok(
      seen[1920].every((text) => /\d{4}年/.test(text)),
      `a year's tooltip at each point at 1920: ${JSON.stringify(seen[1920])}`,
    )
    assert.equal(new Set(seen[1920]).size, points.length, 'three different bars')
    assert.deepEqual(seen[3840], seen[1920])
  })
})

describe('metric cards in a hall screen of 1920×1080 and on the group pages', () => {
  const harness = useHarness()

  it('no card cuts off its 同比 or sparkline, and every 出处 sits at the bottom', async (t) => {
    for (const { path, cards: expected } of CARD_PAGES) {
      const session = await harness.open(t, path, { waitFor: waitForCardsAndCharts })
      const { cards, found } = await findCardLayoutFaults(session.page)
      assert.equal(cards, expected, `${path}: every card read`)
      assert.deepEqual(found, [], path)
      await session.close()
    }
  })
})
