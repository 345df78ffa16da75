/**
 * Shared pieces of the browser tests: the dataset as shipped (public/data, copied into dist/data),
 * the figure formatting the report uses, one browser + static server per test file, pages that
 * record every console error, page error and CSP violation, and waits for the charts.
 */
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, afterEach, before } from 'node:test'
import { CONTENT_SECURITY_POLICY } from '../../src/config/csp.ts'
import { launchChromium } from './chromium.mjs'
import { startStaticServer } from './static-server.mjs'

export const VIEWPORT = { width: 1920, height: 1080 }

/** Waits long enough for a cold page on a slow CI machine, short enough to fail fast. */
export const LOAD_TIMEOUT_MS = 20_000

const readData = (name) =>
  JSON.parse(readFileSync(new URL(`../../public/data/${name}`, import.meta.url), 'utf8'))

export const dataset = {
  meta: readData('meta.json'),
  indicators: readData('indicators.json').items,
  facts: readData('facts.json').items,
  organizations: readData('organizations.json').items,
  observations: readData('observations.json').items,
}

export const indicatorById = new Map(dataset.indicators.map((i) => [i.id, i]))
export const REPORT_YEAR = dataset.meta.period.year
export const REGION_ID = dataset.meta.region.id

/** An organisation's name as shown: one the report does not name carries (示例单位). */
export const shownOrgName = (org) => (org.namedInReport ? org.name : `${org.name}(示例单位)`)
export const shownOrgShortName = (org) =>
  org.namedInReport ? org.shortName : `${org.shortName}(示例单位)`

/** The observations the report itself gives (not demo values). */
export const reportedObservations = dataset.observations.filter((o) => o.status === 'reported')

/** The observation of one indicator for one organisation and year, or undefined. */
export function observationOf(indicatorId, orgId, year) {
  return dataset.observations.find(
    (o) => o.indicatorId === indicatorId && o.orgId === orgId && o.year === year,
  )
}

// ------------------------------------------------------------------ formatting (src/lib/format.ts)

function trim(value, digits) {
  const fixed = value.toFixed(digits)
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed
}

/** At most one decimal; from 10万 on in 万, from 1亿 on in 亿 (after rounding: never "10000万"). */
function formatNumber(value) {
  const yi = () => `${trim(value / 1e8, 2)}亿`
  const wan = () => {
    const text = trim(value / 1e4, 1)
    return Math.abs(Number(text)) >= 1e4 ? yi() : `${text}万`
  }
  if (Math.abs(value) >= 1e8) return yi()
  if (Math.abs(value) >= 1e5) return wan()
  const text = trim(value, 1)
  return Math.abs(Number(text)) >= 1e5 ? wan() : text
}

/** The figure as the report writes it: approx → "20余", at-least → "≥50", else the number. */
export function formatFigure(value, qualifier) {
  const n = formatNumber(value)
  if (qualifier === 'approx') return `${n}余`
  if (qualifier === 'at-least') return `≥${n}`
  return n
}

/** What an observation over another period than its year covers (2012年以来累计), or null. */
export function periodOf({ period, year }) {
  if (!period) return null
  if (period.kind === 'since') return `${period.from}年以来累计`
  if (period.kind === 'recent-years')
    return `近${period.years}年(${year - period.years + 1}–${year}年)`
  return `${year}年单次事件`
}

/**
 * Figure, unit and both together ("20余次"), for an observation of its indicator; `withPeriod` as
 * charts, tables and exported texts write it ("283份 · 2012年以来累计").
 */
export function formatObservation(observation) {
  const indicator = indicatorById.get(observation.indicatorId)
  assert.ok(indicator, `indicator ${observation.indicatorId} is in indicators.json`)
  const figure = formatFigure(observation.value, observation.qualifier)
  const text = `${figure}${indicator.unit}`
  const period = periodOf(observation)
  return { figure, unit: indicator.unit, text, withPeriod: period ? `${text} · ${period}` : text }
}

// ------------------------------------------------------------------ browser, server and pages

/**
 * The one lifecycle of the browser tests. Called at the top of a test file or in a describe, it
 * registers the node:test hooks there itself:
 *   before     starts a static server for dist/ with the production CSP header (`override`
 *              installed before any page loads; `server: false` for none) and launches the
 *              browser (`launch`: Debian's Chromium unless told otherwise);
 *   afterEach  checks every page the test opened with `open(t, …)` for console errors, page errors
 *              and CSP violations (assertNoIssues), then closes it;
 *   after      closes the browser and the server.
 * `opener(harness, path, options)` opens a session (openPage unless told otherwise: the fault
 * tests give each page a server of its own, see faults-harness.mjs).
 *
 * The handle is lazy: `harness` ({ server, browser }), `server` and `browser` are there once the
 * `before` hook has run, so tests and hooks read them, the describe body does not.
 *   open(t, path, options)  a page for test `t` only (the opener's options, and `waitFor(page)`);
 *   usePage(path, options)  one page for every test of the describe it is called in.
 */
export function useHarness({
  launch = launchChromium,
  override = null,
  server: withServer = true,
  opener = openPage,
} = {}) {
  let harness = null
  /** The sessions each running test opened (tests may run side by side). */
  const opened = new Map()

  before(async () => {
    const server = withServer ? await startStaticServer({ csp: CONTENT_SECURITY_POLICY }) : null
    if (server) server.state.override = override
    const browser = await launch()
    harness = {
      server,
      browser,
      async close() {
        await browser.close()
        await server?.close()
      },
    }
  })

  afterEach(async (t) => {
    const sessions = opened.get(t) ?? []
    opened.delete(t)
    try {
      for (const session of sessions) assertNoIssues(session, `in “${t.fullName}”`)
    } finally {
      for (const session of sessions) await session.close()
    }
  })

  after(async () => {
    await harness?.close()
  })

  const handle = {
    get harness() {
      return ready(harness, 'the harness')
    },
    get server() {
      return ready(harness, 'the harness').server
    },
    get browser() {
      return ready(harness, 'the harness').browser
    },
    async open(t, path, { waitFor, ...options } = {}) {
      const session = await opener(handle.harness, path, options)
      opened.set(t, [...(opened.get(t) ?? []), session])
      if (waitFor) await waitFor(session.page)
      return session
    },
    /**
     * One page for all the tests of the describe this is called in (they take turns on it):
     *   before     opens `path` with the opener's options, then runs `waitFor(page)`;
     *   afterEach  checks it for console errors, page errors and CSP violations; it stays open;
     *   after      closes it.
     * The handle is lazy: `page` and `session` are there once its `before` hook has run.
     */
    usePage(path, { waitFor, ...options } = {}) {
      let session = null
      before(async () => {
        session = await opener(handle.harness, path, options)
        if (waitFor) await waitFor(session.page)
      })
      afterEach((t) => {
        if (session) assertNoIssues(session, `on ${path} in “${t.fullName}”`)
      })
      after(async () => {
        await session?.close()
      })
      return {
        get session() {
          return ready(session, `the page ${path}`)
        },
        get page() {
          return ready(session, `the page ${path}`).page
        },
        get harness() {
          return handle.harness
        },
      }
    },
  }
  return handle
}

function ready(value, what) {
  if (value === null) throw new Error(`${what} is there only once its before hook has run`)
  return value
}

/**
 * A fresh browser context and page that records problems in `issues`:
 *   - console messages of type 'error' (unless `allowConsoleError(message)` accepts one),
 *   - any console message that mentions the Content Security Policy,
 *   - uncaught page errors,
 *   - 'securitypolicyviolation' events, reported from inside the page.
 * `expectedIssue(text)` names the issues a test provokes on purpose: assertNoIssues leaves them out.
 * Other options (isMobile, hasTouch, acceptDownloads, …) go to the browser context.
 * If `path` is given the page opens server.url + path. Closing it twice is fine.
 */
export async function openPage(
  harness,
  path,
  {
    viewport = VIEWPORT,
    deviceScaleFactor = 1,
    allowConsoleError = () => false,
    expectedIssue = () => false,
    ...contextOptions
  } = {},
) {
  const context = await harness.browser.newContext({
    viewport,
    deviceScaleFactor,
    // The service worker has its own tests (offline.test.mjs); here every request reaches the
    // test server as the test arranges it.
    serviceWorkers: 'block',
    ...contextOptions,
  })
  const issues = []
  await context.exposeBinding('__reportCspViolation', (_source, text) => {
    issues.push(`CSP violation: ${text}`)
  })
  await context.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (e) => {
        const where = e.sourceFile ? ` at ${e.sourceFile}:${e.lineNumber}` : ''
        window.__reportCspViolation(
          `${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'}${where}`,
        )
      },
      true,
    )
  })
  const page = await context.newPage()
  page.on('console', (message) => {
    const text = message.text()
    const where = message.location()?.url ?? ''
    if (/content[ -]security[ -]policy/i.test(text)) {
      issues.push(`console ${message.type()} about CSP: ${text} (${where})`)
    } else if (message.type() === 'error' && !allowConsoleError(message)) {
      issues.push(`console.error: ${text} (${where})`)
    }
  })
  page.on('pageerror', (error) => issues.push(`pageerror: ${error.message}`))
  if (path !== undefined) await page.goto(harness.server.url + path)
  let closed = null
  return { page, context, issues, expectedIssue, close: () => (closed ??= context.close()) }
}

/**
 * Fails with the list of problems recorded since the last call (but those the session expects),
 * and starts a new list.
 */
export function assertNoIssues(session, when = '') {
  const found = session.issues.splice(0).filter((i) => !session.expectedIssue?.(i))
  assert.deepEqual(found, [], `console errors, page errors or CSP violations ${when}`)
}

/** Waits until the metric cards are on the page. */
export async function waitForCards(page) {
  // waitForFunction rather than waitForSelector: Playwright's visibility checks call
  // Element.checkVisibility (Chromium 105), which the old Chromium builds under test lack.
  await page.waitForFunction(() => document.querySelector('[data-indicator-id]') !== null, null, {
    timeout: LOAD_TIMEOUT_MS,
  })
}

/**
 * Waits until every chart holder on the page has its ECharts instance and each has finished
 * rendering (data-chart-state="finished", set on ECharts' 'finished' event). Returns the count.
 */
export async function waitForCharts(page) {
  const handle = await page.waitForFunction(
    () => {
      const holders = document.querySelectorAll('.chart-panel__chart')
      const charts = [...document.querySelectorAll('[data-chart-state]')]
      const done =
        holders.length > 0 &&
        charts.length === holders.length &&
        charts.every((c) => c.getAttribute('data-chart-state') === 'finished')
      return done ? charts.length : 0
    },
    null,
    { timeout: LOAD_TIMEOUT_MS },
  )
  return handle.jsonValue()
}

/**
 * Runs `action` (a click) and saves the file it downloads into `dir`: its suggested name and bytes.
 * Making a .docx or deck with its chart images may take a while on a slow machine.
 */
export async function downloadFile(page, action, dir) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), action()])
  const path = join(dir, dl.suggestedFilename())
  await dl.saveAs(path)
  return { name: dl.suggestedFilename(), buffer: readFileSync(path) }
}

/** Waits until the metric cards and the charts of a desk view are on the page. */
export async function waitForCardsAndCharts(page) {
  await waitForCards(page)
  await waitForCharts(page)
}

/**
 * For every chart on the page: its panel id, and for each of its canvases the backing-store size,
 * the CSS size, the device pixel ratio and how many pixels are not fully transparent.
 */
export function readChartCanvases(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-chart-state]')].map((holder) => ({
      chartId: holder.closest('[data-chart-id]')?.getAttribute('data-chart-id') ?? '(none)',
      state: holder.getAttribute('data-chart-state'),
      canvases: [...holder.querySelectorAll('canvas')].map((canvas) => {
        const rect = canvas.getBoundingClientRect()
        const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height)
        let painted = 0
        for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted++
        return {
          width: canvas.width,
          height: canvas.height,
          cssWidth: rect.width,
          cssHeight: rect.height,
          dpr: window.devicePixelRatio,
          painted,
        }
      }),
    })),
  )
}

/**
 * Every chart has a canvas with a drawing on it (at least 3 % of its pixels painted: the emptiest
 * chart today paints about 8 %, a blank or axis-only canvas well under 1 %) and a backing store of
 * at least its CSS size × devicePixelRatio, so it is not blurred by upscaling.
 */
export function assertChartsDrawnAndSharp(charts, expectedDpr) {
  assert.ok(charts.length > 0, 'there are charts on the page')
  for (const chart of charts) {
    assert.equal(chart.state, 'finished', `${chart.chartId}: chart finished rendering`)
    assert.ok(chart.canvases.length > 0, `${chart.chartId}: chart has a canvas`)
    const [main] = chart.canvases
    assert.ok(main.cssWidth > 0 && main.cssHeight > 0, `${chart.chartId}: canvas has a size`)
    const share = main.painted / (main.width * main.height)
    assert.ok(
      share >= 0.03,
      `${chart.chartId}: canvas is drawn (${main.painted} painted pixels, ${(share * 100).toFixed(1)} %)`,
    )
    for (const c of chart.canvases) {
      assert.equal(
        c.dpr,
        expectedDpr,
        `${chart.chartId}: page runs at devicePixelRatio ${expectedDpr}`,
      )
      assert.ok(
        c.width >= c.cssWidth * c.dpr && c.height >= c.cssHeight * c.dpr,
        `${chart.chartId}: canvas ${c.width}×${c.height} is sharp for ${c.cssWidth}×${c.cssHeight} CSS px at ${c.dpr}×`,
      )
    }
  }
}

/** Whether an element's box lies fully inside the viewport (no scrolling needed to see it). */
export function inViewport(box, viewport = VIEWPORT) {
  return (
    box !== null &&
    box.x >= 0 &&
    box.y >= 0 &&
    box.x + box.width <= viewport.width + 0.5 &&
    box.y + box.height <= viewport.height + 0.5
  )
}

/**
 * Every figure the report gives is on screen on its card: the card is visible and inside the
 * viewport, says data-status="reported", shows the indicator's short name, the formatted figure
 * and the unit, and no 示例 badge. Returns how many cards were checked.
 */
export async function assertReportedFiguresOnScreen(page, { viewport = VIEWPORT } = {}) {
  const reported = reportedObservations.filter(
    (o) => o.orgId === REGION_ID && o.year === REPORT_YEAR,
  )
  // Read in the page itself (not through Playwright's locators, whose visibility checks need
  // Chromium 105+), so the same check runs in the old Chromium builds of government PCs.
  const cards = await page.evaluate(
    (ids) =>
      Object.fromEntries(
        ids.map((id) => {
          const found = document.querySelectorAll(`[data-indicator-id="${id}"]`)
          const el = found[0]
          if (!el) return [id, { count: 0 }]
          const r = el.getBoundingClientRect()
          const style = getComputedStyle(el)
          const f = el.querySelector('.metric-card__value')
          const rest = el.cloneNode(true)
          rest.querySelector('.metric-card__target')?.remove()
          // Its change on a demo value of the year before says 示例 (the figure is the report's).
          rest.querySelector('.yoy--demo')?.remove()
          return [
            id,
            {
              count: found.length,
              visible:
                r.width > 0 &&
                r.height > 0 &&
                style.visibility !== 'hidden' &&
                style.opacity !== '0',
              box: { x: r.x, y: r.y, width: r.width, height: r.height },
              status: el.getAttribute('data-status'),
              // The card without its target line (a demo target is marked 示例 there, targets.test)
              // and without a change worked out from a demo value (marked 示例 too).
              text: rest.textContent.replace(/\s+/g, ''),
              name: el.querySelector('.metric-card__name')?.textContent ?? null,
              figure: el.querySelector('.metric-card__figure')?.textContent ?? null,
              unit: el.querySelector('.metric-card__unit')?.textContent ?? null,
              figureClipped: f ? f.scrollWidth > f.clientWidth + 1 : null,
            },
          ]
        }),
      ),
    reported.map((o) => o.indicatorId),
  )
  for (const obs of reported) {
    const indicator = indicatorById.get(obs.indicatorId)
    const { figure, unit, text } = formatObservation(obs)
    const shown = cards[obs.indicatorId]
    assert.equal(shown.count, 1, `${obs.indicatorId}: exactly one card`)
    assert.ok(shown.visible, `${obs.indicatorId}: card is visible`)
    assert.ok(inViewport(shown.box, viewport), `${obs.indicatorId}: card on screen`)
    assert.equal(shown.status, 'reported', `${obs.indicatorId}: status`)
    assert.equal(shown.name, indicator.shortName, `${obs.indicatorId}: name on the card`)
    assert.equal(shown.figure, figure, `${obs.indicatorId}: figure on the card`)
    assert.equal(shown.unit, unit, `${obs.indicatorId}: unit on the card`)
    assert.ok(
      shown.text.includes(indicator.shortName) && shown.text.includes(text),
      `${obs.indicatorId}: card reads "${indicator.shortName} … ${text}", got "${shown.text}"`,
    )
    assert.ok(
      !shown.text.includes('示例'),
      `${obs.indicatorId}: a reported figure has no 示例 badge`,
    )
    assert.equal(shown.figureClipped, false, `${obs.indicatorId}: figure is not cut off`)
  }
  return reported.length
}

/**
 * What is wrong with the metric cards' layout as a user would see it, one line each: a card's
 * 同比 mark or sparkline cut off by the card's edge or lying over its figure (a narrow card), or
 * its 出处 not at the card's bottom (cards in a row then look ragged). Plain DOM reads: runs in
 * Chromium 83 too.
 */
export function findCardLayoutFaults(page) {
  return page.evaluate(() => {
    const found = []
    const cards = [...document.querySelectorAll('.metric-card')].filter(
      (c) => c.getBoundingClientRect().width > 0,
    )
    for (const card of cards) {
      const name = card.querySelector('.metric-card__name')?.textContent.trim() ?? '?'
      const box = card.getBoundingClientRect()
      const value = card.querySelector('.metric-card__value')?.getBoundingClientRect()
      for (const part of card.querySelectorAll('.metric-card__trend > *')) {
        const r = part.getBoundingClientRect()
        if (r.width === 0) continue
        if (r.left < box.left - 0.5 || r.right > box.right + 0.5)
          found.push(`${name}: its ${part.tagName === 'svg' ? 'sparkline' : '同比'} is cut off`)
        const over =
          value &&
          Math.min(r.right, value.right) - Math.max(r.left, value.left) > 1 &&
          Math.min(r.bottom, value.bottom) - Math.max(r.top, value.top) > 1
        if (over)
          found.push(
            `${name}: its ${part.tagName === 'svg' ? 'sparkline' : '同比'} lies over the figure`,
          )
      }
      const source = card.querySelector('.metric-card__foot .source-note')
      if (source) {
        const padding = parseFloat(getComputedStyle(card).paddingBottom) || 0
        const gap = box.bottom - source.getBoundingClientRect().bottom
        if (gap > padding + 4)
          found.push(`${name}: 出处 ${Math.round(gap)} px above the card's bottom`)
      }
    }
    return { cards: cards.length, found }
  })
}

/**
 * The overview's groups as laid out: for each, its column (by left edge) and how far below the
 * group above it in that column it starts, against the grid's row gap. A hole under a short group
 * beside a long one shows as a distance far above the gap.
 */
export function readGroupColumns(page) {
  return page.evaluate(() => {
    const grid = document.querySelector('.overview__groups')
    const gap = parseFloat(getComputedStyle(grid).rowGap) || 0
    const boxes = [...grid.children].map((el) => ({
      group: el.getAttribute('data-group'),
      box: el.getBoundingClientRect(),
    }))
    return {
      gap,
      groups: boxes.map(({ group, box }, i) => {
        // (No Array.prototype.at: Chromium 83 runs this too.)
        const column = boxes.slice(0, i).filter((b) => Math.abs(b.box.left - box.left) < 1)
        const above = column[column.length - 1]
        return {
          group,
          left: Math.round(box.left),
          top: Math.round(box.top),
          belowAbove: above ? Math.round(box.top - above.box.bottom) : null,
        }
      }),
    }
  })
}

/**
 * The words of the tooltip an ECharts chart shows now ('' for none): `chart` selects the chart's
 * own element (`[_echarts_instance_]`). Read in the page, so it runs in old Chromium too.
 */
export function chartTooltipText(page, chart) {
  return page.evaluate((s) => {
    const tip = [...document.querySelectorAll(`${s} div`)].find(
      (d) =>
        d.style.position === 'absolute' &&
        d.style.display !== 'none' &&
        d.style.visibility !== 'hidden' &&
        d.innerText.trim() !== '',
    )
    return tip ? tip.innerText.trim() : ''
  }, chart)
}
