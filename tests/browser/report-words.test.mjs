/**
 * The dashboard says no more than the report (issue #13), read on the production build:
 * - the report's statements without a number are fact cards in their group, each in the report's
 *   own words with its 出处; a broken facts file is an error on the fact cards only;
 * - a figure over another period (近3年, 2012年以来, a single event) says so, and has no 同比,
 *   sparkline or trend line;
 * - per-person and 以上 wording holds in every year; a change from a 余 figure is a bound, never 约;
 * - organisations the report does not name are marked 示例单位 and go with the demo switch.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { dataset, LOAD_TIMEOUT_MS, useHarness, waitForCards, waitForCharts } from './helpers.mjs'

const unnamed = dataset.organizations.filter((o) => !o.namedInReport)
const withPeriod = dataset.observations.filter((o) => o.period)
const card = (page, id) => page.locator(`[data-indicator-id="${id}"]`)

describe('what the report says, and no more', () => {
  const harness = useHarness()

  for (const group of dataset.meta.groups) {
    const facts = dataset.facts.filter((f) => f.group === group.id)
    it(`${group.name}: ${facts.length} fact cards in the report's words, each with 出处`, async (t) => {
      const { page } = await harness.open(t, `#/group/${group.id}`)
      await waitForCards(page)
      if (facts.length === 0) {
        assert.equal(await page.locator('.fact-card').count(), 0)
        return
      }
      await page.waitForSelector('.fact-card', { timeout: LOAD_TIMEOUT_MS })
      const shown = await page.locator('.fact-card').evaluateAll((cards) =>
        cards.map((c) => ({
          id: c.getAttribute('data-fact-id'),
          text: c.querySelector('.fact-card__text').textContent,
          kind: c.querySelector('.fact-card__kind').textContent,
          sentence: c.querySelector('.source-note__sentence').textContent,
        })),
      )
      const KIND = { ranking: '排名', zero: '零发生', trend: '趋势', coverage: '全覆盖' }
      assert.deepEqual(
        shown,
        facts.map((f) => ({
          id: f.id,
          text: f.source.quote,
          kind: KIND[f.kind],
          sentence: `“${f.source.sentence}”`,
        })),
      )
      // The 出处 opens on a click and shows the report's sentence.
      const first = page.locator('.fact-card').first()
      await first.getByRole('button', { name: '出处' }).click()
      assert.match(await first.locator('[role="tooltip"]').innerText(), /通州湾示范区2024年/)
    })
  }

  it('a broken facts file is an error on the fact cards only: every figure stays', async (t) => {
    harness.server.state.override = (path) =>
      path.endsWith('/data/facts.json') ? { status: 500, body: 'oops' } : null
    try {
      const { page } = await harness.open(t, '#/group/dispute-resolution', {
        allowConsoleError: () => true,
      })
      await waitForCards(page)
      const alert = page.locator('.state--error')
      await alert.waitFor({ timeout: LOAD_TIMEOUT_MS })
      assert.match(await alert.innerText(), /重试/)
      assert.doesNotMatch(await page.locator('body').innerText(), /undefined|NaN|\[object/)
      const cards = dataset.indicators.filter((i) => i.group === 'dispute-resolution').length
      assert.equal(await page.locator('[data-indicator-id]').count(), cards)
      assert.match(await card(page, 'pre-litigation-mediations').innerText(), /3815/)
      // The source is back: 重试 brings the facts.
      harness.server.state.override = null
      await alert.getByRole('button', { name: '重试' }).click()
      await page.waitForSelector('.fact-card', { timeout: LOAD_TIMEOUT_MS })
    } finally {
      harness.server.state.override = null
    }
  })

  it('a figure over another period shows it and has no 同比 or sparkline', async (t) => {
    const { page } = await harness.open(t, '#/')
    await waitForCards(page)
    const expected = {
      'enterprise-policy-docs': '近3年(2022–2024年)',
      'contracts-rechecked': '2012年以来累计',
      'long-running-case-mediated': '2024年单次事件',
    }
    assert.deepEqual(withPeriod.map((o) => o.indicatorId).sort(), Object.keys(expected).sort())
    for (const [id, period] of Object.entries(expected)) {
      const c = card(page, id)
      assert.equal(await c.locator('.metric-card__period').innerText(), period, id)
      assert.equal(await c.locator('.sparkline, .yoy').count(), 0, `${id}: no 同比 or sparkline`)
    }
  })

  it('对比分析 draws no trend or change for a figure over another period, and says why', async (t) => {
    const { page } = await harness.open(
      t,
      '#/compare?ind=contracts-rechecked,stock-docs&focus=contracts-rechecked&orgs=tzw',
    )
    await waitForCards(page)
    const trend = page.locator('[data-chart-id="compare-trend"]')
    await trend.waitFor({ timeout: LOAD_TIMEOUT_MS })
    assert.match(await trend.innerText(), /为2012年以来累计数据,非逐年数据,不画趋势/)
    assert.match(
      await page.locator('[data-chart-id="compare-change"]').innerText(),
      /非逐年数据,不作同比/,
    )
  })

  it('每名 and 以上 in every year; a change from 20余 is a bound (超过), never 约', async (t) => {
    const { page } = await harness.open(t, '#/group/enforcement-team?year=2023')
    await waitForCards(page)
    const hours = card(page, 'new-officer-training-hours')
    assert.match(await hours.locator('.metric-card__name').innerText(), /^每名新增/)
    assert.match(await hours.locator('.metric-card__figure').innerText(), /^≥160$/)
    const session = await harness.open(t, '#/group/admin-services')
    await waitForCards(session.page)
    const yoy = card(session.page, 'enterprise-legal-services').locator('.yoy')
    const words = await yoy.getAttribute('aria-label')
    assert.match(words, /超过\+\d+次/)
    assert.doesNotMatch(words, /约/)
    assert.match((await yoy.innerText()).replace(/\s+/g, ''), /^同比▲>\d/)
  })

  it('a volume has no better or worse: its change is 不评优劣', async (t) => {
    const { page } = await harness.open(t, '#/group/fair-competition')
    await waitForCards(page)
    for (const id of ['gov-contracts-reviewed', 'stock-docs']) {
      const yoy = card(page, id).locator('.yoy')
      assert.equal(await yoy.getAttribute('data-tone'), 'neutral', id)
      assert.match(await yoy.getAttribute('aria-label'), /不评优劣/, id)
    }
  })

  it('示例单位: marked in the 单位 filter, the comparison and its charts; gone with the demo switch', async (t) => {
    assert.ok(unnamed.length > 0)
    const { page } = await harness.open(t, '#/compare')
    await waitForCharts(page)
    const options = await page
      .locator('.filter-bar select >> nth=1')
      .locator('option')
      .allInnerTexts()
    for (const o of unnamed) assert.ok(options.includes(`${o.name}(示例单位)`), o.name)
    for (const o of dataset.organizations.filter((x) => x.namedInReport)) {
      assert.ok(options.includes(o.name), o.name)
    }
    const side = await page.locator('.compare__side').innerText()
    for (const o of unnamed) assert.ok(!side.includes(`${o.name}\n`), `${o.name} unmarked`)
    const ranking = page.locator('[data-chart-id="compare-ranking"]')
    await ranking.getByRole('button', { name: '表格', exact: true }).click()
    const table = await ranking.locator('table').innerText()
    for (const o of unnamed.filter((x) => x.type === 'department')) {
      assert.match(table, new RegExp(`${o.name}\\(示例单位\\)`))
    }

    await page.getByLabel('显示示例数据').uncheck()
    await page.waitForFunction(() => location.hash.includes('demo=0'))
    const hidden = await page
      .locator('.filter-bar select >> nth=1')
      .locator('option')
      .allInnerTexts()
    const text = await page.locator('body').innerText()
    for (const o of unnamed) {
      assert.ok(!hidden.some((h) => h.includes(o.name)), `${o.name} still offered`)
      assert.ok(!text.includes(o.name), `${o.name} still on the page`)
    }
  })

  it('a link to a 示例单位 with demo data hidden shows the district', async (t) => {
    const { page } = await harness.open(t, `#/?org=${unnamed[0].id}&demo=0`)
    await waitForCards(page)
    await page.waitForFunction(() => !location.hash.includes('org='))
    assert.equal(
      await page.locator('.filter-bar select >> nth=1').inputValue(),
      dataset.meta.region.id,
    )
  })
})
