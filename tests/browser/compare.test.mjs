/**
 * 对比分析 (#/compare) on the production build (dist/, production CSP, no msw): reaching it from
 * the navigation, choosing indicators, organisations and years, sorting the table, the URL round
 * trip (unknown ids dropped), the CSV export matching the table, and honest numbers (无数据, 示例).
 *   npm run build && node --import tsx --test tests/browser/compare.test.mjs
 */
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { describe, it } from 'node:test'
import {
  assertChartsDrawnAndSharp,
  dataset,
  formatObservation,
  indicatorById,
  LOAD_TIMEOUT_MS,
  observationOf,
  readChartCanvases,
  REGION_ID,
  REPORT_YEAR,
  shownOrgName,
  useHarness,
  waitForCharts,
} from './helpers.mjs'

const CHART_IDS = [
  'compare-ranking',
  'compare-years',
  'compare-change',
  'compare-radar',
  'compare-trend',
]
const DEPARTMENTS = dataset.organizations.filter((o) => o.type === 'department')
const TOWNS = dataset.organizations.filter((o) => o.type === 'town')
const orgById = new Map(dataset.organizations.map((o) => [o.id, o]))

/** The hash's query as URLSearchParams. */
function hashParams(url) {
  const hash = new URL(url).hash
  return new URLSearchParams(hash.includes('?') ? hash.slice(hash.indexOf('?')) : '')
}

const listParam = (url, name) => (hashParams(url).get(name) ?? '').split(',').filter(Boolean)

/** The comparison table as the user sees it: header texts and the text of every cell. */
function readTable(page) {
  return page.locator('.compare-table table').evaluate((table) => ({
    headers: [...table.querySelectorAll('thead th')].map((th) =>
      th.querySelector('button').childNodes[0].textContent.trim(),
    ),
    sort: [...table.querySelectorAll('thead th')].map((th) => th.getAttribute('aria-sort')),
    rows: [...table.querySelectorAll('tbody tr[data-row-key]')].map((tr) =>
      [...tr.querySelectorAll('th, td')].map((c) => c.textContent),
    ),
  }))
}

/** RFC 4180 CSV (quotes, doubled quotes, CRLF) into rows of fields. */
function parseCsv(text) {
  const rows = []
  let row = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(field)
      field = ''
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      i++
    } else field += c
  }
  if (field !== '' || row.length) rows.push([...row, field])
  return rows
}

/** Waits until the URL's selection equals `expected` (a subset of parameters). */
async function waitForUrl(page, expected) {
  await page.waitForFunction(
    (want) => {
      const h = location.hash
      const p = new URLSearchParams(h.includes('?') ? h.slice(h.indexOf('?')) : '')
      return Object.entries(want).every(([k, v]) => (v === null ? !p.has(k) : p.get(k) === v))
    },
    expected,
    { timeout: LOAD_TIMEOUT_MS },
  )
}

const choice = (page, legend) => page.getByRole('group', { name: new RegExp(`^${legend}`) })

describe('对比分析 (#/compare)', () => {
  const harness = useHarness()

  /** 对比分析 at `path` for test `t`, once its charts are drawn. */
  async function open(t, path) {
    const { page } = await harness.open(t, path, { waitFor: waitForComparison })
    return page
  }

  async function waitForComparison(page) {
    await page.waitForSelector('.compare', { timeout: LOAD_TIMEOUT_MS })
    await waitForCharts(page)
  }

  it('is reachable from the navigation, writes its selection into the URL and draws every chart', async (t) => {
    const { page } = await harness.open(t, '#/', { waitFor: waitForCharts })
    await page
      .getByRole('navigation', { name: '页面' })
      .getByRole('link', { name: '对比分析' })
      .click()
    await page.waitForSelector('.compare', { timeout: LOAD_TIMEOUT_MS })
    await page.waitForFunction(() => /[?&]ind=/.test(location.hash))
    await waitForCharts(page)
    assert.ok(
      await page.getByRole('heading', { level: 2, name: '对比分析' }).isVisible(),
      'the page is titled',
    )
    const url = page.url()
    assert.ok(new URL(url).hash.startsWith('#/compare?'), url)
    const ind = listParam(url, 'ind')
    assert.ok(ind.length >= 3, 'default indicators are in the URL')
    assert.ok(!url.includes('%2C'), 'lists are written with plain commas')
    for (const id of CHART_IDS) {
      const panel = page.locator(`[data-chart-id="${id}"]`)
      assert.ok(await panel.getByRole('img').isVisible(), `${id} is drawn`)
      const name = await panel.getByRole('img').getAttribute('aria-label')
      assert.ok(name.length > 10, `${id} has an accessible name`)
      assert.doesNotMatch(name, /NaN|undefined|Infinity/, `${id}: ${name}`)
    }
    assertChartsDrawnAndSharp(await readChartCanvases(page), 1)
    // Departments' values are demo data: the ranking says so, in its badge and its name.
    const ranking = page.locator('[data-chart-id="compare-ranking"]')
    assert.ok(await ranking.getByText('含示例数据').isVisible())
    assert.match(await ranking.getByRole('img').getAttribute('aria-label'), /\(示例\)/)
    // The average line is labelled derived.
    assert.match(await ranking.getByRole('img').getAttribute('aria-label'), /区内单位平均.*派生/)
    // Every selected indicator has a card with its change and a sparkline.
    const cards = page.locator('.compare-cards [data-indicator-id]')
    assert.equal(await cards.count(), ind.length)
    for (const card of await cards.all()) {
      assert.ok(await card.getByRole('img', { name: /近年走势/ }).isVisible(), 'sparkline')
      assert.ok(await card.getByRole('img', { name: /^同比/ }).isVisible(), 'change')
    }
    const text = await page.locator('.compare').innerText()
    assert.doesNotMatch(text, /NaN|undefined|Infinity/)
  })

  it('updates charts, table and URL as indicators, organisations and years are chosen', async (t) => {
    const page = await open(t, '#/compare')
    const before = await readTable(page)
    const ind = listParam(page.url(), 'ind')
    const orgs = listParam(page.url(), 'orgs')
    assert.equal(before.rows.length, ind.length * orgs.length, 'one row per indicator × unit')

    // Add an indicator without a target.
    const extra = indicatorById.get('time-limit-compression')
    await choice(page, '指标').getByRole('checkbox', { name: extra.shortName, exact: true }).check()
    await waitForUrl(page, { ind: [...ind, extra.id].sort(byCatalogue).join(',') })
    await waitForCharts(page)
    assert.equal((await readTable(page)).rows.length, (ind.length + 1) * orgs.length)
    assert.match(
      await page.locator('[data-chart-id="compare-radar"] .chart-panel__note').innerText(),
      new RegExp(`无目标值、未纳入:${extra.shortName}`),
      'the radar names the indicator it cannot normalise',
    )

    // Drop one department and add the towns (a whole group at once).
    const dropped = DEPARTMENTS[1]
    await choice(page, '单位')
      .getByRole('checkbox', { name: shownOrgName(dropped), exact: true })
      .uncheck()
    await choice(page, '单位')
      .getByRole('checkbox', { name: /^镇、办事处:全选/ })
      .check()
    const wantOrgs = [...orgs.filter((o) => o !== dropped.id), ...TOWNS.map((t) => t.id)]
    await waitForUrl(page, {
      orgs: dataset.organizations
        .map((o) => o.id)
        .filter((id) => wantOrgs.includes(id))
        .join(','),
    })
    await waitForCharts(page)
    const table = await readTable(page)
    assert.equal(table.rows.length, (ind.length + 1) * wantOrgs.length)
    assert.ok(!table.rows.some((r) => r[0] === shownOrgName(dropped)), 'the dropped unit is gone')
    // Department-split indicators have no value for towns: 无数据, never 0.
    const townRows = table.rows.filter((r) => TOWNS.some((t) => t.name === r[0]))
    assert.ok(townRows.length > 0)
    for (const r of townRows) {
      for (const cell of r.slice(3, 6)) assert.equal(cell, '无数据', `${r[0]} ${r[1]}: ${cell}`)
    }

    // Drop a year: its column and its bars go.
    await choice(page, '年度')
      .getByRole('checkbox', { name: /^2022年/ })
      .uncheck()
    await waitForUrl(page, { years: '2023,2024' })
    await waitForCharts(page)
    const headers = (await readTable(page)).headers
    assert.ok(!headers.some((h) => h.startsWith('2022年')), 'no 2022 column')
    assert.ok(
      headers.includes('2023年(见计量单位列)') || headers.some((h) => h.startsWith('2023年(')),
    )
    const yearsChart = await page
      .locator('[data-chart-id="compare-years"]')
      .getByRole('img')
      .getAttribute('aria-label')
    assert.ok(!yearsChart.includes('2022年'), 'the year chart no longer shows 2022')

    // The chart indicator.
    const focus = indicatorById.get('exam-pass-rate')
    await page.getByRole('combobox', { name: '图表指标' }).selectOption(focus.id)
    await waitForUrl(page, { focus: focus.id })
    await waitForCharts(page)
    assert.match(
      await page.locator('[data-chart-id="compare-ranking"] h3').innerText(),
      new RegExp(focus.shortName),
    )
  })

  it('sorts the table by a column (无数据 last either way) and keeps the sort in the URL', async (t) => {
    const orgs = [
      'tzw',
      ...TOWNS.map((town) => town.id),
      ...DEPARTMENTS.slice(0, 4).map((d) => d.id),
    ]
    const page = await open(
      t,
      `#/compare?ind=apply-power-deploy-rate&orgs=${orgs.join(',')}&years=2022,2023,2024`,
    )
    const header = page.locator('.compare-table thead th[data-column="y2023"]')
    const column = async () => {
      const { headers, rows } = await readTable(page)
      const i = headers.findIndex((h) => h.startsWith('2023年'))
      return rows.map((r) => r[i])
    }
    const number = (text) => Number(text.replace(/^示例 /, ''))

    await header.getByRole('button').click()
    await waitForUrl(page, { sort: 'y2023:desc' })
    assert.equal(await header.getAttribute('aria-sort'), 'descending')
    let values = await column()
    let firstMissing = values.indexOf('无数据')
    assert.ok(firstMissing > 0, `some values and some 无数据: ${values}`)
    assert.ok(
      values.slice(firstMissing).every((v) => v === '无数据'),
      `无数据 last: ${values}`,
    )
    let numbers = values.slice(0, firstMissing).map(number)
    assert.deepEqual(
      numbers,
      [...numbers].sort((a, b) => b - a),
      'descending',
    )

    await header.getByRole('button').click()
    await waitForUrl(page, { sort: 'y2023:asc' })
    assert.equal(await header.getAttribute('aria-sort'), 'ascending')
    values = await column()
    firstMissing = values.indexOf('无数据')
    assert.ok(
      values.slice(firstMissing).every((v) => v === '无数据'),
      `无数据 still last: ${values}`,
    )
    numbers = values.slice(0, firstMissing).map(number)
    assert.deepEqual(
      numbers,
      [...numbers].sort((a, b) => a - b),
      'ascending',
    )

    // The rank column: ranks ascending, the district (not ranked) and 无数据 after them.
    await page.locator('.compare-table thead th[data-column="rank"] button').click()
    await waitForUrl(page, { sort: 'rank:desc' })
    await page.locator('.compare-table thead th[data-column="rank"] button').click()
    await waitForUrl(page, { sort: 'rank:asc' })
    const { headers, rows } = await readTable(page)
    const ranks = rows.map((r) => r[headers.findIndex((h) => h.endsWith('排名'))])
    const ranked = ranks.filter((r) => /^\d/.test(r)).map((r) => parseInt(r, 10))
    assert.deepEqual(
      ranked,
      [...ranked].sort((a, b) => a - b),
    )
    assert.ok(
      ranks.slice(ranked.length).every((r) => !/^\d/.test(r)),
      `unranked last: ${ranks}`,
    )
  })

  it('round-trips the selection through the URL, dropping unknown ids, and reopens it', async (t) => {
    const page = await open(
      t,
      '#/compare?year=2023&ind=bogus,exam-pass-rate,service-guide-rate&orgs=ghost,market-bureau,sanyu-town,tzw&years=1999,2023,2024&focus=nope&sort=y2024:desc',
    )
    await waitForUrl(page, {
      ind: 'service-guide-rate,exam-pass-rate',
      orgs: 'tzw,sanyu-town,market-bureau',
      years: '2023,2024',
      focus: null,
      sort: 'y2024:desc',
      year: '2023',
    })
    const checked = async (p) =>
      p
        .locator('.compare-choice input[type=checkbox][value]')
        .evaluateAll((boxes) => boxes.filter((b) => b.checked).map((b) => b.value))
    const chosen = await checked(page)
    assert.deepEqual(
      chosen.sort(),
      [
        '2023',
        '2024',
        'exam-pass-rate',
        'market-bureau',
        'sanyu-town',
        'service-guide-rate',
        'tzw',
      ].sort(),
    )
    const table = await readTable(page)
    assert.equal(table.rows.length, 2 * 3)
    assert.equal(await page.getByRole('combobox', { name: /年度/ }).first().inputValue(), '2023')

    const link = page.url()
    const fresh = await harness.open(t, undefined)
    await fresh.page.goto(link)
    await waitForComparison(fresh.page)
    assert.equal(fresh.page.url(), link, 'the URL is already canonical: nothing rewritten')
    assert.deepEqual((await checked(fresh.page)).sort(), chosen.sort(), 'same boxes ticked')
    assert.deepEqual(await readTable(fresh.page), table, 'the same table, in the same order')
    assert.equal(
      await fresh.page
        .locator('.compare-table thead th[data-column="y2024"]')
        .getAttribute('aria-sort'),
      'descending',
    )
  })

  it('exports a CSV (UTF-8 with BOM, Chinese headers with units) whose rows match the table', async (t) => {
    const page = await open(
      t,
      `#/compare?ind=apply-power-deploy-rate,stock-docs,public-legal-services&orgs=${dataset.organizations.map((o) => o.id).join(',')}&years=2022,2023,2024&sort=org:asc`,
    )
    const table = await readTable(page)
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出 CSV' }).click(),
    ])
    assert.match(download.suggestedFilename(), /^对比分析_2024年_\d{8}\.csv$/)
    const bytes = await readFile(await download.path())
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark')
    const text = bytes.subarray(3).toString('utf8')
    assert.ok(text.includes('\r\n'), 'CRLF line ends')
    const [header, ...rows] = parseCsv(text)
    assert.deepEqual(header, table.headers, 'the same columns')
    assert.ok(header.includes('计量单位'), 'a unit column (the indicators differ in unit)')
    assert.ok(header.includes('2024年同比增减率(%,派生)'), 'derived columns say so, with units')
    assert.ok(
      header.some((h) => h.startsWith('2024年(')),
      'year columns carry a unit note',
    )
    assert.equal(rows.length, table.rows.length, 'one line per table row')
    assert.deepEqual(rows, table.rows, 'the same cells in the same order')
    assert.ok(
      rows.some((r) => r.some((c) => c.startsWith('示例 '))),
      'demo values keep 示例',
    )
    assert.ok(
      rows.some((r) => r.includes('无数据')),
      'missing values are 无数据',
    )
    assert.ok(!text.match(/NaN|undefined|Infinity/), 'no NaN / undefined / Infinity')
    // Qualifiers stay with their figures: 240余 for the district's public legal services.
    const district = rows.find((r) => r[0] === orgById.get('tzw').name && r[1] === '公共法律服务')
    assert.ok(district.includes('240余'), district.join(','))
  })

  it('with demo data switched off compares what the report gives: the district in the report year', async (t) => {
    const ind = ['apply-power-deploy-rate', 'service-guide-rate', 'exam-pass-rate']
    const page = await open(t, `#/compare?ind=${ind.join(',')}`)
    await page.getByRole('checkbox', { name: '显示示例数据' }).uncheck()
    // The departments and the years of 示例 values alone go; the comparison falls back to what
    // is left instead of standing empty.
    await waitForUrl(page, { demo: '0', orgs: REGION_ID, years: String(REPORT_YEAR) })
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.compare-table tbody td')].every(
        (td) => !td.textContent.includes('示例'),
      ),
    )
    const ranking = page.locator('[data-chart-id="compare-ranking"]')
    assert.match(await ranking.innerText(), /排名只在区内单位之间进行/)
    assert.equal(await ranking.locator('canvas').count(), 0, 'no chart of zeros')
    const { rows } = await readTable(page)
    assert.equal(rows.length, ind.length, 'one row per indicator, the district')
    for (const r of rows) {
      assert.equal(r[0], dataset.meta.region.name)
      const id = ind.find((i) => r[1].startsWith(indicatorById.get(i).shortName))
      const o = observationOf(id, REGION_ID, REPORT_YEAR)
      assert.equal(o.status, 'reported')
      assert.ok(
        r.some((c) => c.startsWith(formatObservation(o).figure)),
        `${r.join('|')}`,
      )
    }
    assert.ok(!(await page.locator('.compare').innerText()).includes('示例'), 'no 示例 left')
    // The report states no target: every target is demo, so with demo data hidden there is no
    // 目标达成度 radar (and no target column) at all (tests/browser/targets.test.mjs).
    assert.equal(await page.locator('[data-chart-id="compare-radar"]').count(), 0)
    assert.ok(!(await page.locator('.compare-table thead').innerText()).includes('目标'))
  })

  it('keeps every chart drawn when demo data is switched off on an office screen, where the charts are narrow', async (t) => {
    // At 1366 px the charts stand two abreast, under 480 px each: they take their narrow
    // overrides. Switching demo data off then left 分年度对比 broken (显示出错) — ECharts re-applied
    // the overrides of the three years' series to the one year left.
    const { page } = await harness.open(t, '#/compare', {
      viewport: { width: 1366, height: 768 },
      waitFor: waitForComparison,
    })
    const years = page.locator('[data-chart-id="compare-years"]')
    assert.ok(
      await years.evaluate((el) => el.querySelector('[_echarts_instance_]').clientWidth < 480),
      'the chart is narrow',
    )
    await page.getByRole('checkbox', { name: '显示示例数据' }).uncheck()
    await waitForUrl(page, { demo: '0', orgs: REGION_ID, years: String(REPORT_YEAR) })
    await waitForCharts(page)
    assert.equal(await page.getByText('显示出错').count(), 0, 'no panel broke')
    assert.ok(await years.getByRole('img').isVisible(), '分年度对比 is drawn')
    assert.match(
      await years.getByRole('img').getAttribute('aria-label'),
      new RegExp(String(REPORT_YEAR)),
    )
    assertChartsDrawnAndSharp(await readChartCanvases(page), 1)
  })
})

function byCatalogue(a, b) {
  const order = dataset.indicators.map((i) => i.id)
  return order.indexOf(a) - order.indexOf(b)
}
