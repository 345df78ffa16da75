/**
 * A refresh that changes the data's shape — an indicator removed, one added, a whole group
 * emptied — updates the big screen in place: no reload, no error on the other panels, and back to
 * the published figures when the published shape returns. (npm run bench:soak runs the same
 * shapes for hours and measures that nothing leaks.)
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { ADDED_INDICATOR, dataShapes, EMPTIED_GROUP, serveShape } from './data-shapes.mjs'
import { assertReportedFiguresOnScreen, dataset, useHarness } from './helpers.mjs'
import { DIST_DIR } from './static-server.mjs'

const shapes = Object.fromEntries(dataShapes(DIST_DIR).map((s) => [s.name, s]))
const REFRESH_TIMEOUT_MS = 15_000

describe('the big screen when a refresh changes the data’s shape', () => {
  const harness = useHarness()
  const screen = harness.usePage('#/screen?rotate=0&refresh=2', {
    waitFor: (page) =>
      page.waitForFunction(() => document.querySelector('[data-indicator-id]') !== null),
  })

  const cardIds = (page) =>
    page.evaluate(() =>
      [...document.querySelectorAll('[data-indicator-id]')].map((c) =>
        c.getAttribute('data-indicator-id'),
      ),
    )
  /** Waits until the cards include every id of `has`, none of `lacks` and (if given) `count`. */
  const waitForCards = (page, { has = [], lacks = [], count = null }) =>
    page.waitForFunction(
      ({ has, lacks, count }) => {
        const ids = [...document.querySelectorAll('[data-indicator-id]')].map((c) =>
          c.getAttribute('data-indicator-id'),
        )
        return (
          ids.length > 0 &&
          has.every((id) => ids.includes(id)) &&
          !lacks.some((id) => ids.includes(id)) &&
          (count === null || ids.length === count)
        )
      },
      { has, lacks, count },
      { timeout: REFRESH_TIMEOUT_MS, polling: 100 },
    )

  it('follows an indicator removed, one added and a group emptied, without a reload', async () => {
    const { page } = screen
    await page.evaluate(() => {
      window.__sameDocument = true
    })
    const removed = shapes['indicator-removed'].removed
    assert.ok((await cardIds(page)).includes(removed))

    harness.server.state.override = serveShape(shapes['indicator-removed'])
    await waitForCards(page, { lacks: [removed] })

    harness.server.state.override = serveShape(shapes['indicator-added'])
    await waitForCards(page, { has: [ADDED_INDICATOR.id] })
    const added = await page.textContent(`[data-indicator-id="${ADDED_INDICATOR.id}"]`)
    assert.ok(added.includes(ADDED_INDICATOR.shortName), `the new card is named: ${added}`)

    harness.server.state.override = serveShape(shapes['group-emptied'])
    const emptied = dataset.indicators.filter((i) => i.group === EMPTIED_GROUP).map((i) => i.id)
    await waitForCards(page, { lacks: emptied })
    const text = await page.evaluate(() => document.body.innerText)
    assert.ok(!/NaN|undefined|null|Infinity|\[object Object\]/.test(text), 'no raw values')
    assert.ok(!text.includes('显示出错'), 'no panel broke')

    harness.server.state.override = null
    await waitForCards(page, { count: dataset.indicators.length })
    // indicators.json and observations.json are two requests: wait until both are back.
    await page.waitForFunction(
      () => document.querySelector('[data-indicator-id][data-status="missing"]') === null,
      null,
      { timeout: REFRESH_TIMEOUT_MS, polling: 100 },
    )
    assert.equal(await assertReportedFiguresOnScreen(page), 34, 'back to the published figures')
    assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no reload')
  })
})
