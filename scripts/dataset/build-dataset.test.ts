import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import {
  factsResponseSchema,
  groupIdSchema,
  indicatorsResponseSchema,
  metaSchema,
  observationsResponseSchema,
  organizationsResponseSchema,
  type Indicator,
  type Observation,
} from '../../src/domain/schemas'
import { buildDataset } from './build-dataset'
import { datasetFiles } from './files'

const HERE = dirname(fileURLToPath(import.meta.url))
const REPORT = readFileSync(resolve(HERE, 'report-2024.txt'), 'utf8')
const dataset = buildDataset(REPORT)
const { meta, indicators, organizations, observations, facts } = dataset

const readPublished = (file: string): unknown =>
  JSON.parse(readFileSync(resolve(HERE, '../../public/data', file), 'utf8'))

const reported = observations.filter((o) => o.status === 'reported')
const reportedOf = (id: string) => reported.find((o) => o.indicatorId === id)
const indicatorById = new Map(indicators.map((i) => [i.id, i]))

/** How the report may spell a small whole number: 3 or 三 ("推动一件…"). */
const CHINESE_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十']
function spellings(value: number): string[] {
  const out = [String(value)]
  if (Number.isInteger(value) && value >= 0 && value <= 10) out.push(CHINESE_DIGITS[value]!)
  return out
}

/** The figure as the report would write it: 20余次, 50%以上, 160课时以上, 3767份. */
function reportForms(indicator: Indicator, o: Observation): string[] {
  return spellings(o.value).map((n) =>
    o.qualifier === 'approx'
      ? `${n}余${indicator.unit}`
      : o.qualifier === 'at-least'
        ? `${n}${indicator.unit}以上`
        : `${n}${indicator.unit}`,
  )
}

describe('dataset built from the 2024 report', () => {
  it('passes every schema of the data contract', () => {
    expect(metaSchema.safeParse(meta).success).toBe(true)
    expect(indicatorsResponseSchema.safeParse({ items: indicators }).success).toBe(true)
    expect(organizationsResponseSchema.safeParse({ items: organizations }).success).toBe(true)
    expect(observationsResponseSchema.safeParse({ items: observations }).success).toBe(true)
  })

  it('has exactly 34 reported figures: the district, 2024, one per indicator', () => {
    expect(indicators).toHaveLength(34)
    expect(reported).toHaveLength(34)
    for (const o of reported) {
      expect(o.orgId).toBe('tzw')
      expect(o.year).toBe(2024)
    }
    const ids = reported.map((o) => o.indicatorId).sort()
    expect(ids).toEqual(indicators.map((i) => i.id).sort())
    expect(new Set(ids).size).toBe(34)
  })

  it('gives each indicator a unique id and code', () => {
    expect(new Set(indicators.map((i) => i.id)).size).toBe(indicators.length)
    expect(new Set(indicators.map((i) => i.code)).size).toBe(indicators.length)
  })

  it('never has two values for the same indicator, organisation and year', () => {
    const keys = observations.map((o) => `${o.indicatorId}|${o.orgId}|${o.year}`)
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('only refers to indicators, organisations and years that exist', () => {
    const orgIds = new Set(organizations.map((o) => o.id))
    for (const o of observations) {
      expect(indicatorById.has(o.indicatorId)).toBe(true)
      expect(orgIds.has(o.orgId)).toBe(true)
      expect(meta.years).toContain(o.year)
    }
    for (const org of organizations) {
      if (org.parentId !== null) expect(orgIds.has(org.parentId)).toBe(true)
    }
  })

  it('has all four groups, each with indicators', () => {
    expect(meta.groups.map((g) => g.id).sort()).toEqual([...groupIdSchema.options].sort())
    for (const g of groupIdSchema.options) {
      expect(indicators.filter((i) => i.group === g).length).toBeGreaterThan(0)
    }
  })

  it('takes the title, shortcomings and plans from the report', () => {
    expect(meta.source.title).toBe('通州湾示范区2024年法治政府建设情况报告')
    expect(meta.period.year).toBe(2024)
    expect(meta.findings.shortcomings).toEqual([
      '法治队伍力量需要进一步充实',
      '法治宣传阵地需要进一步创优',
      '基层行政执法规范化建设需要进一步深化',
    ])
    expect(meta.findings.plans.map((p) => p.title)).toEqual([
      '进一步深入学习宣传贯彻习近平法治思想',
      '进一步健全完善行政决策机制',
      '进一步优化法治化营商环境',
      '进一步规范公正文明执法',
    ])
    for (const p of meta.findings.plans) expect(REPORT).toContain(p.text)
  })

  describe.each(indicators.map((i) => [i.id, i] as const))('source of %s', (_id, indicator) => {
    it('is a whole sentence copied verbatim from the report, holding the quote', () => {
      const { sentence, quote, section } = indicator.source
      const at = REPORT.indexOf(sentence)
      expect(at).toBeGreaterThanOrEqual(0)
      expect(sentence).toContain(quote)
      // A whole sentence: it starts after a full stop or a line break.
      expect(at === 0 || ['。', '\n'].includes(REPORT[at - 1]!)).toBe(true)
      for (const part of section.split(' › ')) expect(REPORT).toContain(part)
    })

    it('quotes the very figure it reports, with its qualifier and unit', () => {
      const o = reportedOf(indicator.id)!
      expect(o.qualifier).toBe(indicator.qualifier)
      const forms = reportForms(indicator, o)
      expect(
        forms.some((f) => indicator.source.quote.includes(f)),
        `quote「${indicator.source.quote}」should hold one of ${forms.join(' / ')}`,
      ).toBe(true)
      if (o.qualifier === null) expect(indicator.source.quote).not.toMatch(/余|以上/)
    })
  })

  it.each([
    ['enterprise-legal-services', 20, 'approx', '20余次'],
    ['public-legal-services', 240, 'approx', '240余次'],
    ['pre-procedure-time-cut', 50, 'at-least', '50%以上'],
    ['new-officer-training-hours', 160, 'at-least', '160课时以上'],
  ] as const)(
    'keeps the qualifier of %s (%s, %s) as the report writes it: %s',
    (id, value, q, text) => {
      const o = reportedOf(id)!
      expect(o.value).toBe(value)
      expect(o.qualifier).toBe(q)
      expect(indicatorById.get(id)!.source.quote).toBe(text)
      expect(REPORT).toContain(text)
    },
  )

  it.each([
    ['监测存量文件3767份', 3767, '份', '存量文件'],
    ['共评估增量文件401份', 401, '份', '增量文件'],
    ['预警风险72次', 72, '次', '预警风险'],
    ['监测风险65次', 65, '次', '监测风险'],
    ['废止违规文件3份', 3, '份', '废止违规文件'],
    ['诉前成功调解(含申请司法确认)案件3815件', 3815, '件', '诉前成功调解'],
    ['事项办理时限压缩度86.8%', 86.8, '%', '时限压缩度'],
  ] as const)('reports「%s」as %s%s under a name about %s', (snippet, value, unit, name) => {
    expect(REPORT).toContain(snippet)
    const matches = reported.filter((o) => o.value === value)
    expect(matches).toHaveLength(1)
    const indicator = indicatorById.get(matches[0]!.indicatorId)!
    expect(indicator.unit).toBe(unit)
    expect(indicator.name).toContain(name)
    expect(indicator.source.sentence).toContain(snippet)
  })

  it('points at the occurrence of the quote that belongs to each indicator', () => {
    for (const i of indicators) {
      const { sentence, quote, quoteOffset } = i.source
      expect(sentence.slice(quoteOffset, quoteOffset + quote.length), i.id).toBe(quote)
    }
  })

  it.each([
    // 7次 also stands inside 1127次 in the same sentence; the right one follows 依申请公开政府信息.
    ['on-request-disclosures', '依申请公开政府信息', '7次'],
    ['proactive-disclosures', '征求意见等', '1127次'],
    ['stock-risks', '监测风险', '65次'],
    ['incremental-warnings', '预警风险', '72次'],
    ['docs-repealed', '废止违规文件', '3份'],
    ['exam-pass-rate', '执法考试通过率', '100%'],
    ['leader-court-appearance-rate', '出庭应诉率', '100%'],
  ] as const)('marks %s where the report says「%s%s」', (id, before, quote) => {
    const { sentence, quoteOffset } = indicatorById.get(id)!.source
    expect(REPORT).toContain(`${before}${quote}`)
    expect(sentence.slice(0, quoteOffset).endsWith(before)).toBe(true)
    expect(sentence.slice(quoteOffset).startsWith(quote)).toBe(true)
  })

  it('marks every value the report does not give as demo', () => {
    for (const o of observations) {
      const isReportFigure = o.orgId === 'tzw' && o.year === 2024
      expect(o.status).toBe(isReportFigure ? 'reported' : 'demo')
    }
    expect(observations.filter((o) => o.status === 'demo').length).toBeGreaterThan(0)
  })

  it('splits demo counts per organisation: exactly the district value, more than the base of a 余 figure', () => {
    const splitCounts = indicators.filter((i) => i.kind === 'count' && i.breakdown !== 'none')
    expect(splitCounts.length).toBeGreaterThan(0)
    for (const indicator of splitCounts) {
      const parts = organizations.filter((o) => o.type === indicator.breakdown)
      for (const year of meta.years) {
        const district = observations.find(
          (o) => o.indicatorId === indicator.id && o.orgId === 'tzw' && o.year === year,
        )
        expect(district, `${indicator.id} ${year} district`).toBeDefined()
        const values = parts.map(
          (org) =>
            observations.find(
              (o) => o.indicatorId === indicator.id && o.orgId === org.id && o.year === year,
            )?.value,
        )
        expect(values.every((v) => Number.isInteger(v) && v! >= 0)).toBe(true)
        const sum = values.reduce<number>((a, v) => a + (v ?? 0), 0)
        // 20余 is more than 20: parts that add up to exactly 20 would say less than the report.
        if (district!.qualifier === 'approx') {
          expect(sum, `${indicator.id} ${year}`).toBeGreaterThan(district!.value)
        } else {
          expect(sum, `${indicator.id} ${year}`).toBe(district!.value)
        }
      }
    }
  })

  it('has no per-organisation values for indicators the report gives only as a district total', () => {
    for (const indicator of indicators.filter((i) => i.breakdown === 'none')) {
      const orgs = new Set(
        observations.filter((o) => o.indicatorId === indicator.id).map((o) => o.orgId),
      )
      expect([...orgs]).toEqual(['tzw'])
    }
  })

  it('keeps every rate within 0–100% and every count non-negative', () => {
    for (const o of observations) {
      const indicator = indicatorById.get(o.indicatorId)!
      if (indicator.kind === 'rate') {
        expect(o.value).toBeGreaterThanOrEqual(0)
        expect(o.value).toBeLessThanOrEqual(100)
      } else {
        expect(o.value).toBeGreaterThanOrEqual(0)
      }
    }
  })

  it('publishes exactly what the generator builds (public/data matches the report)', () => {
    const files = datasetFiles(dataset)
    for (const [name, body] of Object.entries(files)) {
      expect(readPublished(name), name).toEqual(body)
    }
  })

  it('builds the same dataset on every run', () => {
    expect(buildDataset(REPORT)).toEqual(buildDataset(REPORT))
  })

  it('refuses to build when a figure can no longer be found in the report', () => {
    const edited = REPORT.replace('监测存量文件3767份', '监测存量文件3768份')
    expect(() => buildDataset(edited)).toThrow(/3767/)
  })
})

describe('targets say no more than their source', () => {
  const published = indicatorsResponseSchema.parse(readPublished('indicators.json')).items

  it('has no target without its sentence: a document target cites a sentence of its document', () => {
    // The report is the only source document there is; a target citing another would need it here.
    const documents = new Map([[meta.source.title, REPORT]])
    for (const i of [...indicators, ...published]) {
      const origin = i.target?.origin
      if (!origin || origin.kind === 'demo') continue
      const text = documents.get(origin.document)
      expect(text, `${i.code}: 目标来源文件「${origin.document}」`).toBeDefined()
      expect(text, `${i.code}: 目标依据原句`).toContain(origin.sentence)
      expect(origin.sentence, `${i.code}: 原句写出目标值`).toContain(String(i.target!.value))
    }
  })

  it('with the report as source, every target is demo: the report states results, not targets', () => {
    const targets = [...indicators, ...published].filter((i) => i.target !== null)
    expect(targets.length).toBeGreaterThan(0)
    for (const i of targets) expect(i.target!.origin, i.code).toEqual({ kind: 'demo' })
    // No sentence of the report sets one: it never even uses the word.
    expect(REPORT).not.toContain('目标')
  })
})

describe('the dataset says no more than the report', () => {
  const byId = (id: string) => indicatorById.get(id)!

  it("publishes the report's statements without a number, each in its own words, with its sentence", () => {
    expect(factsResponseSchema.parse(readPublished('facts.json')).items).toEqual(facts)
    const kinds = new Set(facts.map((f) => f.kind))
    expect([...kinds].sort()).toEqual(['coverage', 'ranking', 'trend', 'zero'])
    for (const f of facts) {
      expect(REPORT, f.code).toContain(f.source.sentence)
      expect(f.source.sentence.slice(f.source.quoteOffset), f.code).toMatch(
        new RegExp(`^${f.source.quote.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
      )
      expect(f.year).toBe(2024)
    }
    const quotes = facts.map((f) => f.source.quote)
    expect(quotes).toContain('重点案件化解稳定率位居全市前列')
    expect(quotes).toContain('未发生越权发文情形')
    expect(quotes).toContain('2024年发文数量有效压降')
    expect(quotes.some((q) => q.startsWith('所有招标投标、政府采购文件'))).toBe(true)
  })

  it('gives a figure over another period than one year its period, and no invented yearly series', () => {
    const periods = Object.fromEntries(
      reported.filter((o) => o.period).map((o) => [o.indicatorId, o.period]),
    )
    expect(periods).toEqual({
      'enterprise-policy-docs': { kind: 'recent-years', years: 3 },
      'contracts-rechecked': { kind: 'since', from: 2012 },
      'long-running-case-mediated': { kind: 'one-off' },
    })
    for (const id of Object.keys(periods)) {
      const all = observations.filter((o) => o.indicatorId === id)
      expect(all, id).toHaveLength(1)
      expect(all[0]!.status).toBe('reported')
    }
    expect(byId('enterprise-policy-docs').source.quote).toBe('169件')
    expect(byId('enterprise-policy-docs').source.sentence).toContain('近3年')
    expect(byId('contracts-rechecked').source.sentence).toContain('2012年以来')
  })

  it('keeps 以上 in every year of an 以上 figure (demo years too)', () => {
    for (const id of ['new-officer-training-hours', 'pre-procedure-time-cut']) {
      const all = observations.filter((o) => o.indicatorId === id)
      expect(all.length, id).toBeGreaterThan(1)
      for (const o of all) expect(o.qualifier, `${id} ${o.year}`).toBe('at-least')
    }
  })

  it('names what the report names: 每名 for a per-person figure, 等 for a count that is not exhaustive', () => {
    expect(byId('new-officer-training-hours').name).toMatch(/^每名/)
    expect(byId('new-officer-training-hours').shortName).toMatch(/^每名/)
    expect(byId('proactive-disclosures').source.sentence).toContain('征求意见等1127次')
    expect(byId('proactive-disclosures').name).toMatch(/等$/)
    expect(byId('proactive-disclosures').shortName).toMatch(/等$/)
  })

  it('judges better or worse only for rates and settled disputes; volumes get no direction', () => {
    // A settled dispute: cases mediated or withdrawn (not the mediators, a volume of people).
    const settled = (i: Indicator) => /案件/.test(i.name) && /调解|调撤/.test(i.name)
    const judged = indicators.filter((i) => i.direction !== 'neutral')
    for (const i of judged)
      expect(i.kind === 'rate' || settled(i), `${i.code} ${i.name}`).toBe(true)
    for (const i of indicators.filter((x) => x.kind !== 'rate')) {
      expect(i.direction, `${i.code} ${i.name}`).toBe(settled(i) ? 'higher' : 'neutral')
    }
  })

  it('names no issuer the report does not name', () => {
    expect(meta.source.issuer).toBeUndefined()
    expect(REPORT.split('\n')[0]).not.toContain('党工委')
  })
})
