/**
 * The page's first requests (src/lib/early-fetch.ts, built as the `boot` entry): the production
 * page asks for its data together with config.json, not after it, so a slow config.json does not
 * hold the figures back by its own delay; and when config.json names another data source than the
 * last visit's, the figures are that source's, never the guessed one's.
 */
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import {
  assertReportedFiguresOnScreen,
  formatObservation,
  observationOf,
  REGION_ID,
  REPORT_YEAR,
  reportedObservations,
  useHarness,
  waitForCardsAndCharts,
} from './helpers.mjs'
import { DIST_DIR } from './static-server.mjs'

const CONFIG_DELAY_MS = 1500
/** Where the last visit's config.json pointed, as the boot script keeps it. */
const HINT_KEY = 'tzw-dashboard:api-base'

/** The built data file `name` (dist/data). */
const builtData = (name) => readFileSync(join(DIST_DIR, 'data', name), 'utf8')

describe('the first requests of the production page', () => {
  /** What config.json answers in the current test. */
  let config = null
  /** Answers for /other-data/<file>: the built data with one reported figure changed. */
  // A count (a rate above 100 % would be refused by the schema): 审查政府合同 49 件.
  const moved = reportedObservations.find(
    (o) =>
      o.indicatorId === 'gov-contracts-reviewed' && o.orgId === REGION_ID && o.year === REPORT_YEAR,
  )
  const movedValue = moved.value + 7
  const otherObservations = () => {
    const body = JSON.parse(builtData('observations.json'))
    for (const o of body.items) {
      if (o.indicatorId === moved.indicatorId && o.orgId === REGION_ID && o.year === REPORT_YEAR)
        o.value = movedValue
    }
    return JSON.stringify(body)
  }
  const harness = useHarness({
    override: (pathname) => {
      if (pathname === '/config.json' && config) return config
      const other = /^\/other-data\/([a-z]+\.json)$/.exec(pathname)
      if (other) {
        const name = other[1]
        return { body: name === 'observations.json' ? otherObservations() : builtData(name) }
      }
      return null
    },
  })

  it('index.html runs the boot script before the app', async () => {
    const html = readFileSync(join(DIST_DIR, 'index.html'), 'utf8')
    const boot = html.search(/<script type="module" async crossorigin src="\.\/assets\/boot-/)
    const app = html.search(/<script type="module" crossorigin src="\.\/assets\/index-/)
    assert.ok(boot > 0, 'a boot script in index.html')
    assert.ok(boot < app, 'the boot script comes before the app')
  })

  it('asks for the data while a slow config.json is still on its way, and shows the figures', async (t) => {
    config = {
      delayMs: CONFIG_DELAY_MS,
      body: JSON.stringify({ apiBaseUrl: './data', refreshSeconds: 0 }),
    }
    const { page } = await harness.open(t, '#/')
    await waitForCardsAndCharts(page)
    const timing = await page.evaluate(() =>
      Object.fromEntries(
        performance
          .getEntriesByType('resource')
          .filter((e) =>
            /\/(config|meta|indicators|organizations|observations)\.json$/.test(e.name),
          )
          .map((e) => [e.name.split('/').pop(), { start: e.startTime, end: e.responseEnd }]),
      ),
    )
    for (const name of [
      'meta.json',
      'indicators.json',
      'organizations.json',
      'observations.json',
    ]) {
      assert.ok(timing[name], `${name} was requested`)
      assert.ok(
        timing[name].start < timing['config.json'].end - CONFIG_DELAY_MS / 2,
        `${name} asked for at ${Math.round(timing[name].start)} ms, before config.json answered at ${Math.round(timing['config.json'].end)} ms`,
      )
    }
    assert.equal(await assertReportedFiguresOnScreen(page), 34)
    // Each collection once: the app took the early answers, it did not ask again.
    const requests = harness.server.state.requests
    assert.equal(requests.filter((p) => p === '/data/observations.json').length, 1)
  })

  it('shows the source config.json names now, not the one the last visit used', async (t) => {
    config = { body: JSON.stringify({ apiBaseUrl: './other-data', refreshSeconds: 0 }) }
    const session = await harness.open(t, undefined)
    // The last visit read its data from ./data.
    await session.context.addInitScript(
      ([key]) => window.localStorage.setItem(key, './data'),
      [HINT_KEY],
    )
    const { page } = session
    await page.goto(harness.server.url + '#/')
    await waitForCardsAndCharts(page)
    const expected = formatObservation({ ...moved, value: movedValue }).figure
    const figure = await page
      .locator(`[data-indicator-id="${moved.indicatorId}"] .metric-card__figure`)
      .first()
      .textContent()
    assert.equal(
      figure,
      expected,
      `the figure of ./other-data (was ${formatObservation(moved).figure})`,
    )
    assert.equal(
      observationOf(moved.indicatorId, REGION_ID, REPORT_YEAR).value,
      moved.value,
      'the bundled data is unchanged',
    )
    assert.equal(await page.evaluate((key) => localStorage.getItem(key), HINT_KEY), './other-data')
  })
})
