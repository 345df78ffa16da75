/**
 * Fault injection, the source: each data file answering HTTP 500, timing out, returning malformed
 * JSON, an HTML page, a wrong envelope or a resource that fails its schema, on first load; and
 * malformed JSON or a timeout on a refresh after a good load. For each, what a user sees: an error
 * in words on every data panel with a 重试 button that works (first load), or the last good data
 * with the same 数据已过期 mark on the desk view and the big screen (refresh); the page frame
 * intact; no bad text, injected element, dialog or page error.
 *   npm run build && node --import tsx --test tests/browser/faults-source.test.mjs
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  APP_TITLE,
  assertOtherCardsIntact,
  assertPageSafe,
  DATA_FILES,
  FAILURE_TIMEOUT_MS,
  SHORT_TIMEOUT_MS,
  TEST_CONFIG,
  readCards,
  useFaultHarness,
  waitForPanelErrors,
  waitForSettled,
} from './faults-harness.mjs'
import { dataset } from './helpers.mjs'

const GROUP_NAMES = ['行政服务', '公平竞争审查(含合法性审查)', '执法队伍建设', '矛盾纠纷化解']

const harness = useFaultHarness()

/**
 * The frame stays and every data panel (four groups, findings) says the same thing in words,
 * with a 重试 button; no card or chart is drawn from partial data.
 */
async function assertEveryPanelSays(session, expected) {
  const { page } = session
  const panels = await waitForPanelErrors(page)
  assert.equal(panels.length, 5, 'four group panels and the findings panel')
  for (const p of panels) {
    assert.equal(p.message, expected, `${p.group}: the error in words`)
    assert.deepEqual(p.retry, ['重试'], `${p.group}: a 重试 button`)
  }
  assert.deepEqual(
    panels.slice(0, 4).map((p) => p.heading),
    GROUP_NAMES,
    'the four groups keep their headings',
  )
  assert.ok(await page.getByRole('heading', { level: 1, name: APP_TITLE }).isVisible(), 'title')
  // 总览, the four groups, 对比分析, 简报, 数据导入 and 大屏模式: the way on stays open.
  assert.equal(await page.getByRole('navigation', { name: '页面' }).getByRole('link').count(), 9)
  assert.equal(await page.locator('[data-indicator-id], [data-chart-state]').count(), 0)
  assert.equal(await page.locator('.stale-mark').count(), 0, 'no data, so nothing is stale')
}

// The three groups run side by side: most of their time is spent waiting for retries.
describe('the data source under fault', { concurrency: true }, () => {
  describe(
    'first load, a failing source is retried, then says so in words',
    {
      concurrency: 4,
    },
    () => {
      for (const file of DATA_FILES) {
        it(`${file} answers HTTP 500: retried 3 times, then an error with 重试 that works`, async (t) => {
          let failing = true
          const started = Date.now()
          const session = await harness.open(t, '#/', {
            files: {
              [file]: () =>
                failing
                  ? { status: 500, body: JSON.stringify({ message: 'internal error' }) }
                  : null,
            },
          })
          // Meanwhile the panels say they are loading, not failing.
          await session.page.locator('.state--loading').first().waitFor({ timeout: 5000 })
          await assertEveryPanelSays(session, '数据源返回错误(HTTP 500)')
          const took = Date.now() - started
          assert.equal(session.requestsOf(file), 4, `${file}: the first try and 3 retries`)
          assert.ok(
            took >= 7000,
            `the error shows after the backoff (1 s + 2 s + 4 s), not ${took} ms`,
          )
          await assertPageSafe(session, { when: `${file} failing` })

          // The source is back: 重试 on any panel loads everything.
          failing = false
          await session.page
            .locator('[data-group="enforcement-team"]')
            .getByRole('button', { name: '重试' })
            .click()
          await session.page.waitForFunction(
            () => document.querySelectorAll('[data-indicator-id]').length === 34,
            null,
            { timeout: FAILURE_TIMEOUT_MS },
          )
          await waitForSettled(session.page)
          assert.equal(await assertOtherCardsIntact(session.page), 34, 'every figure after 重试')
          assert.equal(await session.page.locator('[role="alert"]').count(), 0, 'no error left')
          await assertPageSafe(session, { when: `after 重试 on ${file}` })
        })
      }

      it('observations.json times out: retried, then 数据源响应超时 in words', async (t) => {
        const session = await harness.open(t, '#/', {
          config: { ...TEST_CONFIG, requestTimeoutMs: SHORT_TIMEOUT_MS },
          files: { 'observations.json': { delayMs: 4000, body: '{"items": []}' } },
        })
        await assertEveryPanelSays(session, '数据源响应超时(超过 2 秒)')
        assert.equal(session.requestsOf('observations.json'), 4, 'the first try and 3 retries')
        await assertPageSafe(session, { when: 'observations timing out' })
      })
    },
  )

  describe(
    'first load, a malformed answer is not retried and says what is wrong',
    {
      concurrency: 2,
    },
    () => {
      for (const file of DATA_FILES) {
        it(`${file} is truncated JSON: 数据格式错误:返回内容不是有效的 JSON`, async (t) => {
          const session = await harness.open(t, '#/', {
            files: { [file]: { body: '{"items": [{"id": "stock-docs", "value": 37' } },
          })
          await assertEveryPanelSays(session, '数据格式错误:返回内容不是有效的 JSON')
          assert.equal(session.requestsOf(file), 1, 'a malformed body is not asked for again')
          await assertPageSafe(session, { when: `${file} truncated` })
        })
      }

      it('meta.json is an HTML error page with a script (status 200): it stays data', async (t) => {
        const session = await harness.open(t, '#/', {
          files: {
            'meta.json': {
              type: 'text/html; charset=utf-8',
              body: '<!doctype html><title>502 Bad Gateway</title><script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">',
            },
          },
        })
        await assertEveryPanelSays(session, '数据格式错误:返回内容不是有效的 JSON')
        await assertPageSafe(session, { when: 'meta.json is HTML' })
      })

      it('indicators.json is a bare array and observations.json has items: {}: the envelope is wrong', async (t) => {
        for (const [file, body] of [
          ['indicators.json', '[]'],
          ['observations.json', '{"items": {}}'],
          ['observations.json', 'null'],
        ]) {
          const session = await harness.open(t, '#/', { files: { [file]: { body } } })
          await assertEveryPanelSays(session, '数据格式错误:应为包含 items 数组的对象')
          await assertPageSafe(session, { when: `${file} = ${body}` })
          await session.close()
        }
      })

      const original = {
        'meta.json': dataset.meta,
        'organizations.json': { items: dataset.organizations },
      }
      const schemaCases = [
        ['meta.json', 'updatedAt: "yesterday"', (m) => ({ ...m, updatedAt: 'yesterday' })],
        ['meta.json', 'three groups of four', (m) => ({ ...m, groups: m.groups.slice(0, 3) })],
        [
          'organizations.json',
          'an organisation of type "city"',
          (o) => ({ items: o.items.map((x, i) => (i === 2 ? { ...x, type: 'city' } : x)) }),
        ],
        ['organizations.json', 'items: []', () => ({ items: [] })],
      ]
      /** What each case must say, and what it must not claim (three groups are not "empty"). */
      const says = {
        'updatedAt: "yesterday"': ['数据格式错误:更新时间格式不正确'],
        'three groups of four': ['数据格式错误:分组', /不能为空/],
        'an organisation of type "city"': ['数据格式错误:单位类型的取值不在允许范围内'],
        'items: []': ['数据格式错误:列表不能为空'],
      }
      for (const [file, label, mutate] of schemaCases) {
        it(`${file} with ${label} fails its schema: the field and problem in Chinese`, async (t) => {
          const [expected, untrue] = says[label]
          const session = await harness.open(t, '#/', {
            files: { [file]: { body: JSON.stringify(mutate(structuredClone(original[file]))) } },
          })
          const panels = await waitForPanelErrors(session.page)
          assert.equal(session.requestsOf(file), 1, 'a schema error is not retried')
          await assertPageSafe(session, { when: `${file} with ${label}` })
          for (const p of panels) {
            assert.ok(p.message.startsWith(expected), `${p.group}: "${p.message}" says ${expected}`)
            assert.doesNotMatch(p.message, /[A-Za-z]{4,}/, `no English in "${p.message}"`)
            if (untrue) assert.doesNotMatch(p.message, untrue, `"${p.message}" is untrue`)
          }
        })
      }
    },
  )

  describe(
    'after a good load, a failing refresh keeps the data with a stale mark',
    {
      concurrency: 4,
    },
    () => {
      const STALE =
        /^⚠ 数据已过期 · 数据截至 (\d{4}年)?\d+月\d+日 \d{2}:\d{2} · 最后刷新 \d{2}:\d{2}$/
      /** The answer on refresh, the request timeout, and the reason the mark gives (its title). */
      const faults = {
        'malformed JSON': [{ body: '{"items": [' }, 15000, '数据格式错误:返回内容不是有效的 JSON'],
        'a timeout': [
          { delayMs: 4000, body: '{"items": []}' },
          SHORT_TIMEOUT_MS,
          '数据源响应超时(超过 2 秒)',
        ],
      }
      for (const [label, [fault, requestTimeoutMs, reason]] of Object.entries(faults)) {
        for (const [view, path] of [
          ['desk view', '#/'],
          ['big screen', '#/screen?rotate=0&refresh=2'],
        ]) {
          it(`${view}: observations.json answers ${label} on refresh`, async (t) => {
            // The source answers well until the page shows the data, then fails every refresh.
            let failing = false
            const session = await harness.open(t, path, {
              config: { ...TEST_CONFIG, refreshSeconds: 2, requestTimeoutMs },
              files: { 'observations.json': () => (failing ? fault : null) },
            })
            const { page } = session
            await page.waitForFunction(
              () => document.querySelectorAll('[data-status="reported"]').length === 34,
              null,
              { timeout: FAILURE_TIMEOUT_MS },
            )
            await waitForSettled(page)
            const before = await readCards(page)
            assert.equal(before.filter((c) => c.status === 'reported').length, 34)
            const asked = session.requestsOf('observations.json')
            failing = true
            // The mark says why in its title: this fault, not some other slow request.
            const mark = page.locator(`.stale-mark[title="${reason}"]`)
            await mark.waitFor({ state: 'visible', timeout: FAILURE_TIMEOUT_MS })
            assert.match((await mark.innerText()).trim(), STALE, 'the same mark on both views')
            assert.ok(session.requestsOf('observations.json') > asked, 'the source was asked again')
            assert.deepEqual(await readCards(page), before, 'the last good figures stay')
            assert.equal(await page.locator('[role="alert"]').count(), 0, 'no panel turns to error')
            if (view === 'desk view') assert.equal(await assertOtherCardsIntact(page), 34)
            await assertPageSafe(session, { when: `${view}, refresh with ${label}` })
          })
        }
      }
    },
  )
})
