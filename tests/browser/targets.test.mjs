/**
 * Targets say no more than the report (issue #13). The report states results, never a target, so
 * every target of the published data is demo: with demo data hidden (?demo=0, or config.json's
 * showDemoData:false) no view shows 目标, 达标 or 目标达成度; with demo shown every target (card,
 * chart note, chart table, the comparison table) is marked 示例. Production build, production CSP.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { dataset, LOAD_TIMEOUT_MS, useHarness, waitForCards } from './helpers.mjs'

const withTarget = new Set(dataset.indicators.filter((i) => i.target !== null).map((i) => i.group))
/** The views, and whether they show a target (with demo data shown). */
const VIEWS = [
  ['#/', true],
  ...dataset.meta.groups.map((g) => [`#/group/${g.id}`, withTarget.has(g.id)]),
  ['#/compare', true],
]

/** Opens every chart's 表格 so its table (with any target) is in the page's text. */
async function openTables(page) {
  const toggles = page.getByRole('button', { name: '表格', exact: true })
  for (let n = await toggles.count(); n > 0; n--) await toggles.first().click()
}

/** `path` for test `t` with every card and chart drawn and every 表格 open. */
async function openView(harness, t, path) {
  const session = await harness.open(t, path)
  await waitForCards(session.page)
  // Every chart panel drawn (with demo data hidden, some have nothing to draw: no chart holder).
  await session.page.waitForFunction(
    () => {
      const holders = document.querySelectorAll('.chart-panel__chart')
      const charts = [...document.querySelectorAll('[data-chart-state]')]
      return (
        document.querySelectorAll('[data-chart-id]').length > 0 &&
        charts.length === holders.length &&
        charts.every((c) => c.getAttribute('data-chart-state') === 'finished')
      )
    },
    null,
    { timeout: LOAD_TIMEOUT_MS },
  )
  await openTables(session.page)
  // The comparison's data table comes last; wait for its rows.
  if (path.startsWith('#/compare')) {
    await session.page.waitForSelector('table tbody tr', { timeout: LOAD_TIMEOUT_MS })
  }
  return session
}

/** What the page says: its visible text, accessible names and tooltips. */
function pageWords(page) {
  return page.evaluate(() =>
    [
      document.body.innerText,
      ...[...document.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label')),
      ...[...document.querySelectorAll('[title]')].map((e) => e.getAttribute('title')),
    ].join('\n'),
  )
}

/**
 * Every place that states a target, with whether it is marked 示例: card target lines, table
 * cells, chart notes and titles (a chart panel is marked by its 含示例数据 badge).
 */
function targetStatements(page) {
  return page.evaluate(() => {
    const out = []
    for (const line of document.querySelectorAll('.metric-card__target')) {
      if (!line.textContent.trim()) continue
      const card = line.closest('[data-indicator-id]')?.getAttribute('data-indicator-id')
      out.push({
        where: `card ${card}`,
        text: line.textContent,
        marked: line.querySelector('.badge--demo') !== null,
      })
    }
    for (const table of document.querySelectorAll('table')) {
      const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent)
      for (const tr of table.querySelectorAll('tbody tr')) {
        ;[...tr.children].forEach((td, i) => {
          const text = td.textContent.trim()
          const aboutTarget = /目标|达标/.test(text) || /目标/.test(headers[i] ?? '')
          if (!aboutTarget || text === '无目标' || text === '无数据' || text === '') return
          out.push({ where: `table ${headers[i]}`, text, marked: /示例/.test(text) })
        })
      }
    }
    for (const panel of document.querySelectorAll('[data-chart-id]')) {
      const head = [
        panel.querySelector('.chart-panel__title'),
        panel.querySelector('.chart-panel__note'),
      ]
        .map((e) => e?.textContent ?? '')
        .join(' ')
      if (!/目标/.test(head)) continue
      out.push({
        where: `chart ${panel.getAttribute('data-chart-id')}`,
        text: head,
        marked: panel.querySelector('.badge--demo') !== null,
      })
    }
    return out
  })
}

describe('targets: demo, marked 示例, gone with the demo switch', () => {
  const harness = useHarness()

  it('the published data has no target from a document: all are demo', () => {
    const targets = dataset.indicators.filter((i) => i.target !== null)
    assert.ok(targets.length > 0)
    for (const i of targets) assert.deepEqual(i.target.origin, { kind: 'demo' }, i.code)
  })

  for (const [view, hasTargets] of VIEWS) {
    it(`${view}?demo=0 shows no 目标, 达标 or 目标达成度`, async (t) => {
      const { page } = await openView(harness, t, `${view}?demo=0`)
      const words = await pageWords(page)
      for (const w of ['目标', '达标', '目标达成度']) {
        const at = words.indexOf(w)
        assert.equal(at, -1, `${view}: 「${words.slice(Math.max(0, at - 30), at + 30)}」`)
      }
    })

    it(`${view} with demo shown marks every target 示例`, async (t) => {
      const { page } = await openView(harness, t, view)
      const statements = await targetStatements(page)
      assert.equal(statements.length > 0, hasTargets, `${view} shows targets: ${hasTargets}`)
      const unmarked = statements.filter((s) => !s.marked)
      assert.deepEqual(unmarked, [], `${view}: targets without 示例`)
    })
  }

  it('config.json showDemoData:false: no 目标, 达标 or 目标达成度, and no 示例 at all, on the overview, a group page or 对比分析', async (t) => {
    harness.server.state.override = (pathname) =>
      pathname === '/config.json'
        ? {
            body: JSON.stringify({
              apiBaseUrl: './data',
              showDemoData: false,
              refreshSeconds: 300,
              requestTimeoutMs: 15000,
            }),
          }
        : null
    try {
      for (const view of ['#/', '#/group/enforcement-team', '#/compare']) {
        const { page } = await openView(harness, t, view)
        const words = await pageWords(page)
        for (const w of ['目标', '达标', '示例']) {
          const at = words.indexOf(w)
          assert.equal(at, -1, `${view}: 「${words.slice(Math.max(0, at - 30), at + 30)}」`)
        }
      }
    } finally {
      harness.server.state.override = null
    }
  })
})
