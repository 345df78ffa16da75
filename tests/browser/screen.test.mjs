/**
 * The big screen (#/screen) on the production build, in Debian's Chromium: it fills every display
 * size without scrollbars, its charts are drawn and sharp, it rotates, and a failing source keeps
 * the data on screen with a stale mark that clears when the source recovers.
 */
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import { before, describe, it } from 'node:test'
import { useHarness } from './helpers.mjs'
import { themeMismatches, themeOf } from './theme.mjs'

const SIZES = [
  [1280, 720],
  [1366, 768],
  [1920, 1080],
  [2560, 1440],
  [3840, 2160],
  [5760, 1080],
  [1080, 1920],
]

const harness = useHarness()

before(() => {
  mkdirSync('artifacts/browser', { recursive: true })
})

/** The big screen with `query`, for test `t` (`options` as openPage's: viewport, …). */
const openScreen = (t, query, options) => harness.open(t, `#/screen?${query}`, options)

async function waitForCharts(page) {
  await page.waitForFunction(() => {
    const charts = [...document.querySelectorAll('[data-chart-state]')]
    return (
      charts.length > 0 && charts.every((c) => c.getAttribute('data-chart-state') === 'finished')
    )
  })
}

/** Per canvas: painted pixels, backing size and the size it covers on the display. */
function canvasReport(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('.screen canvas')].map((c) => {
      const rect = c.getBoundingClientRect()
      const ctx = c.getContext('2d')
      const data = ctx.getImageData(0, 0, c.width, c.height).data
      let painted = 0
      for (let i = 3; i < data.length; i += 16) if (data[i] > 0) painted++
      return {
        painted,
        backing: [c.width, c.height],
        covered: [rect.width * devicePixelRatio, rect.height * devicePixelRatio],
      }
    }),
  )
}

describe('big screen fills any display', () => {
  for (const [width, height] of SIZES) {
    it(`${width}×${height}: no scrollbars, canvas fills a side, charts drawn and sharp`, async (t) => {
      const { page } = await openScreen(t, 'rotate=0', { viewport: { width, height } })
      await waitForCharts(page)
      const layout = await page.evaluate(() => {
        const rect = document.querySelector('.screen').getBoundingClientRect()
        const root = document.scrollingElement
        return {
          scrollW: root.scrollWidth,
          scrollH: root.scrollHeight,
          innerW: innerWidth,
          innerH: innerHeight,
          rect: { left: rect.left, top: rect.top, width: rect.width, height: rect.height },
        }
      })
      assert.ok(
        layout.scrollW <= layout.innerW,
        `horizontal scroll: ${layout.scrollW} > ${layout.innerW}`,
      )
      assert.ok(
        layout.scrollH <= layout.innerH,
        `vertical scroll: ${layout.scrollH} > ${layout.innerH}`,
      )
      const coverage = Math.max(layout.rect.width / width, layout.rect.height / height)
      assert.ok(coverage >= 0.9, `canvas covers only ${(coverage * 100).toFixed(1)}% of a side`)
      // Centred (letterboxed) on both axes.
      assert.ok(Math.abs(layout.rect.left - (width - layout.rect.width) / 2) <= 1)
      assert.ok(Math.abs(layout.rect.top - (height - layout.rect.height) / 2) <= 1)

      const canvases = await canvasReport(page)
      assert.ok(canvases.length >= 4, `expected a chart per group, got ${canvases.length} canvases`)
      for (const c of canvases) {
        assert.ok(c.painted > 50, `a chart canvas is blank (${c.painted} painted samples)`)
        assert.ok(
          c.backing[0] >= Math.floor(c.covered[0]) && c.backing[1] >= Math.floor(c.covered[1]),
          `canvas backing ${c.backing.join('×')} < covered ${c.covered.map(Math.round).join('×')}`,
        )
      }
      if (width === 3840) await page.screenshot({ path: 'artifacts/browser/screen-3840x2160.png' })
      if (width === 1920) await page.screenshot({ path: 'artifacts/browser/screen-1920x1080.png' })
    })
  }
})

describe('big screen behaviour', () => {
  it('shows the header: title, live clock, period and update time, with hall-sized type', async (t) => {
    const { page } = await openScreen(t, 'rotate=0')
    await waitForCharts(page)
    const header = await page.locator('.screen-header').innerText()
    assert.match(header, /通州湾示范区法治政府建设指标看板/)
    assert.match(header, /统计期间 2024年度/)
    assert.match(header, /数据截至 (\d{4}年)?\d+月\d+日 09:00 · 最后刷新 \d{2}:\d{2}/)
    const t1 = await page.locator('.clock__time').innerText()
    await page.waitForTimeout(1100)
    assert.notEqual(await page.locator('.clock__time').innerText(), t1, 'the clock does not tick')
    const sizes = await page.evaluate(() => ({
      figures: [...document.querySelectorAll('.screen .metric-card__figure')].map((e) =>
        parseFloat(getComputedStyle(e).fontSize),
      ),
      labels: [
        ...document.querySelectorAll('.screen .metric-card__name, .screen .chart-panel__title'),
      ].map((e) => parseFloat(getComputedStyle(e).fontSize)),
    }))
    assert.equal(sizes.figures.length, 34, 'the overview page shows all 34 figures')
    assert.ok(
      Math.min(...sizes.figures) >= 32,
      `key figures below 32px: ${Math.min(...sizes.figures)}`,
    )
    assert.ok(Math.min(...sizes.labels) >= 16, `labels below 16px: ${Math.min(...sizes.labels)}`)
  })

  it('rotates pages on its own, and arrow keys change page', async (t) => {
    const { page } = await openScreen(t, 'rotate=2')
    await waitForCharts(page)
    const first = await page.getAttribute('.screen', 'data-page')
    await page.waitForFunction(
      (p) => document.querySelector('.screen')?.getAttribute('data-page') !== p,
      first,
      { timeout: 6000 },
    )
    const rotated = await page.getAttribute('.screen', 'data-page')
    assert.notEqual(rotated, first)
    assert.equal(await page.locator('.screen-pager__dot[aria-current="page"]').count(), 1)

    await page.keyboard.press('ArrowRight')
    const afterKey = await page.getAttribute('.screen', 'data-page')
    assert.notEqual(afterKey, rotated, 'ArrowRight did not change page')
    assert.match(await page.locator('.screen-footer__rotation').innerText(), /暂停/)
    // Paused after interaction: the page stays put longer than the rotation period.
    await page.waitForTimeout(3000)
    assert.equal(await page.getAttribute('.screen', 'data-page'), afterKey)
  })

  it('is the hall theme, or the light hall with theme=light, from the theme source', async (t) => {
    for (const [query, theme, ground] of [
      ['rotate=0', 'hall', 'rgb(4, 11, 26)'],
      ['rotate=0&theme=light', 'hall-light', 'rgb(223, 230, 240)'],
    ]) {
      const { page } = await openScreen(t, query)
      await waitForCharts(page)
      assert.equal(await themeOf(page), theme)
      assert.deepEqual(await themeMismatches(page, theme), [])
      const viewport = await page
        .locator('.screen-viewport')
        .evaluate((e) => getComputedStyle(e).backgroundColor)
      assert.equal(viewport, ground)
    }
  })

  it('invalid parameters fall back to the defaults', async (t) => {
    const { page } = await openScreen(t, 'rotate=-5&refresh=abc&fit=zoom&theme=neon')
    await waitForCharts(page)
    assert.match(await page.locator('.screen-footer__rotation').innerText(), /每 30 秒轮播/)
    assert.equal(await page.locator('html[data-theme="hall"] .screen-viewport').count(), 1)
  })

  it('a failing source keeps the data with a stale mark, which clears when it recovers', async (t) => {
    // Chromium logs each data request the source refuses (HTTP 500) as an error: expected here.
    const refused = (m) =>
      m.text().startsWith('Failed to load resource: the server responded with a status of 500') &&
      new URL(m.location().url).pathname.startsWith('/data/')
    const { page } = await openScreen(t, 'rotate=0&refresh=2', { allowConsoleError: refused })
    await waitForCharts(page)
    const card = page.locator('[data-indicator-id="stock-docs"]')
    assert.match(await card.innerText(), /3767/)
    harness.server.state.override = (path) =>
      path.includes('/data/') ? { status: 500, body: '{}' } : null
    try {
      await page.waitForSelector('.stale-mark', { timeout: 30_000 })
      assert.match(
        await page.locator('.stale-mark').innerText(),
        /数据已过期 · 数据截至 (\d{4}年)?\d+月\d+日 09:00 · 最后刷新 \d{2}:\d{2}/,
      )
      assert.match(await card.innerText(), /3767/, 'the last good data left the screen')
      assert.equal(await page.locator('[data-indicator-id]').count(), 34)
    } finally {
      harness.server.state.override = null
    }
    await page.waitForSelector('.stale-mark', { state: 'detached', timeout: 30_000 })
    assert.match(await page.locator('.screen-header').innerText(), /最后刷新/)
  })

  it('tooltips land under the mouse inside the scaled canvas (4K)', async (t) => {
    const { page } = await openScreen(t, 'rotate=0&page=fair-competition', {
      viewport: { width: 3840, height: 2160 },
    })
    await waitForCharts(page)
    const box = await page.locator('[data-chart-id="fair-legality"] canvas').first().boundingBox()
    // Four rows; the first (招引协议回头看 283份) fills the top quarter, the second the next one.
    for (const [fy, label] of [
      [0.12, /招引协议回头看\s*283份/],
      [0.37, /涉企政策文件清理\s*169件/],
    ]) {
      const x = box.x + box.width * 0.4
      const y = box.y + box.height * fy
      await page.mouse.move(x, y)
      // ECharts glides the tooltip to its new place (0.4 s): read it once it has stopped moving.
      const readTooltip = () =>
        page.evaluate(() => {
          const el = [...document.querySelectorAll('[data-chart-id="fair-legality"] div')].find(
            (d) => d.style.position === 'absolute' && d.style.display !== 'none' && d.textContent,
          )
          if (!el) return null
          const r = el.getBoundingClientRect()
          return { left: r.left, top: r.top, text: el.textContent }
        })
      let tooltip = null
      for (let i = 0; i < 20; i++) {
        await page.waitForTimeout(150)
        const now = await readTooltip()
        const settled = now && tooltip && now.left === tooltip.left && now.top === tooltip.top
        tooltip = now
        if (settled) break
      }
      assert.ok(tooltip, 'no tooltip under the mouse')
      assert.match(
        tooltip.text,
        label,
        'the tooltip is for another row than the one under the mouse',
      )
      // ECharts puts the tooltip 20 design px right of and below the pointer: 40 px at scale 2.
      assert.ok(Math.abs(tooltip.left - x) < 100, `tooltip ${tooltip.left - x}px away horizontally`)
      assert.ok(Math.abs(tooltip.top - y) < 100, `tooltip ${tooltip.top - y}px away vertically`)
    }
  })
})
