/**
 * The briefing writes itself (issue #14), on the production build: 生成汇报材料 downloads a Word
 * document (.docx, Office Open XML) whose text states every figure of the report with its unit and
 * qualifier, footnoted with its sentence, with the charts as images; with demo data hidden it holds
 * no demo value. The deck's charts are native charts whose numbers are the data. The 简报 page
 * shows the same words with a copy button. Expected strings come from public/data, never typed.
 */
import assert from 'node:assert/strict'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { strFromU8, unzipSync } from 'fflate'
import { GROUP_CHARTS } from '../../src/features/groups/charts/group-charts.ts'
import {
  dataset,
  indicatorById,
  observationOf,
  REGION_ID,
  REPORT_YEAR,
  reportedObservations,
  downloadFile,
  useHarness,
  waitForCharts,
} from './helpers.mjs'

const harness = useHarness()
const downloads = mkdtempSync(join(tmpdir(), 'tzw-briefing-'))

/** `path` at 1920×1080, once every chart on it has finished rendering. */
const open = (t, path) => harness.open(t, path, { acceptDownloads: true, waitFor: waitForCharts })
const download = (page, action) => downloadFile(page, action, downloads)

const decode = (s) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')

/** The text of a WordprocessingML part: its w:t runs, one paragraph a line. */
function wordText(xml) {
  return xml
    .split('</w:p>')
    .map((p) =>
      [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1])).join(''),
    )
    .join('\n')
}

/** The figure as the report writes it, from the data: 20余次, 50%以上, 160课时以上, 3815件. */
function statedFigure(observation) {
  const { unit } = indicatorById.get(observation.indicatorId)
  const n = String(Math.round(observation.value * 10) / 10)
  if (observation.qualifier === 'approx') return `${n}余${unit}`
  if (observation.qualifier === 'at-least') return `${n}${unit}以上`
  return `${n}${unit}`
}

/** A figure standing alone in the text (7次 is not inside 1127次). */
const figureIn = (text, figure) =>
  new RegExp(`(^|[^\\d.])${figure.replace(/[.%()]/g, '\\$&')}`).test(text)

function openDocx(buffer) {
  assert.equal(buffer.subarray(0, 2).toString('latin1'), 'PK', 'not a zip file')
  const files = unzipSync(new Uint8Array(buffer))
  for (const part of ['[Content_Types].xml', '_rels/.rels', 'word/document.xml'])
    assert.ok(files[part], `the package has ${part}`)
  const types = strFromU8(files['[Content_Types].xml'])
  assert.match(types, /wordprocessingml\.document\.main\+xml/)
  const xml = (name) => (files[name] ? strFromU8(files[name]) : '')
  return {
    files,
    text: wordText(xml('word/document.xml')),
    footnotes: wordText(xml('word/footnotes.xml')),
    fontTable: xml('word/fontTable.xml'),
    images: Object.keys(files).filter((f) => /^word\/media\/.+\.png$/.test(f)),
  }
}

const reported2024 = reportedObservations.filter(
  (o) => o.orgId === REGION_ID && o.year === REPORT_YEAR,
)

describe('生成汇报材料 (.docx)', () => {
  it('the overview’s document states all 34 figures with unit and qualifier, footnoted, with the charts', async (t) => {
    const { page } = await open(t, '#/')
    const charts = await page.locator('[data-chart-id]').count()
    const file = await download(page, () =>
      page.getByRole('button', { name: '生成汇报材料', exact: true }).click(),
    )
    assert.match(file.name, /^法治政府建设-汇报材料-2024-\d{8}\.docx$/)
    const doc = openDocx(file.buffer)
    assert.equal(reported2024.length, 34)
    for (const o of reported2024) {
      const figure = statedFigure(o)
      assert.ok(figureIn(doc.text, figure), `${o.indicatorId}: ${figure} in the text`)
      const { source, name } = indicatorById.get(o.indicatorId)
      assert.ok(doc.text.includes(`${name}`), `${o.indicatorId}: its name`)
      assert.ok(doc.footnotes.includes(source.sentence), `${o.indicatorId}: its source sentence`)
    }
    for (const g of dataset.meta.groups) assert.ok(doc.text.includes(g.fullName), g.fullName)
    assert.ok(doc.text.includes(`《${dataset.meta.source.title}》`), 'the report’s title')
    for (const s of dataset.meta.findings.shortcomings) assert.ok(doc.text.includes(s), s)
    for (const p of dataset.meta.findings.plans) assert.ok(doc.text.includes(p.title), p.title)
    assert.ok(!/(^|[^\d])0(次|件|份|条|名|人|课时)/.test(doc.text), 'no figure says 0')
    assert.equal(doc.images.length, charts, `one image per chart: ${doc.images.join(', ')}`)
    for (const image of doc.images)
      assert.equal(strFromU8(doc.files[image].subarray(1, 4)), 'PNG', `${image} is a PNG`)
    // Each figure says under its title whose, when, in what unit and from where.
    const lines = doc.text.split('\n')
    const figures = lines.flatMap((l, i) => (/^图\d+ /.test(l) ? [[l, lines[i + 1]]] : []))
    assert.equal(figures.length, charts, 'a caption per chart')
    for (const [title, meta] of figures)
      assert.match(
        meta,
        new RegExp(
          `^${dataset.meta.region.name} · ${REPORT_YEAR}年度 · 单位:\\S+ · 数据来源:《${dataset.meta.source.title}》$`,
        ),
        title,
      )
    assert.match(doc.fontTable, /仿宋_GB2312/)
    assert.match(doc.fontTable, /w:altName w:val="仿宋"/)
    const status = page
      .locator('.export-inline', { has: page.getByRole('button', { name: '生成汇报材料' }) })
      .locator('.export-inline__status')
    assert.match(await status.innerText(), /已生成 法治政府建设-汇报材料/)
  })

  it('with demo data hidden the document holds no demo value, no 示例 and no comparison', async (t) => {
    const { page } = await open(t, '#/?demo=0')
    const file = await download(page, () =>
      page.getByRole('button', { name: '生成汇报材料', exact: true }).click(),
    )
    const doc = openDocx(file.buffer)
    assert.ok(!doc.text.includes('示例'), 'no 示例')
    assert.ok(!doc.text.includes('较上年'), 'no comparison with a demo year')
    for (const o of reported2024) assert.ok(figureIn(doc.text, statedFigure(o)), o.indicatorId)
  })

  it('a unit’s briefing says its own values, marked 示例, and none of the district’s facts or figures', async (t) => {
    const unit = 'sanyu-town'
    const { page } = await harness.open(t, `#/group/dispute-resolution?org=${unit}`, {
      acceptDownloads: true,
      waitFor: (p) => p.getByRole('button', { name: '生成本组汇报材料' }).waitFor(),
    })
    const file = await download(page, () =>
      page.getByRole('button', { name: '生成本组汇报材料' }).click(),
    )
    // Named for the unit: beside the district's file it is not a second 矛盾纠纷化解-汇报材料.
    assert.match(
      file.name,
      new RegExp(`^三余镇-矛盾纠纷化解-汇报材料-${REPORT_YEAR}-\\d{8}\\.docx$`),
    )
    const doc = openDocx(file.buffer)
    const body = doc.text
      .split('\n')
      .filter((l) => !l.startsWith('根据'))
      .join('\n')
    let own = 0
    for (const i of dataset.indicators.filter((x) => x.group === 'dispute-resolution')) {
      const o = observationOf(i.id, unit, REPORT_YEAR)
      if (!o) {
        assert.ok(doc.text.includes(`${i.name}暂无数据`), `${i.id} says 无数据`)
        continue
      }
      own++
      assert.equal(o.status, 'demo')
      assert.ok(figureIn(body, statedFigure(o)), `${i.id}: its own ${statedFigure(o)}`)
    }
    assert.ok(own > 0, 'the unit has values of its own')
    assert.ok(doc.text.includes('示例'), 'its demo values are marked')
    for (const fact of dataset.facts.filter((f) => f.group === 'dispute-resolution'))
      assert.ok(!doc.text.includes(fact.source.quote), `the district's 「${fact.source.quote}」`)
    assert.ok(!figureIn(body, '3815件'), 'not the district’s 3815件')
  })
})

describe('the deck’s native charts', () => {
  it('bars, funnels and rings are native charts whose numbers are the data', async (t) => {
    const { page } = await open(t, '#/')
    const file = await download(page, () =>
      page.getByRole('button', { name: '生成汇报PPT' }).click(),
    )
    const files = unzipSync(new Uint8Array(file.buffer))
    const charts = Object.keys(files).filter((f) => /^ppt\/charts\/chart\d+\.xml$/.test(f))
    const byName = new Map(dataset.indicators.map((i) => [i.shortName, i]))
    const seen = new Set()
    for (const name of charts) {
      const xml = strFromU8(files[name])
      const cat = xml.match(/<c:cat>[\s\S]*?<\/c:cat>/)?.[0] ?? ''
      const val = xml.match(/<c:val>[\s\S]*?<\/c:val>/)?.[0] ?? ''
      const labels = [...cat.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => decode(m[1]))
      const values = [...val.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => Number(m[1]))
      assert.ok(labels.length > 0 && labels.length === values.length, `${name}: data`)
      labels.forEach((label, i) => {
        if (label === '其余') return
        const indicator = byName.get(label.replace('(示例)', ''))
        assert.ok(indicator, `${name}: ${label} is an indicator`)
        const o = observationOf(indicator.id, REGION_ID, REPORT_YEAR)
        assert.equal(values[i], o.value, `${name}: ${label}`)
        if (/doughnut/.test(xml)) assert.equal(values[i + 1], 100 - o.value, `${label}: the rest`)
        seen.add(indicator.id)
      })
    }
    const drawn = new Set(GROUP_CHARTS.flatMap((c) => c.indicatorIds))
    assert.deepEqual([...seen].sort(), [...drawn].sort(), 'every charted indicator, natively')
    const notes = Object.keys(files).filter((f) => /^ppt\/notesSlides\/.+\.xml$/.test(f))
    const noteText = notes.map((f) => strFromU8(files[f])).join('')
    assert.ok(noteText.includes('深入企业开展法治服务20余次'), 'sentences as speaker notes')
  })
})

describe('简报', () => {
  it('shows the same words per group, each with a copy button that copies them', async (t) => {
    const { page } = await harness.open(t, '#/briefing', {
      waitFor: (p) => p.getByRole('heading', { name: /指标情况/ }).waitFor(),
    })
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
    for (const g of dataset.meta.groups)
      await page
        .getByRole('heading', { name: new RegExp(g.fullName.replace(/[()]/g, '.')) })
        .waitFor()
    const text = await page.locator('main').innerText()
    for (const o of reported2024) assert.ok(figureIn(text, statedFigure(o)), o.indicatorId)
    const buttons = page.getByRole('button', { name: /^复制/ })
    assert.ok((await buttons.count()) >= 4)
    await page.getByRole('button', { name: '复制 矛盾纠纷化解' }).click()
    await page.getByText('已复制').first().waitFor()
    const copied = await page.evaluate(() => navigator.clipboard.readText())
    assert.match(copied, /^四、矛盾纠纷化解\n2024年,通州湾示范区/)
    assert.ok(copied.includes('诉前成功调解案件(含申请司法确认)3815件'))
  })

  it('marks 示例 in the demo colour, and 暂无数据 in another: it is no demo data', async (t) => {
    const { page } = await harness.open(t, '#/briefing?year=2023', {
      waitFor: (p) => p.getByRole('heading', { name: /指标情况/ }).waitFor(),
    })
    const colours = await page.evaluate(() => {
      const of = (text) =>
        [...document.querySelectorAll('.briefing__mark')].find((m) => m.textContent === text)
      const colour = (el) => el && getComputedStyle(el).color
      return { demo: colour(of('(示例)')), none: colour(of('暂无数据')) }
    })
    assert.ok(colours.demo && colours.none, JSON.stringify(colours))
    assert.notEqual(colours.none, colours.demo)
  })
})
