/**
 * Fault injection, markup in data: `<img src=x onerror=…>`, `<script>…</script>` and
 * `"><svg onload=…>` in every text field of indicators.json, meta.json and organizations.json
 * (names, short names, units, definitions, source section / sentence / quote, group names and
 * descriptions, region, period, report title and issuer, findings, organisation names). Data is
 * text everywhere: each string shows literally where it is displayed (cards, headings, the 出处
 * popover, findings, header, footer, filters, chart tables, ECharts labels on the canvas and the
 * ECharts tooltips, which are HTML), and no element, handler, request, dialog or script comes of
 * it; the document title stays the app's own.
 *   npm run build && node --import tsx --test tests/browser/faults-injection.test.mjs
 */
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { describe, it } from 'node:test'
import { GROUP_CHARTS } from '../../src/features/groups/charts/group-charts.ts'
import {
  APP_TITLE,
  assertOtherCardsIntact,
  assertPageSafe,
  cloneDataset,
  evil,
  filesOf,
  hoverChartTooltip,
  readCards,
  readPage,
  unzip,
  useFaultHarness,
  waitForSettled,
  XSS,
} from './faults-harness.mjs'

/**
 * Every XML part of an Office file, parsed by the browser's XML parser: a string that escaped its
 * text node breaks the XML or adds elements; the text nodes (w:t, a:t) must hold the markup
 * literally. Each part is asserted well-formed and free of elements that came from data.
 */
async function parseParts(page, buffer) {
  const parts = [...unzip(buffer)].filter(([name]) => /\.(xml|rels)$/.test(name))
  const parsed = await page.evaluate(
    (xmls) =>
      xmls.map(([name, xml]) => {
        const doc = new DOMParser().parseFromString(xml, 'application/xml')
        const elements = [...doc.getElementsByTagName('*')].map((e) => e.localName)
        return {
          name,
          error: doc.getElementsByTagName('parsererror').length > 0,
          foreign: [...new Set(elements.filter((n) => /^(img|script|svg)$/i.test(n)))],
          text: [...doc.getElementsByTagNameNS('*', 't')].map((t) => t.textContent).join('\n'),
        }
      }),
    parts.map(([name, data]) => [name, data.toString('utf8')]),
  )
  for (const part of parsed) {
    assert.equal(part.error, false, `${part.name} is well-formed XML`)
    assert.deepEqual(part.foreign, [], `${part.name}: no element came from data`)
  }
  return parsed
}

/** The one indicator whose quoted figure itself is markup (the 出处 popover marks it). */
const QUOTE_ID = 'stock-docs'

function poisonedDataset() {
  const d = cloneDataset()
  for (const i of d.indicators.items) {
    i.name = evil(`name:${i.id}`)
    i.shortName = evil(`short:${i.id}`)
    i.unit = evil('unit')
    i.definition = evil(`definition:${i.id}`)
    const prefix = evil('sentence')
    i.source.section = evil('section')
    if (i.id === QUOTE_ID) {
      i.source.quote = XSS.script
      i.source.sentence = `${prefix}前${XSS.script}后`
      i.source.quoteOffset = prefix.length + 1
    } else {
      i.source.sentence = prefix + i.source.sentence
      i.source.quoteOffset += prefix.length
    }
  }
  const m = d.meta
  m.region.name = evil('region')
  m.period.label = evil('period')
  m.source.title = evil('title')
  m.source.issuer = evil('issuer')
  for (const g of m.groups) {
    g.name = evil(`group:${g.id}`)
    g.fullName = evil(`full:${g.id}`)
    g.description = evil(`description:${g.id}`)
  }
  m.findings.section = evil('findings')
  m.findings.shortcomings = m.findings.shortcomings.map((_, n) => evil(`shortcoming${n}`))
  m.findings.plansSection = evil('plans')
  m.findings.plans = m.findings.plans.map((_, n) => ({
    title: evil(`plan${n}`),
    text: evil(`plantext${n}`),
  }))
  for (const o of d.organizations.items) {
    o.name = evil(`org:${o.id}`)
    o.shortName = evil(`orgshort:${o.id}`)
  }
  for (const f of d.facts.items) {
    const quote = evil(`fact:${f.id}`)
    f.title = evil(`facttitle:${f.id}`)
    f.source.section = evil(`factsection:${f.id}`)
    f.source.sentence = `前${quote}后`
    f.source.quote = quote
    f.source.quoteOffset = 1
  }
  return d
}

const poisoned = poisonedDataset()
const files = filesOf(poisoned)
const indicator = (id) => poisoned.indicators.items.find((i) => i.id === id)

/** The tooltip is HTML: the payload must be in it as escaped text, never as an element. */
function assertTooltipIsText(tip, where, expected) {
  assert.ok(tip, `${where}: the tooltip opened`)
  assert.ok(tip.text.includes(expected), `${where}: tooltip shows "${expected}" literally`)
  assert.doesNotMatch(tip.html, /<(img|script|svg)\b/i, `${where}: no element in ${tip.html}`)
  assert.ok(tip.html.includes('&lt;img src=x onerror='), `${where}: the markup is escaped`)
}

const harness = useFaultHarness()

/** Saves the download an action starts; returns its suggested name and bytes. */
async function downloadOf(page, action) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), action()])
  const path = await dl.path()
  return { name: dl.suggestedFilename(), buffer: await readFile(path) }
}

/** A file name with nothing a file system or a shell would take as markup, a path or a control. */
function assertSafeFileName(name) {
  assert.match(name, /^[^<>:"/\\|?*]+\.(png|pptx|docx)$/, `file name ${name}`)
  assert.doesNotMatch(name, /\p{Cc}/u, `file name ${name} has no control characters`)
}

/** A coarse grid: the comparison charts differ in kind (bars, lines, radar) and change often. */
const COMPARE_POINTS = [0.5, 0.3, 0.7].flatMap((y) =>
  [0.5, 0.3, 0.7, 0.15, 0.85].map((x) => [x, y]),
)

// Independent pages side by side (two at a time: hovering needs some CPU).
describe('markup in data', { concurrency: 2 }, () => {
  // One page for all its tests: they hover and click, so one at a time.
  describe('markup in every text field stays text: overview', { concurrency: 1 }, () => {
    const overview = harness.usePage('#/', { files, waitFor: waitForSettled })

    it('renders every figure, with no element, script, dialog or request from data', async () => {
      const { page, session } = overview
      assert.equal(await assertOtherCardsIntact(page), 34, 'all 34 figures are there')
      await assertPageSafe(session, { when: 'poisoned overview' })
    })

    it("shows the statements without a number literally, as the fact cards' text", async () => {
      const { page } = overview
      await page.waitForSelector('.fact-card')
      const shown = await page.locator('.fact-card__text').allTextContents()
      assert.deepEqual(shown.sort(), poisoned.facts.items.map((f) => evil(`fact:${f.id}`)).sort())
    })

    it('shows names and units on the cards literally', async () => {
      const { page } = overview
      for (const card of await readCards(page)) {
        assert.equal(card.name, evil(`short:${card.id}`), `${card.id}: card title`)
      }
      const units = await page.locator('.metric-card__unit').allTextContents()
      assert.equal(units.length, 34)
      for (const u of units) assert.equal(u, evil('unit'), 'unit after the figure')
      const titles = await page
        .locator('.metric-card__name')
        .evaluateAll((els) => els.map((e) => e.getAttribute('title')))
      assert.ok(
        titles.every((t) => t.startsWith(XSS.img)),
        'full names as title attributes',
      )
    })

    it('shows group names, findings, header and footer literally', async () => {
      const { page } = overview
      const headings = await page.locator('[data-group] h3').allTextContents()
      assert.deepEqual(
        headings,
        poisoned.meta.groups.map((g) => g.fullName),
        'group headings',
      )
      const findings = await page.locator('.findings').innerText()
      for (const s of poisoned.meta.findings.shortcomings) assert.ok(findings.includes(s), s)
      for (const p of poisoned.meta.findings.plans) {
        assert.ok(findings.includes(p.title) && findings.includes(p.text), p.title)
      }
      assert.ok(findings.includes(poisoned.meta.findings.section))
      const header = await page.locator('.app-header').innerText()
      assert.ok(header.includes(`统计期间:${poisoned.meta.period.label}`), 'period in the header')
      assert.ok(
        header.includes(`数据来源:《${poisoned.meta.source.title}》`),
        'title in the header',
      )
      const footer = await page.locator('.app-footer').innerText()
      assert.ok(footer.includes(poisoned.meta.source.issuer), 'issuer in the footer')
    })

    it('lists organisation names literally in the filter', async () => {
      const { page } = overview
      const options = await page
        .getByRole('combobox', { name: /单位/ })
        .locator('option')
        .allTextContents()
      // Literally, with 示例单位 after the name of one the report does not name.
      assert.deepEqual(
        options.sort(),
        poisoned.organizations.items
          .map((o) => (o.namedInReport ? o.name : `${o.name}(示例单位)`))
          .sort(),
        'organisation names',
      )
    })

    it('shows the 出处 popover as text: name, section, sentence with its marked quote, 口径', async () => {
      const { page, session } = overview
      for (const id of [QUOTE_ID, 'enterprise-legal-services', 'exam-pass-rate']) {
        const ind = indicator(id)
        const card = page.locator(`[data-indicator-id="${id}"]`)
        await card.getByRole('button', { name: '出处' }).hover()
        const tip = card.getByRole('tooltip')
        await tip.waitFor({ state: 'visible', timeout: 2000 })
        const shown = await tip.evaluate((el) => ({
          title: el.querySelector('.source-note__title')?.textContent,
          section: el.querySelector('.source-note__section')?.textContent,
          sentence: el.querySelector('.source-note__sentence')?.textContent,
          mark: el.querySelector('mark')?.textContent,
          definition: el.querySelector('.source-note__definition')?.textContent,
          elements: [...el.querySelectorAll('*')].map((e) => e.tagName).filter((t) => t !== 'SPAN'),
        }))
        assert.equal(shown.title, ind.name, `${id}: name`)
        assert.equal(shown.section, `《${poisoned.meta.source.title}》${ind.source.section}`)
        assert.equal(shown.sentence, `“${ind.source.sentence}”`, `${id}: the sentence`)
        assert.equal(shown.mark, ind.source.quote, `${id}: the quote is marked, as text`)
        assert.equal(shown.definition, `口径:${ind.definition}`, `${id}: 口径`)
        assert.deepEqual(shown.elements, ['MARK'], `${id}: only our own <mark> inside`)
      }
      await page.mouse.move(960, 5)
      await assertPageSafe(session, { when: 'after opening 出处 popovers' })
    })

    it('shows data in every chart tooltip as escaped text (ECharts renders tooltips as HTML)', async () => {
      const { page, session } = overview
      for (const spec of GROUP_CHARTS) {
        const tip = await hoverChartTooltip(page, spec.id)
        assertTooltipIsText(tip, spec.id, XSS.img)
        assert.ok(
          spec.indicatorIds.some((id) => tip.text.includes(evil(`short:${id}`))),
          `${spec.id}: the tooltip names its indicator literally: ${tip.text}`,
        )
      }
      await page.mouse.move(960, 5)
      await assertPageSafe(session, { when: 'after hovering every chart' })
    })

    it('draws names on the canvas as literal text, and lists them in the table view', async () => {
      const { page, session } = overview
      const { canvasText } = await readPage(page)
      assert.ok(
        canvasText.some((t) => t.includes(evil('short:public-legal-services'))),
        'a bar chart draws its category name literally',
      )
      const panel = page.locator('[data-chart-id="fair-stock"]')
      await panel.getByRole('button', { name: '表格' }).click()
      const rows = await panel.locator('tbody th').allTextContents()
      assert.deepEqual(
        rows,
        ['stock-docs', 'stock-risks', 'docs-repealed'].map((id) => evil(`short:${id}`)),
        'table rows name the indicators literally',
      )
      assert.ok((await panel.locator('tbody td.num').first().textContent()).endsWith(evil('unit')))
      await panel.getByRole('button', { name: '图表' }).click()
      await assertPageSafe(session, { when: 'after the table view' })
    })
  })

  describe('markup in every text field stays text: group page and big screen', () => {
    it('group page: description, breakdown select and by-organisation tooltip', async (t) => {
      const session = await harness.open(t, '#/group/fair-competition', { files })
      const { page } = session
      await waitForSettled(page)
      assert.equal(
        await page.locator('#group-page-title').textContent(),
        evil('full:fair-competition'),
      )
      assert.equal(
        await page.locator('.group-detail__description').textContent(),
        evil('description:fair-competition'),
      )
      const options = await page
        .getByRole('combobox', { name: '指标' })
        .locator('option')
        .allTextContents()
      assert.ok(options.length > 0 && options.every((o) => o.startsWith(XSS.img)))
      const tip = await hoverChartTooltip(page, 'fair-competition-by-org')
      assertTooltipIsText(tip, 'by organisation', 'orgshort:')
      const yearTip = await hoverChartTooltip(page, 'fair-competition-by-year')
      assertTooltipIsText(yearTip, 'by year', evil('unit'))
      await page.mouse.move(960, 5)
      await assertPageSafe(session, {
        when: 'poisoned group page',
        title: `公平竞争审查 · ${APP_TITLE}`,
      })
    })

    it('big screen: cards, header, footer and tooltips', async (t) => {
      const session = await harness.open(t, '#/screen?rotate=0', { files })
      const { page } = session
      await waitForSettled(page)
      const cards = await readCards(page)
      assert.equal(cards.length, 34)
      for (const c of cards) assert.equal(c.name, evil(`short:${c.id}`), `${c.id}: card title`)
      const header = await page.locator('.screen-header').innerText()
      assert.ok(header.includes(poisoned.meta.period.label), 'period in the header')
      const footer = await page.locator('.screen-footer__source').innerText()
      assert.equal(footer, `数据来源:《${poisoned.meta.source.title}》`)
      const headings = await page.locator('.screen [data-group] h2').allTextContents()
      assert.deepEqual(
        headings,
        poisoned.meta.groups.map((g) => g.fullName),
      )
      const tip = await hoverChartTooltip(page, 'fair-stock')
      assertTooltipIsText(tip, 'big screen funnel', 'short:stock-')
      await page.mouse.move(5, 5)
      await assertPageSafe(session, { when: 'poisoned big screen' })
    })
  })

  describe('markup in every text field stays text: exported images and the deck', () => {
    it('a chart PNG: title band and footer drawn as text, a safe file name', async (t) => {
      const session = await harness.open(t, '#/', { files })
      const { page } = session
      await waitForSettled(page)
      const panel = page.locator('[data-chart-id="fair-stock"]')
      await panel.getByRole('button', { name: '导出图片' }).click()
      const file = await downloadOf(page, () =>
        panel.getByRole('menuitem', { name: 'PNG 图片 2×' }).click(),
      )
      assertSafeFileName(file.name)
      assert.equal(file.buffer.subarray(1, 4).toString('latin1'), 'PNG')
      const { canvasText } = await readPage(page)
      const drawn = (text) => canvasText.some((t) => t.includes(text))
      assert.ok(drawn(`数据来源:《${poisoned.meta.source.title}》`), 'footer: the report title')
      assert.ok(drawn(poisoned.meta.groups[1].name), 'subtitle: the group name')
      assert.ok(drawn(evil('short:stock-docs')), 'the chart: its label')
      const status = await panel.locator('.export-menu__status').innerText()
      assert.ok(status.startsWith(`已导出 ${file.name}`), status)
      await assertPageSafe(session, { when: 'chart PNG export' })
    })

    it('a group page PNG: cards and charts drawn as text, a safe file name', async (t) => {
      const session = await harness.open(t, '#/group/dispute-resolution', { files })
      const { page } = session
      await waitForSettled(page)
      const file = await downloadOf(page, () =>
        page.getByRole('button', { name: '导出本页图片' }).click(),
      )
      assertSafeFileName(file.name)
      const { canvasText } = await readPage(page)
      assert.ok(canvasText.includes(evil('full:dispute-resolution')), 'the page title band')
      assert.ok(
        canvasText.some((t) => t.startsWith(evil('short:pre-litigation-mediations'))),
        'a card name',
      )
      await assertPageSafe(session, {
        when: 'group page PNG export',
        title: `矛盾纠纷化解 · ${APP_TITLE}`,
      })
    })

    it('the .pptx deck: every slide is well-formed XML holding the markup as text', async (t) => {
      const session = await harness.open(t, '#/', { files })
      const { page } = session
      await waitForSettled(page)
      const file = await downloadOf(page, () =>
        page.getByRole('button', { name: '生成汇报PPT' }).click(),
      )
      assertSafeFileName(file.name)
      const parsed = await parseParts(page, file.buffer)
      const slides = parsed.filter(({ name }) => /^ppt\/slides\/slide\d+\.xml$/.test(name))
      assert.ok(slides.length > 5, `slides: ${slides.length}`)
      const text = parsed.map((p) => p.text).join('\n')
      for (const expected of [
        `${poisoned.meta.groups[0].fullName} · 主要指标`,
        evil('short:stock-docs'),
        `数据来源:《${poisoned.meta.source.title}》`,
        evil('org:tzw'),
      ]) {
        assert.ok(text.includes(expected), `the deck says "${expected}" literally`)
      }
      await assertPageSafe(session, { when: 'deck export' })
    })

    it('the .docx: every part is well-formed XML holding the markup as text', async (t) => {
      const session = await harness.open(t, '#/', { files })
      const { page } = session
      await waitForSettled(page)
      const file = await downloadOf(page, () =>
        page.getByRole('button', { name: '生成汇报材料', exact: true }).click(),
      )
      assertSafeFileName(file.name)
      const parsed = await parseParts(page, file.buffer)
      const text = parsed.map((p) => p.text).join('\n')
      for (const expected of [
        `一、${poisoned.meta.groups[0].fullName}`,
        indicator('stock-docs').name,
        `《${poisoned.meta.source.title}》`,
        evil('org:tzw'),
      ]) {
        assert.ok(text.includes(expected), `the document says "${expected}" literally`)
      }
      await assertPageSafe(session, { when: 'docx export' })
    })

    it('简报: the words show the markup as text; nothing runs', async (t) => {
      const session = await harness.open(t, '#/briefing', { files })
      const { page } = session
      await page.getByRole('button', { name: '复制全文' }).waitFor()
      const text = await page.locator('.briefing').innerText()
      assert.ok(text.includes(`一、${poisoned.meta.groups[0].fullName}`))
      assert.ok(text.includes(indicator('stock-docs').name))
      await assertPageSafe(session, { when: '简报' })
    })
  })

  describe('markup in every text field stays text: 对比分析', () => {
    it('every chart tooltip that opens is escaped text; nothing runs', async (t) => {
      const session = await harness.open(t, '#/compare', { files })
      const { page } = session
      await page.getByRole('heading', { name: '对比分析' }).waitFor()
      await waitForSettled(page)
      const ids = await page
        .locator('[data-chart-id]:has([data-chart-state])')
        .evaluateAll((panels) => panels.map((p) => p.getAttribute('data-chart-id')))
      const opened = []
      for (const id of ids) {
        const tip = await hoverChartTooltip(page, id, COMPARE_POINTS)
        if (!tip) continue
        assert.doesNotMatch(tip.html, /<(img|script|svg)\b/i, `${id}: no element in ${tip.html}`)
        if (tip.text.includes(XSS.img)) opened.push(id)
      }
      if (ids.length > 0) {
        assert.ok(opened.length > 0, `a tooltip of ${ids.join(', ')} shows the markup as text`)
      }
      await page.mouse.move(5, 5)
      await assertPageSafe(session, { when: '对比分析 with markup in data' })
    })
  })
})
