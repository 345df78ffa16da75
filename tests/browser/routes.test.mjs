/**
 * Links as people really paste them (cut off, double-escaped, absurdly long) never blank the page,
 * and moving between views behaves like a site: the nav marks the page you are on, a new page
 * starts at the top, and going back returns to where you were.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { useHarness, waitForCards, waitForCardsAndCharts } from './helpers.mjs'

/** What the user sees: the page's text and whether the header (title) is still there. */
const readScreen = (page) =>
  page.evaluate(() => ({
    text: document.body.innerText,
    title: document.querySelector('h1')?.textContent ?? '',
  }))

describe('mangled links and navigation (production build)', () => {
  const harness = useHarness()

  const MANGLED = [
    ['a cut-off escape', '#/group/%'],
    ['half a UTF-8 escape', '#/group/%E4%B8'],
    ['escapes everywhere', '#/%%%/?year=%&org=%E4'],
    ['a 100,000-character hash', `#/group/${'x'.repeat(100_000)}?year=${'9'.repeat(400)}`],
    ['absurd parameters', `#/?year=1e308&org=${'<b>'.repeat(2000)}&demo=[object Object]`],
  ]

  for (const [what, path] of MANGLED) {
    it(`${what} shows the dashboard's words, never a blank page`, async (t) => {
      const { page } = await harness.open(t, path)
      await page.waitForFunction(() => document.querySelector('h1') !== null, null, {
        timeout: 20_000,
      })
      await page.waitForTimeout(300)
      const shown = await readScreen(page)
      assert.equal(shown.title, '通州湾示范区法治政府建设指标看板', 'the header is there')
      assert.match(
        shown.text,
        /没有这个页面|返回总览|行政服务/,
        'the page says where you are or offers a way back',
      )
      assert.doesNotMatch(shown.text, /URIError|TypeError|undefined|NaN|\[object Object\]/)
    })
  }

  it('marks only the current page in the navigation, by whole path', async (t) => {
    const { page } = await harness.open(t, '#/group/admin-services', { waitFor: waitForCards })
    const current = await page.evaluate(() =>
      [...document.querySelectorAll('nav a[aria-current="page"]')].map((a) => a.textContent.trim()),
    )
    assert.deepEqual(current, ['行政服务'])
  })

  it('opens a new page at the top and returns to the scroll position on back', async (t) => {
    const { page } = await harness.open(t, '#/', { waitFor: waitForCardsAndCharts })
    const canScroll = await page.evaluate(
      () => document.documentElement.scrollHeight > window.innerHeight + 600,
    )
    assert.ok(canScroll, 'the overview is taller than the window')
    await page.evaluate(() => window.scrollTo(0, 600))
    await page.waitForTimeout(300)
    await page.evaluate(() => {
      window.location.hash = '#/group/fair-competition'
    })
    await waitForCards(page)
    await page.waitForFunction(() => document.querySelector('[data-group="fair-competition"]'))
    assert.equal(await page.evaluate(() => window.scrollY), 0, 'the group page starts at the top')
    await page.evaluate(() => window.history.back())
    await page.waitForFunction(() => /^#\/(\?|$)/.test(window.location.hash))
    await page.waitForFunction(() => Math.abs(window.scrollY - 600) < 2, null, { timeout: 5000 })
  })
})
