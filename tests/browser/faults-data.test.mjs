/**
 * Fault injection, the values: wrong types in every field of an observation and of an indicator,
 * empty collections, huge numbers (1e308, and 1e400, which JSON.parse turns into Infinity),
 * negative values and rates above 100 %. For each, what a user sees: the broken indicator's own
 * card and the charts that draw it say what is wrong, in Chinese; every other card shows its
 * reported figure and every other chart is drawn; nothing on screen reads NaN, undefined, null,
 * Infinity or [object Object]; no dialog, no page error.
 *   npm run build && node --import tsx --test tests/browser/faults-data.test.mjs
 */
import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import { GROUP_CHARTS } from '../../src/features/groups/charts/group-charts.ts'
import {
  APP_TITLE,
  assertOtherCardsIntact,
  assertPageSafe,
  cloneDataset,
  filesOf,
  readCards,
  readCharts,
  readPage,
  reportedIn,
  useFaultHarness,
  waitForSettled,
  XSS,
} from './faults-harness.mjs'
import { indicatorById } from './helpers.mjs'

/** A number JSON can carry but JSON.stringify cannot write: put it in as text. */
const HUGE = '__HUGE_1e400__'
const withHuge = (files) =>
  Object.fromEntries(
    Object.entries(files).map(([k, v]) => [
      k,
      { ...v, body: v.body.replaceAll(`"${HUGE}"`, '1e400') },
    ]),
  )

/** Numbers in exponent notation (1e+300亿) are not a figure anyone can read. */
const EXPONENT = /\d(\.\d+)?e[+-]?\d/i

const harness = useFaultHarness()

/**
 * The cards of `broken` (indicator id → what the message must say) show that message as an error
 * on the card, the charts that draw one of them show it (with the indicator's name), and everything
 * else is intact.
 */
async function assertOnlyBrokenCardsErr(page, broken) {
  const ids = Object.keys(broken)
  const cards = new Map((await readCards(page)).map((c) => [c.id, c]))
  for (const [id, says] of Object.entries(broken)) {
    const card = cards.get(id)
    assert.ok(card, `${id}: its card is still there`)
    assert.equal(card.status, 'error', `${id}: the card is in its error state`)
    assert.equal(card.figure, null, `${id}: no figure is drawn`)
    assert.match(
      card.error,
      /^⚠ 数据(格式错误|异常):/,
      `${id}: "${card.error}" is an error in words`,
    )
    assert.ok(card.error.includes(says), `${id}: "${card.error}" says ${says}`)
  }
  assert.equal(await assertOtherCardsIntact(page, ids), 34 - ids.length, 'the other cards')
  for (const chart of await readCharts(page)) {
    const spec = GROUP_CHARTS.find((s) => s.id === chart.id)
    const hit = spec.indicatorIds.find((id) => ids.includes(id))
    if (hit) {
      assert.equal(chart.state, 'error', `${chart.id}: draws ${hit}, so it shows an error`)
      const name = indicatorById.get(hit).shortName
      assert.ok(
        chart.message.includes(name) && chart.message.includes(broken[hit]),
        `${chart.id}: "${chart.message}" names ${name} and says ${broken[hit]}`,
      )
    } else {
      assert.equal(chart.state, 'drawn', `${chart.id}: draws nothing broken, so it is drawn`)
      assert.ok(chart.canvas, `${chart.id}: has its canvas`)
    }
  }
}

/** A fault case for test `t`: `files` served instead of the shipped ones, the page settled. */
const openCase = (t, files, path = '#/') =>
  harness.open(t, path, { files, waitFor: waitForSettled })

describe('wrong values on the overview', { concurrency: 3 }, () => {
  it('wrong types in every field of an observation: only that indicator errs', async (t) => {
    const d = cloneDataset()
    const set = (id, patch) => Object.assign(reportedIn(d, id), patch)
    const broken = {
      'stock-docs': '数值应为数字(实际为文本)',
      'incremental-docs': '数值应为数字(实际为空值)',
      'public-legal-services': '数值应为数字(实际为对象)',
      'items-streamlined': '数值应为数字(实际为数组)',
      'invited-mediators': '数值应为数字(实际为布尔值)',
      'officers-covered': '年度应为数字(实际为文本)',
      'pre-litigation-mediations': '年度过小',
      'trainings-attended': '状态的取值不在允许范围内',
      'certificates-revoked': '限定词的取值不在允许范围内',
      'new-officers': '单位编码应为文本(实际为数字)',
      'hard-cases-resolved': '单位编码格式不正确',
      'admin-cases-withdrawn': '等',
    }
    set('stock-docs', { value: '3767份' })
    set('incremental-docs', { value: null })
    set('public-legal-services', { value: { n: 240 } })
    set('items-streamlined', { value: [2586] })
    set('invited-mediators', { value: true })
    set('officers-covered', { year: '2024' })
    set('pre-litigation-mediations', { year: 1900 })
    set('trainings-attended', { status: 'unknown' })
    set('certificates-revoked', { qualifier: 5 })
    set('new-officers', { orgId: 7 })
    set('hard-cases-resolved', { orgId: XSS.img })
    // Every field wrong at once: the message lists the first three and counts the rest.
    set('admin-cases-withdrawn', {
      orgId: null,
      year: 'x',
      value: 'y',
      qualifier: {},
      status: 1,
    })
    // Items whose indicator cannot be read at all go to the banner above the page.
    d.observations.items.push({ ...d.observations.items[0], indicatorId: 42 }, 'oops', null)
    const session = await openCase(t, filesOf(d))
    await assertOnlyBrokenCardsErr(session.page, broken)
    const banner = session.page.locator('.data-problems')
    assert.match(
      await banner.innerText(),
      /^⚠ 有数据无法识别所属指标:数据格式错误:指标编码应为文本\(实际为数字\)$/,
      'the banner says what is wrong with the items of no indicator',
    )
    const allWrong = (await readCards(session.page)).find((c) => c.id === 'admin-cases-withdrawn')
    assert.match(allWrong.error, /数据格式错误:.+;.+;.+ 等 \d+ 处$/, 'lists 3 problems of many')
    await assertPageSafe(session, { when: 'observations with wrong types' })
  })

  it('wrong types in every field of an indicator: it is named in a banner, its charts say so', async (t) => {
    const d = cloneDataset()
    const items = d.indicators.items
    const set = (id, patch) =>
      Object.assign(
        items.find((i) => i.id === id),
        patch,
      )
    const broken = {
      'enterprise-legal-services': '名称应为文本(实际为数字)',
      'service-guide-rate': '简称应为文本(实际为空值)',
      'stock-risks': '单位应为文本(实际为数组)',
      'exam-pass-rate': '指标类型的取值不在允许范围内',
      'training-completion-rate': '优劣方向的取值不在允许范围内',
      'petition-accept-rate': '目标值应为数字(实际为文本)',
      // A target from a document must cite its sentence.
      'petition-handle-rate': '缺少目标依据原句',
      'long-running-case-mediated': '限定词的取值不在允许范围内',
      'clauses-improved': '口径说明应为文本(实际为对象)',
      'incremental-warnings': '分解方式的取值不在允许范围内',
      'new-officer-training-hours': '原文位置过小',
      'pre-procedure-time-cut': '来源应为对象(实际为空值)',
      'proactive-disclosures': '所属分组的取值不在允许范围内',
      'on-request-disclosures': '指标代码应为文本(实际为数字)',
      'invited-mediators': '名称不能为空',
    }
    set('enterprise-legal-services', { name: 5 })
    set('service-guide-rate', { shortName: null })
    set('stock-risks', { unit: [] })
    set('exam-pass-rate', { kind: 'ratio' })
    set('training-completion-rate', { direction: 1 })
    set('petition-accept-rate', { target: { value: '100', origin: { kind: 'demo' } } })
    set('petition-handle-rate', {
      target: { value: 100, origin: { kind: 'document', document: '考核细则' } },
    })
    set('long-running-case-mediated', { qualifier: 'about' })
    set('clauses-improved', { definition: {} })
    set('incremental-warnings', { breakdown: 'city' })
    set('new-officer-training-hours', {
      source: {
        ...items.find((i) => i.id === 'new-officer-training-hours').source,
        quoteOffset: -1,
      },
    })
    set('pre-procedure-time-cut', { source: null })
    set('proactive-disclosures', { group: 'nope' })
    set('on-request-disclosures', { code: 12 })
    set('invited-mediators', { name: '   ' })
    // An id that is markup: the banner must show it as text.
    set('docs-repealed', { id: XSS.img })
    const session = await openCase(t, filesOf(d))
    const { page } = session
    const cards = await readCards(page)
    const ids = [...Object.keys(broken), 'docs-repealed']
    for (const id of ids) {
      assert.ok(!cards.some((c) => c.id === id), `${id}: not in the catalogue, so no card`)
    }
    assert.equal(await assertOtherCardsIntact(page, ids), 34 - ids.length)
    const lines = await page.locator('.data-problems p').allTextContents()
    for (const [id, says] of Object.entries(broken)) {
      const line = lines.find((l) => l.startsWith(`⚠ 指标「${id}」未能读取:数据格式错误:`))
      assert.ok(line, `the banner names ${id}: ${JSON.stringify(lines)}`)
      assert.ok(line.includes(says), `${id}: "${line}" says ${says}`)
    }
    assert.ok(
      lines.includes(`⚠ 指标「${XSS.img}」未能读取:数据格式错误:编码格式不正确`),
      `the markup id is shown literally: ${JSON.stringify(lines)}`,
    )
    for (const chart of await readCharts(page)) {
      const spec = GROUP_CHARTS.find((s) => s.id === chart.id)
      const missing = spec.indicatorIds.find((id) => ids.includes(id))
      if (missing) {
        assert.equal(chart.state, 'error', `${chart.id}: needs ${missing}`)
        assert.equal(chart.message, `⚠数据缺失:指标「${missing}」不在指标目录中`)
      } else {
        assert.equal(chart.state, 'drawn', `${chart.id}: drawn`)
      }
    }
    await assertPageSafe(session, { when: 'indicators with wrong types' })
  })

  describe(
    'huge numbers: 1e400 (Infinity after JSON.parse), 1e308, 1e300',
    { concurrency: 1 },
    () => {
      const d = cloneDataset()
      reportedIn(d, 'docs-repealed').value = HUGE
      reportedIn(d, 'apply-power-deploy-rate').value = 1e308
      reportedIn(d, 'stock-docs').value = 1e308
      reportedIn(d, 'incremental-warnings').value = 1e300
      d.indicators.items.find((i) => i.id === 'leader-court-appearance-rate').target.value = HUGE
      const huge = harness.usePage('#/', { files: withHuge(filesOf(d)), waitFor: waitForSettled })
      let cards
      before(async () => {
        cards = new Map((await readCards(huge.page)).map((c) => [c.id, c]))
      })

      it('nothing reads Infinity, no page error, the other cards intact', async () => {
        await assertPageSafe(huge.session, { when: 'huge numbers' })
        const broken = ['docs-repealed', 'apply-power-deploy-rate', 'stock-docs']
        const others = ['incremental-warnings', 'leader-court-appearance-rate', ...broken]
        assert.equal(await assertOtherCardsIntact(huge.page, others), 34 - others.length)
      })

      it('a rate of 1e308 is flagged as outside 0–100 %', () => {
        const rate = cards.get('apply-power-deploy-rate')
        assert.equal(rate.status, 'error')
        assert.ok(rate.error.includes('比率应在 0–100% 之间'), rate.error)
      })

      it('a value of 1e400 is an error that says the number is not finite', () => {
        // docs/api.md, value rules: "every value is finite → 数据格式错误:数值应为有限数字".
        const inf = cards.get('docs-repealed')
        assert.equal(inf.status, 'error', 'docs-repealed: 1e400 is an error')
        assert.ok(inf.error.includes('有限'), `docs-repealed: "${inf.error}" says 有限数字`)
      })

      it('a target of 1e400 is named in the banner and says the number is not finite', async () => {
        const banner = await huge.page.locator('.data-problems').innerText()
        assert.match(banner, /指标「leader-court-appearance-rate」未能读取:数据格式错误:目标值/)
        assert.ok(banner.includes('有限'), `a target of 1e400: "${banner}" says 有限数字`)
      })

      it('counts of 1e308 and 1e300 read as figures, never in exponent notation', async () => {
        for (const id of ['stock-docs', 'incremental-warnings']) {
          const card = cards.get(id)
          assert.ok(
            card.status === 'error' || /^[\d.]+(万|亿)?$/.test(card.figure),
            `${id}: figure "${card.figure}" is readable`,
          )
        }
        const shown = await readPage(huge.page)
        for (const [where, text] of [
          ['page text', shown.all],
          ...shown.canvasText.map((t) => ['canvas', t]),
        ]) {
          const m = text.match(EXPONENT)
          assert.equal(
            m,
            null,
            `${where}: exponent notation in "${text.slice(Math.max(0, (m?.index ?? 0) - 40), (m?.index ?? 0) + 40)}"`,
          )
        }
      })
    },
  )

  it('negative values and rates above 100 % are flagged, not drawn', async (t) => {
    const d = cloneDataset()
    reportedIn(d, 'stock-docs').value = -5
    reportedIn(d, 'exam-pass-rate').value = -0.5
    reportedIn(d, 'petition-accept-rate').value = 150
    reportedIn(d, 'apply-power-deploy-rate').value = 100.5
    // A negative demo value of another year and organisation still breaks the indicator.
    const demo = d.observations.items.find(
      (o) => o.indicatorId === 'officers-covered' && o.orgId !== 'tzw' && o.year === 2022,
    )
    assert.ok(demo, 'a demo value of officers-covered for a department in 2022')
    demo.value = -1
    const session = await openCase(t, filesOf(d))
    await assertOnlyBrokenCardsErr(session.page, {
      'stock-docs': '数据异常:数值不能为负数',
      'exam-pass-rate': '数据异常:数值不能为负数',
      'petition-accept-rate': '数据异常:比率应在 0–100% 之间',
      'apply-power-deploy-rate': '数据异常:比率应在 0–100% 之间',
      'officers-covered': '数据异常:数值不能为负数',
    })
    const shown = await readPage(session.page)
    assert.doesNotMatch(shown.all, /-5份|-0\.5%|150%|100\.5%/, 'the bad values are not shown')
    assert.ok(
      !shown.canvasText.some((text) => /-5|-0\.5|150|100\.5/.test(text)),
      'nor drawn in a chart',
    )
    await assertPageSafe(session, { when: 'negative values and rates above 100 %' })
  })
})

describe('empty collections and the other views', { concurrency: 3 }, () => {
  it('observations: []: every card 无数据, every chart 暂无数据', async (t) => {
    const d = cloneDataset()
    d.observations.items = []
    const session = await openCase(t, filesOf(d))
    const cards = await readCards(session.page)
    assert.equal(cards.length, 34, 'all 34 cards are there')
    for (const c of cards) {
      assert.equal(c.status, 'missing', `${c.id}: no value`)
      assert.match(c.text, /无数据/, `${c.id}: says 无数据`)
    }
    const charts = await readCharts(session.page)
    assert.equal(charts.length, GROUP_CHARTS.length)
    for (const c of charts) {
      assert.equal(c.state, 'empty', `${c.id}: empty`)
      assert.equal(c.message, '暂无数据', `${c.id}: says 暂无数据`)
    }
    await assertPageSafe(session, { when: 'no observations' })
  })

  it('observations: [] on a group page: its cards and by-year / by-organisation charts', async (t) => {
    const d = cloneDataset()
    d.observations.items = []
    const session = await openCase(t, filesOf(d), '#/group/fair-competition')
    const charts = await readCharts(session.page)
    assert.ok(
      charts.some((c) => c.id === 'fair-competition-by-year'),
      'the by-year chart',
    )
    assert.ok(
      charts.some((c) => c.id === 'fair-competition-by-org'),
      'the by-organisation chart',
    )
    for (const c of charts) assert.equal(c.message, '暂无数据', `${c.id}: says 暂无数据`)
    await assertPageSafe(session, {
      when: 'group page, no observations',
      title: `公平竞争审查 · ${APP_TITLE}`,
    })
  })

  it('indicators: [] and no findings: panels stay, charts say which indicator is missing', async (t) => {
    const d = cloneDataset()
    d.indicators.items = []
    d.meta.findings.shortcomings = []
    d.meta.findings.plans = []
    const session = await openCase(t, filesOf(d))
    assert.equal((await readCards(session.page)).length, 0, 'no catalogue, no cards')
    for (const c of await readCharts(session.page)) {
      assert.equal(c.state, 'error', `${c.id}: cannot be drawn`)
      assert.match(c.message, /^⚠数据缺失:指标「[a-z-]+」不在指标目录中$/)
    }
    assert.equal(await session.page.locator('[data-group]').count(), 4, 'four group panels')
    assert.ok(await session.page.locator('.findings').isVisible(), 'the findings panel')
    await assertPageSafe(session, { when: 'no indicators, no findings' })
  })

  it('big screen: a bad value and a negative one err on their own cards only', async (t) => {
    const d = cloneDataset()
    reportedIn(d, 'stock-docs').value = '3767份'
    reportedIn(d, 'exam-pass-rate').value = -1
    const session = await openCase(t, filesOf(d), '#/screen?rotate=0')
    const cards = await readCards(session.page)
    assert.equal(cards.length, 34, 'the overview page of the big screen shows all 34 cards')
    const errs = cards.filter((c) => c.status === 'error')
    assert.deepEqual(errs.map((c) => c.id).sort(), ['exam-pass-rate', 'stock-docs'])
    assert.ok(errs.find((c) => c.id === 'stock-docs').error.includes('数值应为数字'))
    assert.ok(errs.find((c) => c.id === 'exam-pass-rate').error.includes('数值不能为负数'))
    assert.equal(cards.filter((c) => c.status === 'reported').length, 32, 'the others')
    const charts = await readCharts(session.page)
    assert.equal(charts.find((c) => c.id === 'fair-stock').state, 'error')
    assert.equal(charts.find((c) => c.id === 'enforcement-rates').state, 'error')
    for (const c of charts.filter((x) => !['fair-stock', 'enforcement-rates'].includes(x.id))) {
      assert.equal(c.state, 'drawn', `${c.id}: drawn`)
    }
    await assertPageSafe(session, { when: 'big screen with bad values' })
  })

  it('a render error in one card and one chart stays in them (error boundary), the page stays', async (t) => {
    // No valid data makes a panel throw, so the test makes formatting throw for one value: the
    // card and the chart that format it fail while rendering, inside their PanelBoundary.
    const SENTINEL = 4242.4242
    const d = cloneDataset()
    reportedIn(d, 'stock-docs').value = SENTINEL
    const session = await harness.open(t, '#/', {
      files: filesOf(d),
      initScript: {
        arg: SENTINEL,
        fn: (sentinel) => {
          const toFixed = Number.prototype.toFixed
          Number.prototype.toFixed = function (digits) {
            if (Number(this) === sentinel) throw new Error('injected render fault')
            return toFixed.call(this, digits)
          }
        },
      },
      // React reports the errors its boundaries caught.
      allowConsoleError: (m) => m.text().includes('injected render fault'),
    })
    const { page } = session
    await waitForSettled(page)
    const card = page.locator('.card-grid > [role="alert"]', { hasText: '存量文件监测' })
    assert.equal(
      (await card.innerText()).replace(/\s+/g, ''),
      '⚠「存量文件监测」显示出错,其余内容不受影响重试',
      'the card says it failed, in words, with 重试',
    )
    const chart = await readCharts(page)
    assert.ok(!chart.some((c) => c.id === 'fair-stock'), 'the broken chart panel is replaced')
    const message = page.getByText('「存量文件监测 → 风险 → 废止」显示出错,其余内容不受影响')
    assert.equal(await message.count(), 1, 'the chart says it failed, in words')
    assert.equal(await assertOtherCardsIntact(page, ['stock-docs']), 33, 'every other card')
    for (const c of chart) assert.equal(c.state, 'drawn', `${c.id}: drawn`)
    // 重试 renders again; it fails again, and still only there.
    await card.getByRole('button', { name: '重试' }).click()
    await page.waitForTimeout(300)
    assert.equal(await card.count(), 1, 'still one card in error')
    assert.equal(await assertOtherCardsIntact(page, ['stock-docs']), 33)
    await assertPageSafe(session, { when: 'a render error in a card and a chart' })
  })
})
