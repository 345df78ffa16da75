/**
 * The data source fails after a good load: the figures stay on screen, the header says the data is
 * stale (数据已过期), and the mark goes away once the source answers again. config.json is served
 * with refreshSeconds: 2 so the background refresh comes quickly; a query counts as failed only
 * after its retries (1 s, 2 s, 4 s), hence the generous waits.
 */
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, it } from 'node:test'
import {
  assertChartsDrawnAndSharp,
  assertNoIssues,
  assertReportedFiguresOnScreen,
  readChartCanvases,
  useHarness,
  waitForCardsAndCharts,
  waitForCharts,
} from './helpers.mjs'

const FAST_CONFIG = {
  apiBaseUrl: './data',
  showDemoData: true,
  refreshSeconds: 2,
  requestTimeoutMs: 5000,
}
const STALE_TIMEOUT_MS = 25_000

describe('a data source that fails after a good load', () => {
  let failing = false
  /** The paths the server refused with HTTP 500. */
  const refused = new Set()

  /** Chromium logs each refused request as an error: expected here, for those paths only. */
  const isExpectedFailure = (message) =>
    message
      .text()
      .startsWith('Failed to load resource: the server responded with a status of 500') &&
    refused.has(new URL(message.location().url).pathname)

  const harness = useHarness({
    override: (pathname) => {
      if (pathname === '/config.json') return { status: 200, body: JSON.stringify(FAST_CONFIG) }
      if (failing && pathname.startsWith('/data/')) {
        refused.add(pathname)
        return { status: 500, body: JSON.stringify({ error: 'unavailable' }) }
      }
      return null
    },
  })
  const overview = harness.usePage('#/', {
    allowConsoleError: isExpectedFailure,
    waitFor: waitForCardsAndCharts,
  })

  it('keeps the figures, marks them 数据已过期, and clears the mark on recovery', async () => {
    const { page, session } = overview
    const header = page.getByRole('banner')
    const staleMark = header.getByRole('status').filter({ hasText: '数据已过期' })
    assert.ok(harness.server.state.requests.includes('/config.json'), 'config.json was read')
    assert.equal(await staleMark.count(), 0, 'fresh data is not marked stale')
    // Two times, each labelled: the data's own date (published 11月27日) and the last fetch (today).
    assert.match(
      await header.locator('.data-times').innerText(),
      /^数据截至 (\d{4}年)?\d+月\d+日 09:00 · 最后刷新 \d{2}:\d{2}$/,
      'the header shows the data date and the last fetch',
    )
    assert.equal(await assertReportedFiguresOnScreen(page), 34)

    // The source starts failing; the next refreshes get HTTP 500.
    const requestsBefore = harness.server.state.requests.length
    failing = true
    await staleMark.waitFor({ state: 'visible', timeout: STALE_TIMEOUT_MS })
    const dataRequests = harness.server.state.requests
      .slice(requestsBefore)
      .filter((r) => r.startsWith('/data/'))
    assert.ok(dataRequests.length >= 4, `the app kept asking the source (${dataRequests.length})`)
    assert.match(await staleMark.innerText(), /数据已过期/)
    assert.match(
      await staleMark.innerText(),
      /数据截至 (\d{4}年)?\d+月\d+日 09:00 · 最后刷新 \d{2}:\d{2}/,
      'it says when the data is from and when it was last fetched',
    )
    assert.equal(await assertReportedFiguresOnScreen(page), 34, 'the last good figures stay')
    assertChartsDrawnAndSharp(await readChartCanvases(page), 1)
    assert.equal(await page.locator('[role="alert"]').count(), 0, 'no panel turns into an error')
    assertNoIssues(session, 'while the source fails')

    // The source recovers: the next refresh succeeds and the mark disappears.
    failing = false
    await staleMark.waitFor({ state: 'detached', timeout: STALE_TIMEOUT_MS })
    assert.ok(await header.getByText(/最后刷新/).isVisible(), 'the times are back')
    assert.equal(await assertReportedFiguresOnScreen(page), 34)
  })

  it('says it legibly inside its header: an office screen, and the hall-light big screen', async (t) => {
    const desk = await harness.open(t, '#/', {
      viewport: { width: 1366, height: 768 },
      allowConsoleError: isExpectedFailure,
      waitFor: waitForCardsAndCharts,
    })
    const hall = await harness.open(t, '#/screen?rotate=0&theme=light', {
      allowConsoleError: isExpectedFailure,
      waitFor: waitForCardsAndCharts,
    })
    failing = true
    try {
      for (const [{ page }, header, below] of [
        [desk, '.app-header', '.app-nav'],
        [hall, '.screen-header', '.screen-body'],
      ]) {
        const mark = page.locator(`${header} .stale-mark`)
        await mark.waitFor({ state: 'visible', timeout: STALE_TIMEOUT_MS })
        const seen = await mark.evaluate(
          (el, { header, below }) => {
            const rgba = (c) => (c.match(/[\d.]+/g) ?? []).map(Number)
            const luminance = ([r, g, b]) => {
              const lin = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
              return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
            }
            // The mark's tint over the page's ground.
            const probe = document.createElement('i')
            probe.style.color = 'var(--bg)'
            document.body.append(probe)
            const ground = rgba(getComputedStyle(probe).color)
            probe.remove()
            const [r, g, b, a = 1] = rgba(getComputedStyle(el).backgroundColor)
            const back = [r, g, b].map((v, i) => v * a + ground[i] * (1 - a))
            const [l1, l2] = [luminance(rgba(getComputedStyle(el).color)), luminance(back)].sort(
              (x, y) => y - x,
            )
            const box = el.getBoundingClientRect()
            const head = document.querySelector(header).getBoundingClientRect()
            const next = document.querySelector(below).getBoundingClientRect()
            const title = document.querySelector(`${header} h1`).getBoundingClientRect()
            return {
              contrast: (l1 + 0.05) / (l2 + 0.05),
              insideHeader: box.top >= head.top - 0.5 && box.bottom <= head.bottom + 0.5,
              clearOfNext: box.bottom <= next.top + 0.5,
              clearOfTitle: box.right <= title.left - 8 || box.left >= title.right + 8,
            }
          },
          { header, below },
        )
        assert.ok(seen.contrast >= 4.5, `${header}: contrast ${seen.contrast.toFixed(2)}`)
        assert.ok(seen.insideHeader, `${header}: the mark stays inside the header`)
        assert.ok(seen.clearOfNext, `${header}: the mark is clear of ${below}`)
        assert.ok(seen.clearOfTitle, `${header}: the mark is clear of the title`)
      }
    } finally {
      failing = false
    }
  })

  it('a page says inside it that a refresh failed, keeps its cards, and the note goes on recovery', async (t) => {
    const { page } = await harness.open(t, '#/group/enforcement-team', {
      allowConsoleError: isExpectedFailure,
      waitFor: waitForCardsAndCharts,
    })
    const cards = await page.locator('.metric-card[data-status="reported"]').count()
    assert.ok(cards > 0, 'the group page shows its figures')
    const note = page.locator('.app-main .stale-note')
    assert.equal(await note.count(), 0, 'no note while the data is fresh')

    failing = true
    await note.waitFor({ state: 'visible', timeout: STALE_TIMEOUT_MS })
    assert.match(await note.innerText(), /数据刷新失败,显示的是 \d{2}:\d{2}(:\d{2})? 取得的数据/)
    assert.equal(await note.getByRole('button', { name: '重试' }).count(), 1)
    assert.equal(
      await page.locator('.metric-card[data-status="reported"]').count(),
      cards,
      'the last good figures stay on the page',
    )

    failing = false
    await note.getByRole('button', { name: '重试' }).click()
    await note.waitFor({ state: 'detached', timeout: STALE_TIMEOUT_MS })
    assert.equal(await page.locator('.metric-card[data-status="reported"]').count(), cards)
  })
})

describe('a refresh that brings malformed data', () => {
  /** null: the published file; else how each observation is spoiled. */
  let spoil = null
  const observations = JSON.parse(
    readFileSync(new URL('../../public/data/observations.json', import.meta.url), 'utf8'),
  )
  const harness = useHarness({
    override: (pathname) => {
      if (pathname === '/config.json') return { status: 200, body: JSON.stringify(FAST_CONFIG) }
      if (spoil && pathname === '/data/observations.json')
        return { status: 200, body: JSON.stringify({ items: observations.items.map(spoil) }) }
      return null
    },
  })

  for (const [what, spoiled] of [
    // A backend renames a field: no item can be placed under its indicator.
    ['a renamed field', ({ indicatorId, ...rest }) => ({ ...rest, indicator_id: indicatorId })],
    ['values written as text', (o) => ({ ...o, value: 'NaN' })],
  ]) {
    it(`with ${what}, the hall screen keeps its figures, marked 数据已过期, until good data comes`, async (t) => {
      // It went to 无数据 on every card (a renamed field) or to an error on every card (values as
      // text), each time with the header saying the data was fresh.
      spoil = null
      const { page } = await harness.open(t, '#/screen?rotate=0', {
        waitFor: waitForCardsAndCharts,
      })
      const mark = page.locator('.screen-header .stale-mark')
      const figures = await assertReportedFiguresOnScreen(page)
      spoil = spoiled
      await mark.waitFor({ state: 'visible', timeout: STALE_TIMEOUT_MS })
      assert.match(await mark.innerText(), /数据已过期/)
      assert.equal(await assertReportedFiguresOnScreen(page), figures, 'the figures stay')
      assert.equal(await page.getByText('无数据').count(), 0)
      // The data on screen is now marked stale: the charts take it once more, with the same values.
      await waitForCharts(page)
      assertChartsDrawnAndSharp(await readChartCanvases(page), 1)
      spoil = null
      await mark.waitFor({ state: 'detached', timeout: STALE_TIMEOUT_MS })
      assert.equal(await assertReportedFiguresOnScreen(page), figures)
    })
  }
})
