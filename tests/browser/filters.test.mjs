/**
 * What the user changes: the year, the organisation and the demo switch (and that the URL keeps
 * them), the group detail page with its per-organisation chart, and the table view of a chart.
 * Production build (dist/) with the production CSP, no msw.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { GROUP_CHARTS } from '../../src/features/groups/charts/group-charts.ts'
import {
  assertChartsDrawnAndSharp,
  assertNoIssues,
  assertReportedFiguresOnScreen,
  dataset,
  formatObservation,
  indicatorById,
  observationOf,
  readChartCanvases,
  shownOrgName,
  shownOrgShortName,
  REGION_ID,
  REPORT_YEAR,
  useHarness,
  waitForCardsAndCharts,
  waitForCharts,
} from './helpers.mjs'

const DEMO_YEAR = 2023
const ALL_CARDS = '[data-indicator-id]'

/** id, data-status and visible text of every card, in page order. */
function readCards(page) {
  return page.locator(ALL_CARDS).evaluateAll((cards) =>
    cards.map((c) => ({
      id: c.getAttribute('data-indicator-id'),
      status: c.getAttribute('data-status'),
      figure: c.querySelector('.metric-card__figure')?.textContent ?? null,
      value: c.querySelector('.metric-card__value')?.textContent ?? null,
      badge: c.querySelector('.badge--demo')?.textContent ?? null,
      text: c.innerText.replace(/\s+/g, ' ').trim(),
    })),
  )
}

/** Indicators whose figure covers another period than one year: no yearly (demo) series. */
const NOT_ANNUAL = dataset.observations.filter((o) => o.period).map((o) => o.indicatorId)

const yearSelect = (page) => page.getByRole('combobox', { name: /年度/ })
const orgSelect = (page) => page.getByRole('combobox', { name: /单位/ })
const demoSwitch = (page) => page.getByRole('checkbox', { name: '显示示例数据' })

/** The hash's query (…#/path?year=…&org=…) as URLSearchParams. */
function hashParams(url) {
  const hash = new URL(url).hash
  return new URLSearchParams(hash.includes('?') ? hash.slice(hash.indexOf('?')) : '')
}

describe('filters, URL state, group page and table view', () => {
  const harness = useHarness()

  /** The desk view at `path` for test `t`, once its cards and charts are drawn. */
  async function open(t, path) {
    const { page } = await harness.open(t, path, { waitFor: waitForCardsAndCharts })
    return page
  }

  it('marks demo data with 示例, and hides it as 无数据 (never 0) when switched off', async (t) => {
    const page = await open(t, '#/')
    assert.equal(await assertReportedFiguresOnScreen(page), 34)

    await yearSelect(page).selectOption(String(DEMO_YEAR))
    // A figure over another period (近3年, 2012年以来, a single event) has no demo year at all.
    await page.waitForFunction(
      ({ sel, single }) =>
        [...document.querySelectorAll(sel)].every(
          (c) => c.dataset.status === (single.includes(c.dataset.indicatorId) ? 'missing' : 'demo'),
        ),
      { sel: ALL_CARDS, single: NOT_ANNUAL },
    )
    const allCards = await readCards(page)
    assert.equal(allCards.length, 34)
    const demoCards = allCards.filter((c) => !NOT_ANNUAL.includes(c.id))
    assert.equal(demoCards.length, 34 - NOT_ANNUAL.length)
    for (const card of allCards.filter((c) => NOT_ANNUAL.includes(c.id))) {
      assert.equal(observationOf(card.id, REGION_ID, DEMO_YEAR), undefined, card.id)
      assert.equal(card.value, '无数据', `${card.id}: no invented ${DEMO_YEAR} value`)
    }
    for (const card of demoCards) {
      const obs = observationOf(card.id, REGION_ID, DEMO_YEAR)
      assert.equal(obs?.status, 'demo', `${card.id}: ${DEMO_YEAR} is demo data in the dataset`)
      assert.equal(card.status, 'demo', `${card.id}: data-status="demo"`)
      assert.equal(card.badge, '示例', `${card.id}: shows the 示例 badge`)
      assert.equal(card.figure, formatObservation(obs).figure, `${card.id}: shows the demo value`)
    }
    for (const badge of await page.locator(`${ALL_CARDS} .badge--demo`).all()) {
      assert.ok(await badge.isVisible(), 'the 示例 badge is visible')
    }
    await waitForCharts(page)
    for (const spec of GROUP_CHARTS) {
      const panel = page.locator(`[data-chart-id="${spec.id}"]`)
      assert.ok(
        await panel.getByText('含示例数据').isVisible(),
        `chart 「${spec.title}」 says it contains demo data`,
      )
    }

    // Switched off, a year of 示例 values alone goes with them: the report year is shown, the
    // only year offered.
    await demoSwitch(page).uncheck()
    await page.waitForFunction(
      (sel) => [...document.querySelectorAll(sel)].every((c) => c.dataset.status === 'reported'),
      ALL_CARDS,
    )
    assert.equal(hashParams(page.url()).get('demo'), '0', 'the URL says demo=0')
    await page.waitForFunction((y) => location.hash.includes(`year=${y}`), REPORT_YEAR)
    assert.equal(await assertReportedFiguresOnScreen(page), 34)
    assert.deepEqual(
      await yearSelect(page).evaluate((s) => [...s.options].map((o) => o.textContent)),
      [`${REPORT_YEAR}年(报告年度)`],
    )
    assert.equal(await page.locator('.badge--demo').count(), 0, 'no 示例 badge anywhere')
    assert.doesNotMatch(await page.locator('.app-footer').innerText(), /示例/)

    // So do the units with 示例 values alone: the report gives the district's figures only.
    const reportedOrgs = new Set(
      dataset.observations.filter((o) => o.status === 'reported').map((o) => o.orgId),
    )
    assert.deepEqual(
      await orgSelect(page).evaluate((s) => [...s.options].map((o) => o.value)),
      dataset.organizations.filter((o) => reportedOrgs.has(o.id)).map((o) => o.id),
    )
    assert.deepEqual([...reportedOrgs], [REGION_ID])

    await demoSwitch(page).check()
    await yearSelect(page).selectOption(String(REPORT_YEAR))
    await page.waitForFunction(
      (sel) => [...document.querySelectorAll(sel)].every((c) => c.dataset.status === 'reported'),
      ALL_CARDS,
    )
    assert.equal(await assertReportedFiguresOnScreen(page), 34, 'back to the reported figures')
  })

  it('keeps year and organisation in the URL and restores them in a fresh page', async (t) => {
    const page = await open(t, '#/')
    const org = dataset.organizations.find((o) => o.type === 'department')
    await yearSelect(page).selectOption(String(DEMO_YEAR))
    await orgSelect(page).selectOption(org.id)
    await page.waitForFunction(
      ({ year, orgId }) =>
        location.hash.includes(`year=${year}`) && location.hash.includes(`org=${orgId}`),
      { year: DEMO_YEAR, orgId: org.id },
    )
    const params = hashParams(page.url())
    assert.equal(params.get('year'), String(DEMO_YEAR))
    assert.equal(params.get('org'), org.id)
    const before = await readCards(page)
    // The organisation's cards show its demo values and 无数据 where the report has no split.
    for (const card of before) {
      const obs = observationOf(card.id, org.id, DEMO_YEAR)
      if (obs) {
        assert.equal(card.status, 'demo', `${card.id}: ${org.name} ${DEMO_YEAR} is demo`)
        assert.equal(card.figure, formatObservation(obs).figure, `${card.id}: its value`)
      } else {
        assert.equal(card.status, 'missing', `${card.id}: ${org.name} has no value`)
        assert.equal(card.value, '无数据', `${card.id}: shows 无数据, not 0`)
      }
    }
    assert.ok(
      before.some((c) => c.status === 'demo'),
      'the organisation has values to show',
    )

    const link = page.url()
    const fresh = await harness.open(t, undefined)
    await fresh.page.goto(link)
    await waitForCardsAndCharts(fresh.page)
    assert.equal(await yearSelect(fresh.page).inputValue(), String(DEMO_YEAR), 'year restored')
    assert.equal(await orgSelect(fresh.page).inputValue(), org.id, 'organisation restored')
    assert.equal(
      await orgSelect(fresh.page).evaluate((s) => s.selectedOptions[0].textContent),
      shownOrgName(org),
      'the organisation is named in the select',
    )
    assert.ok(await demoSwitch(fresh.page).isChecked(), 'demo data still shown')
    assert.deepEqual(await readCards(fresh.page), before, 'the same cards with the same values')
    assertNoIssues(fresh, 'in the reopened page')

    // Moving to a group page keeps the selection.
    await page
      .getByRole('navigation', { name: '页面' })
      .getByRole('link', { name: '公平竞争审查' })
      .click()
    await page.waitForFunction(() => location.hash.startsWith('#/group/fair-competition'))
    const kept = hashParams(page.url())
    assert.equal(kept.get('year'), String(DEMO_YEAR), 'the group page keeps the year')
    assert.equal(kept.get('org'), org.id, 'the group page keeps the organisation')
    assert.equal(await yearSelect(page).inputValue(), String(DEMO_YEAR))
    assert.equal(await orgSelect(page).inputValue(), org.id)
  })

  it('shows the group page with its cards and charts, and marks per-organisation demo data', async (t) => {
    const page = await open(t, '#/group/fair-competition')
    const group = dataset.meta.groups.find((g) => g.id === 'fair-competition')
    assert.ok(
      await page.getByRole('heading', { level: 2, name: group.fullName, exact: true }).isVisible(),
      'the page is titled with the group',
    )
    assert.equal(await page.title(), `${group.name} · 通州湾示范区法治政府建设指标看板`)
    const indicators = dataset.indicators.filter((i) => i.group === group.id)
    const cards = await readCards(page)
    assert.deepEqual(
      cards.map((c) => c.id),
      indicators.map((i) => i.id),
      'one card per indicator of the group, in catalogue order',
    )
    for (const card of cards) {
      const obs = observationOf(card.id, REGION_ID, REPORT_YEAR)
      assert.equal(card.status, 'reported', `${card.id}: reported`)
      assert.equal(card.figure, formatObservation(obs).figure, `${card.id}: reported figure`)
      assert.ok(card.text.includes(indicatorById.get(card.id).shortName), `${card.id}: name`)
    }
    for (const spec of GROUP_CHARTS.filter((s) => s.group === group.id)) {
      assert.ok(
        await page.locator(`[data-chart-id="${spec.id}"]`).getByRole('img').isVisible(),
        `chart 「${spec.title}」 is shown`,
      )
    }
    assertChartsDrawnAndSharp(await readChartCanvases(page), 1)

    // An indicator the report splits by organisation: the chart by organisation appears.
    const split = indicators.find((i) => i.breakdown !== 'none')
    await page.getByRole('combobox', { name: /指标/ }).selectOption(split.id)
    const byOrg = page.locator(`[data-chart-id="${group.id}-by-org"]`)
    await byOrg.getByRole('img').waitFor()
    await waitForCharts(page)
    assert.ok(
      (await byOrg.getByRole('heading').textContent()).includes(split.shortName),
      'the chart by organisation is about the chosen indicator',
    )
    const mark = byOrg.locator('.badge--demo')
    assert.ok(await mark.isVisible(), 'the chart by organisation has a 示例 mark')
    assert.match(await mark.textContent(), /示例/)
    const label = await byOrg.getByRole('img').getAttribute('aria-label')
    const orgs = dataset.organizations.filter((o) => o.type === split.breakdown)
    for (const o of orgs) {
      const obs = observationOf(split.id, o.id, REPORT_YEAR)
      assert.equal(obs?.status, 'demo', `${o.id}: per-organisation values are demo data`)
      assert.ok(
        label.includes(`${shownOrgShortName(o)} ${formatObservation(obs).text}(示例)`),
        `${o.shortName}: value marked (示例) in the chart's description`,
      )
    }
    const canvases = await readChartCanvases(page)
    assert.ok(
      canvases.some((c) => c.chartId === `${group.id}-by-org`),
      'the chart is drawn',
    )
    assertChartsDrawnAndSharp(canvases, 1)
  })

  it('shows a chart’s numbers as a table with the same numbers', async (t) => {
    const page = await open(t, '#/')
    for (const spec of GROUP_CHARTS) {
      const panel = page.locator(`[data-chart-id="${spec.id}"]`)
      const chartLabel = await panel.getByRole('img').getAttribute('aria-label')
      const button = panel.getByRole('button', { name: '表格' })
      await button.click()
      const table = panel.getByRole('table')
      await table.waitFor({ state: 'visible', timeout: 2000 })
      assert.equal(
        await panel.getByRole('button', { name: '图表' }).getAttribute('aria-pressed'),
        'true',
      )
      const rows = await table
        .locator('tbody tr')
        .evaluateAll((trs) =>
          trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent.trim())),
        )
      const expected = spec.indicatorIds.map((id) => {
        const obs = observationOf(id, REGION_ID, REPORT_YEAR)
        return { label: indicatorById.get(id).shortName, text: formatObservation(obs).withPeriod }
      })
      assert.deepEqual(
        rows.map(([label, text]) => ({ label, text })),
        expected,
        `「${spec.title}」: the table lists the reported figures`,
      )
      for (const [label, text, note] of rows) {
        assert.ok(
          note.startsWith('报告数字'),
          `「${spec.title}」 ${label}: marked as a report figure`,
        )
        assert.ok(
          chartLabel.includes(`${label} ${text}`),
          `「${spec.title}」: the chart shows ${label} ${text} too ("${chartLabel}")`,
        )
      }
      await panel.getByRole('button', { name: '图表' }).click()
      await table.waitFor({ state: 'detached', timeout: 2000 })
      assert.equal(await button.getAttribute('aria-pressed'), 'false')
    }
    assertChartsDrawnAndSharp(await readChartCanvases(page), 1)
  })
})
