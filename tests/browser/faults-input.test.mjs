/**
 * Fault injection, the inputs: URL parameters of the desk view (an unknown organisation, year
 * 1900, markup in a parameter or a route), the big screen's parameters (rotate=-5, refresh=abc, …)
 * and the runtime config.json (malformed, wrong types, out of range, HTTP 500, a data address that
 * is a javascript: URL or a foreign origin). For each: the default or a clear message in words,
 * never a crash, no bad text, no injected element, no dialog.
 *   npm run build && node --import tsx --test tests/browser/faults-input.test.mjs
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  APP_TITLE,
  assertOtherCardsIntact,
  assertPageSafe,
  DATA_FILES,
  FAILURE_TIMEOUT_MS,
  TEST_CONFIG,
  readPage,
  useFaultHarness,
  waitForPanelErrors,
  waitForSettled,
} from './faults-harness.mjs'
import { dataset } from './helpers.mjs'

const harness = useFaultHarness()

/** The hash's query (…#/path?year=…&org=…) as an object. */
function hashQuery(url) {
  const hash = new URL(url).hash
  return Object.fromEntries(new URLSearchParams(hash.includes('?') ? hash.split('?')[1] : ''))
}

/** Counts every data request (the files are served from dist as usual). */
const countedFiles = () => Object.fromEntries(DATA_FILES.map((f) => [f, () => null]))

/** Year 2024 and the district in the filters, and the report's figures on the cards. */
async function assertDefaultFilters(page, group = null) {
  assert.equal(await page.getByRole('combobox', { name: /年度/ }).inputValue(), '2024')
  assert.equal(await page.getByRole('combobox', { name: /单位/ }).inputValue(), 'tzw')
  const elsewhere = group
    ? dataset.indicators.filter((i) => i.group !== group).map((i) => i.id)
    : []
  assert.equal(
    await assertOtherCardsIntact(page, elsewhere),
    34 - elsewhere.length,
    'the report figures for the district',
  )
}

describe('inputs under fault', { concurrency: true }, () => {
  describe('URL parameters of the desk view fall back to the defaults', { concurrency: 3 }, () => {
    it('#/?org=nope&year=1900: the report year and the district', async (t) => {
      const session = await harness.open(t, '#/?org=nope&year=1900')
      await waitForSettled(session.page)
      await assertDefaultFilters(session.page)
      await session.page.waitForFunction(() => !location.hash.includes('1900'))
      assert.deepEqual(hashQuery(session.page.url()), { year: '2024' }, 'the URL is corrected')
      await assertPageSafe(session, { when: 'org=nope&year=1900' })
    })

    it('#/?year=abc&org=<script>&demo=maybe: defaults, the markup shown nowhere', async (t) => {
      const org = encodeURIComponent('<script>window.__pwned=1</script>')
      const session = await harness.open(t, `#/?year=abc&org=${org}&demo=maybe`)
      await waitForSettled(session.page)
      await assertDefaultFilters(session.page)
      assert.ok(await session.page.getByRole('checkbox', { name: '显示示例数据' }).isChecked())
      const shown = await readPage(session.page)
      assert.ok(!shown.all.includes('<script>'), 'the parameter is not shown')
      await assertPageSafe(session, { when: 'markup in URL parameters' })
    })

    it('#/group/fair-competition?year=2023.5&org=: defaults on a group page', async (t) => {
      const session = await harness.open(t, '#/group/fair-competition?year=2023.5&org=')
      await waitForSettled(session.page)
      await assertDefaultFilters(session.page, 'fair-competition')
      await assertPageSafe(session, {
        when: 'group page with bad parameters',
        title: `公平竞争审查 · ${APP_TITLE}`,
      })
    })

    it('#/group/<img src=x onerror=…>: 没有这个页面, with a way back', async (t) => {
      const route = encodeURIComponent('<img src=x onerror="window.__pwned=1">')
      const session = await harness.open(t, `#/group/${route}`)
      await session.page.getByText('没有这个页面。').waitFor()
      assert.ok(await session.page.getByRole('link', { name: '返回总览' }).isVisible())
      const shown = await readPage(session.page)
      assert.ok(!shown.all.includes('<img'), 'the route is not shown')
      await assertPageSafe(session, { when: 'unknown route' })
    })
  })

  describe('big-screen parameters fall back to the defaults', { concurrency: 2 }, () => {
    for (const query of [
      'rotate=-5&refresh=abc',
      `rotate=abc&refresh=1&fit=zoom&theme=${encodeURIComponent('<script>')}&page=${encodeURIComponent('<img src=x>')}`,
    ]) {
      it(`#/screen?${decodeURIComponent(query)}: rotation every 30 s, refresh every 300 s, overview`, async (t) => {
        const session = await harness.open(t, `#/screen?${query}`, { files: countedFiles() })
        const { page } = session
        await waitForSettled(page)
        assert.equal(await page.locator('.screen-footer__rotation').innerText(), '每 30 秒轮播')
        assert.equal(await page.locator('.screen').getAttribute('data-page'), 'overview')
        assert.equal(await page.locator('html[data-theme="hall"] .screen-viewport').count(), 1)
        assert.equal(
          await page.locator('.metric-card[data-status="reported"]').count(),
          34,
          'all figures',
        )
        // A refresh of 0 s, NaN or 1 s would ask the source again within a few seconds.
        await page.waitForTimeout(3500)
        for (const f of DATA_FILES) assert.equal(session.requestsOf(f), 1, `${f}: fetched once`)
        assert.equal(await page.locator('.screen').getAttribute('data-page'), 'overview')
        await assertPageSafe(session, { when: `screen ${query}` })
      })
    }
  })

  describe(
    'an invalid config.json: the defaults, and a message that says so',
    { concurrency: 3 },
    () => {
      /** The warning under the filter bar, once the data is on screen. */
      async function openWithConfig(t, config) {
        const session = await harness.open(t, '#/', { config })
        await waitForSettled(session.page)
        const warning = session.page.locator('.config-warning')
        const text = (await warning.count()) ? (await warning.innerText()).trim() : null
        return { session, text }
      }

      it('malformed JSON', async (t) => {
        const { session, text } = await openWithConfig(t, { raw: '{"apiBaseUrl": "./data",' })
        assert.equal(text, '⚠ 配置文件无法读取或不是有效的 JSON,已使用默认配置')
        assert.equal(await assertOtherCardsIntact(session.page), 34, 'the data, from the default')
        await assertPageSafe(session, { when: 'malformed config.json' })
      })

      it('HTTP 500', async (t) => {
        const { session, text } = await openWithConfig(t, { status: 500, raw: 'oops' })
        assert.equal(text, '⚠ 配置文件读取失败(HTTP 500),已使用默认配置')
        assert.equal(await assertOtherCardsIntact(session.page), 34)
        await assertPageSafe(session, { when: 'config.json 500' })
      })

      const invalid = {
        'wrong types in every field': {
          apiBaseUrl: 5,
          showDemoData: 'yes',
          refreshSeconds: 'abc',
          requestTimeoutMs: '1000',
        },
        'values out of range': { refreshSeconds: -5, requestTimeoutMs: 10 },
        'an array instead of an object': [],
      }
      for (const [label, config] of Object.entries(invalid)) {
        it(`${label}: the message names the field and the problem in Chinese`, async (t) => {
          const raw = JSON.stringify(config)
          const { session, text } = await openWithConfig(t, { raw })
          assert.match(text ?? '', /^⚠ 配置文件有误\((.+)\),已使用默认配置$/, `warning: ${text}`)
          assert.equal(await assertOtherCardsIntact(session.page), 34, 'the data, from the default')
          await assertPageSafe(session, { when: `config.json: ${label}` })
          // The field may be named as in config.json (for the operator who edits it); the problem
          // itself must be in words, not zod's English.
          const problem = text.match(/有误\((.+)\),/)[1].replace(/^(\w+|根):/, '')
          assert.doesNotMatch(problem, /[A-Za-z]{3,}/, `the problem "${problem}" is in Chinese`)
        })
      }

      /**
       * A data address the policy does not allow: the browser refuses to connect (connect-src falls
       * back to default-src 'self'), which the app reports as an unreachable source, in words.
       */
      for (const [label, apiBaseUrl, blockedUri] of [
        ['a javascript: URL', 'javascript:alert(1)//', 'javascript'],
        ['a foreign origin', 'http://127.0.0.2:9/evil', 'http://127.0.0.2:9'],
      ]) {
        it(`apiBaseUrl is ${label}: the CSP refuses to connect, 无法连接数据源 in words`, async (t) => {
          // The refusals are the point of the case: every attempt is blocked and reported.
          const expected = (i) =>
            i.startsWith(`CSP violation: connect-src blocked ${blockedUri}`) ||
            (i.startsWith('console error about CSP') && /connect/i.test(i))
          const session = await harness.open(t, '#/', {
            config: { ...TEST_CONFIG, apiBaseUrl },
            expectedIssue: expected,
          })
          const panels = await waitForPanelErrors(session.page, { timeout: FAILURE_TIMEOUT_MS })
          for (const p of panels) assert.equal(p.message, '无法连接数据源,请检查网络', p.group)
          assert.ok(
            session.issues.some((i) => i.startsWith('CSP violation: connect-src')),
            `the CSP blocked the connection: ${JSON.stringify(session.issues.slice(0, 3))}`,
          )
          await assertPageSafe(session, { when: `apiBaseUrl is ${label}` })
        })
      }
    },
  )
})
