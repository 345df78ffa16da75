/**
 * The big screen on displays that are not 16:9: LED walls of 2.4:1 and wider show whole groups side
 * by side on fewer pages (everything on one page at 5760×1080), portrait screens stack the groups.
 * On each, the panels cover at least 80 % of the display, nothing scrolls, every chart is on screen,
 * drawn and sharp, and every figure of the report is reachable. `fit=fit` still letterboxes the
 * 16:9 canvas, and a resize re-lays out in place without leaving listeners or charts behind.
 */
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import { before, describe, it } from 'node:test'
import {
  assertChartsDrawnAndSharp,
  formatObservation,
  indicatorById,
  inViewport,
  readChartCanvases,
  REGION_ID,
  REPORT_YEAR,
  reportedObservations,
  useHarness,
  waitForCharts,
} from './helpers.mjs'

/** [width, height, layout, pages]: what each display shape shows. */
const WALLS = [
  [5760, 1080, 'wide', 1],
  [3840, 1080, 'wide', 2],
  [7680, 2160, 'wide', 2],
  [2592, 1080, 'wide', 2], // 2.4:1, the narrowest wide wall
  [1080, 1920, 'tall', 5],
  [2160, 3840, 'tall', 5],
]

const reported = reportedObservations.filter((o) => o.orgId === REGION_ID && o.year === REPORT_YEAR)

const harness = useHarness()

before(() => {
  mkdirSync('artifacts/browser', { recursive: true })
})

/**
 * What the user sees on the current page: the share of the display the panels cover (sampled on
 * an 8 px grid, so overlaps count once), scrolling, the panels and chart canvases that stick out
 * of the viewport, and the figure cards on screen.
 */
function readPage(page) {
  return page.evaluate(() => {
    const W = innerWidth
    const H = innerHeight
    const rects = [...document.querySelectorAll('.screen-body .panel')].map((e) =>
      e.getBoundingClientRect(),
    )
    let inside = 0
    let samples = 0
    for (let y = 4; y < H; y += 8)
      for (let x = 4; x < W; x += 8) {
        samples++
        if (rects.some((r) => x >= r.left && x < r.right && y >= r.top && y < r.bottom)) inside++
      }
    const out = (r) => r.left < -0.5 || r.top < -0.5 || r.right > W + 0.5 || r.bottom > H + 0.5
    const root = document.scrollingElement
    return {
      layout: document.querySelector('.screen').getAttribute('data-layout'),
      pageId: document.querySelector('.screen').getAttribute('data-page'),
      coverage: inside / samples,
      scroll: [root.scrollWidth - W, root.scrollHeight - H],
      panelsOut: rects.filter(out).length,
      canvasesOut: [...document.querySelectorAll('.screen canvas')]
        .map((c) => c.getBoundingClientRect())
        .filter(out).length,
      cards: [...document.querySelectorAll('.screen [data-indicator-id]')].map((el) => {
        const r = el.getBoundingClientRect()
        const value = el.querySelector('.metric-card__value')
        return {
          id: el.getAttribute('data-indicator-id'),
          status: el.getAttribute('data-status'),
          text: el.innerText.replace(/\s+/g, ''),
          box: { x: r.left, y: r.top, width: r.width, height: r.height },
          clipped: value ? value.scrollWidth > value.clientWidth + 1 : true,
          nameCut: (() => {
            const n = el.querySelector('.metric-card__name')
            // Ellipsis shows as soon as the text is one pixel wider than its box.
            return n ? n.scrollWidth > n.clientWidth : false
          })(),
        }
      }),
    }
  })
}

/** Every card on the page shows its reported figure, on screen and not cut off; returns the ids. */
function checkCards(cards, viewport) {
  const byId = new Map(reported.map((o) => [o.indicatorId, o]))
  for (const card of cards) {
    const obs = byId.get(card.id)
    if (!obs) continue
    const { text } = formatObservation(obs)
    const name = indicatorById.get(card.id).shortName
    assert.ok(inViewport(card.box, viewport), `${card.id}: card on screen`)
    assert.equal(card.status, 'reported', `${card.id}: status`)
    assert.ok(card.text.includes(name) && card.text.includes(text), `${card.id}: ${card.text}`)
    assert.equal(card.clipped, false, `${card.id}: figure is not cut off`)
    assert.equal(card.nameCut, false, `${card.id}: the name ${name} is whole, not ended in …`)
  }
  return cards.map((c) => c.id).filter((id) => byId.has(id))
}

async function gotoPage(page, index) {
  await page.locator('.screen-pager__dot').nth(index).click()
  await page.mouse.move(0, 0)
  await page.waitForFunction(
    (i) =>
      document.querySelectorAll('.screen-pager__dot')[i]?.getAttribute('aria-current') === 'page',
    index,
  )
  await waitForCharts(page)
}

describe('big screen uses the whole display', () => {
  for (const [width, height, layout, pageCount] of WALLS) {
    it(`${width}×${height}: ${layout}, ${pageCount} page(s), panels cover ≥ 80 %, charts on screen and sharp, all 34 figures reachable`, async (t) => {
      const viewport = { width, height }
      const { page } = await harness.open(t, '#/screen?rotate=0', { viewport })
      await waitForCharts(page)
      assert.equal(await page.locator('.screen-pager__dot').count(), pageCount, 'pages')
      const seen = new Set()
      const coverages = []
      for (let i = 0; i < pageCount; i++) {
        if (i > 0) await gotoPage(page, i)
        const shown = await readPage(page)
        assert.equal(shown.layout, layout)
        coverages.push(shown.coverage)
        assert.ok(
          shown.coverage >= 0.8,
          `${shown.pageId}: panels cover ${(shown.coverage * 100).toFixed(1)} % of the display`,
        )
        assert.deepEqual(shown.scroll, [0, 0], `${shown.pageId}: no scrollbars`)
        assert.equal(shown.panelsOut, 0, `${shown.pageId}: a panel sticks out of the display`)
        assert.equal(shown.canvasesOut, 0, `${shown.pageId}: a chart is cut at an edge`)
        assertChartsDrawnAndSharp(await readChartCanvases(page), 1)
        for (const id of checkCards(shown.cards, viewport)) seen.add(id)
      }
      assert.equal(seen.size, reported.length, 'every reported figure is on one of the pages')
      assert.equal(seen.size, 34)
      console.log(
        `${width}×${height}: ${pageCount} page(s), panels cover ${coverages.map((c) => `${(c * 100).toFixed(1)} %`).join(', ')}`,
      )
      if (width === 5760) await page.screenshot({ path: 'artifacts/browser/screen-5760x1080.png' })
    })
  }

  it('5760×1080: everything on one page, so nothing rotates and the pager says so', async (t) => {
    const { page } = await harness.open(t, '#/screen?rotate=2', {
      viewport: { width: 5760, height: 1080 },
    })
    await waitForCharts(page)
    assert.deepEqual(await page.locator('.screen-pager__dot').allInnerTexts(), ['全部指标'])
    assert.match(await page.locator('.screen-footer__rotation').innerText(), /一屏显示.*无需轮播/)
    assert.equal(await page.locator('.screen canvas').count(), 10, 'all ten charts at once')
    await page.waitForTimeout(3000)
    assert.equal(await page.getAttribute('.screen', 'data-page'), 'all')
  })

  it('3840×1080: rotates through two pages of two groups instead of five', async (t) => {
    const { page } = await harness.open(t, '#/screen?rotate=2', {
      viewport: { width: 3840, height: 1080 },
    })
    await waitForCharts(page)
    const visited = [await page.getAttribute('.screen', 'data-page')]
    for (let i = 0; i < 2; i++) {
      await page.waitForFunction(
        (p) => document.querySelector('.screen')?.getAttribute('data-page') !== p,
        visited.at(-1),
        { timeout: 6000 },
      )
      visited.push(await page.getAttribute('.screen', 'data-page'))
    }
    // Two pages, back and forth (the first may already have turned while the charts loaded).
    assert.equal(visited[2], visited[0], `back to the first page: ${visited.join(' → ')}`)
    assert.deepEqual([...new Set(visited)].sort(), [
      'admin-services+fair-competition',
      'enforcement-team+dispute-resolution',
    ])
    assert.match(await page.locator('.screen-footer__rotation').innerText(), /每 2 秒轮播/)
  })

  it('fit=fit on 5760×1080 keeps the letterboxed 16:9 canvas', async (t) => {
    const { page } = await harness.open(t, '#/screen?rotate=0&fit=fit', {
      viewport: { width: 5760, height: 1080 },
    })
    await waitForCharts(page)
    const shown = await readPage(page)
    const rect = await page.locator('.screen').boundingBox()
    assert.equal(shown.layout, 'standard')
    assert.deepEqual(rect, { x: 1920, y: 0, width: 1920, height: 1080 })
    assert.equal(await page.locator('.screen-pager__dot').count(), 5)
    assert.ok(shown.coverage < 0.34, `letterboxed: ${(shown.coverage * 100).toFixed(1)} %`)
  })

  it('1920×1080 keeps the 16:9 layout: 总览 and a page per group', async (t) => {
    const { page } = await harness.open(t, '#/screen?rotate=0')
    await waitForCharts(page)
    assert.equal(await page.getAttribute('.screen', 'data-layout'), 'standard')
    assert.deepEqual(await page.locator('.screen-pager__dot').allInnerTexts(), [
      '总览',
      '行政服务',
      '公平竞争审查',
      '执法队伍建设',
      '矛盾纠纷化解',
    ])
    assert.deepEqual(await page.locator('.screen').boundingBox(), {
      x: 0,
      y: 0,
      width: 1920,
      height: 1080,
    })
  })

  it('a resize re-lays out in place, keeps the group on screen and leaves nothing behind', async (t) => {
    const { page } = await harness.open(t, '#/screen?rotate=0&page=enforcement-team')
    await waitForCharts(page)
    const cdp = await page.context().newCDPSession(page)
    const windowListeners = async () => {
      const { result } = await cdp.send('Runtime.evaluate', { expression: 'window' })
      const { listeners } = await cdp.send('DOMDebugger.getEventListeners', {
        objectId: result.objectId,
      })
      return listeners.length
    }
    const before = await windowListeners()
    const steps = [
      [3840, 1080, 'wide', 'enforcement-team+dispute-resolution', 5],
      [1080, 1920, 'tall', 'enforcement-team', 3],
      [5760, 1080, 'wide', 'all', 10],
      [1920, 1080, 'standard', 'overview', 4],
      [1920, 1080, 'standard', 'enforcement-team', 3],
    ]
    for (const [width, height, layout, pageId, charts] of steps) {
      if (pageId === 'enforcement-team' && width === 1920) await gotoPage(page, 3)
      else await page.setViewportSize({ width, height })
      await page.waitForFunction(
        ([l, p]) => {
          const s = document.querySelector('.screen')
          return s?.getAttribute('data-layout') === l && s.getAttribute('data-page') === p
        },
        [layout, pageId],
      )
      assert.equal(await waitForCharts(page), charts, `${width}×${height}: charts on the page`)
      assert.equal(await page.locator('.screen canvas').count(), charts, 'no canvas left behind')
      const shown = await readPage(page)
      assert.deepEqual(shown.scroll, [0, 0], `${width}×${height}: no scrollbars`)
      assert.equal(shown.canvasesOut, 0, `${width}×${height}: a chart is cut at an edge`)
      assertChartsDrawnAndSharp(await readChartCanvases(page), 1)
    }
    assert.equal(await windowListeners(), before, 'window listeners after five re-layouts')
  })
})
