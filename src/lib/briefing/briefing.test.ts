import { describe, expect, it } from 'vitest'
import { indexObservations } from '@/domain/observation-index'
import { indicatorKindSchema, type Observation } from '@/domain/schemas'
import { formatNumber } from '@/lib/format'
import {
  facts,
  indicators,
  indicatorsByGroup as byGroup,
  meta,
  observations,
} from '../../../tests/unit/report-data'
import { briefingText, buildBriefing, type BriefingInput } from './model'
import { prose, statedFigure, statement, TEMPLATES } from './sentences'

function input(
  over: Partial<BriefingInput> = {},
  obs: Observation[] = observations,
): BriefingInput {
  return {
    meta,
    groups: meta.groups,
    indicatorsByGroup: byGroup,
    index: indexObservations(obs),
    problems: new Map(),
    orgId: 'tzw',
    orgName: meta.region.name,
    year: meta.period.year,
    showDemo: true,
    ...over,
  }
}

const of = (id: string, year: number, org = 'tzw') =>
  observations.find((o) => o.indicatorId === id && o.year === year && o.orgId === org)

/** The figure as the report writes it, from the data alone: 20余次, 50%以上, 3815件. */
function expectedFigure(o: Observation, unit: string) {
  const n = formatNumber(o.value)
  return o.qualifier === 'approx'
    ? `${n}余${unit}`
    : o.qualifier === 'at-least'
      ? `${n}${unit}以上`
      : `${n}${unit}`
}

const statements = (b: ReturnType<typeof buildBriefing>) => b.groups.flatMap((g) => g.statements)

describe('the templates', () => {
  it('has one template per indicator kind', () => {
    for (const kind of indicatorKindSchema.options) expect(TEMPLATES[kind]).toBeTypeOf('function')
  })

  it('states qualifiers as the report does', () => {
    expect(statedFigure(20, '次', 'approx')).toBe('20余次')
    expect(statedFigure(160, '课时', 'at-least')).toBe('160课时以上')
    expect(statedFigure(50, '%', 'at-least')).toBe('50%以上')
    expect(statedFigure(86.8, '%', null)).toBe('86.8%')
    expect(statedFigure(Number.NaN, '件', null)).toBe('无数据')
  })
})

describe('the briefing of the report year, every indicator', () => {
  const b = buildBriefing(input())
  const all = statements(b)

  it('has the four groups, numbered 一 to 四, and the title', () => {
    expect(b.title).toBe('通州湾示范区2024年度法治政府建设指标情况')
    expect(b.groups.map((g) => g.heading)).toEqual(
      meta.groups.map((g, i) => `${'一二三四'[i]}、${g.fullName}`),
    )
    expect(all).toHaveLength(indicators.length)
  })

  for (const indicator of indicators) {
    it(`${indicator.id}: its reported figure with unit and qualifier, and its sentence`, () => {
      const s = all.find((x) => x.indicatorId === indicator.id)!
      const o = of(indicator.id, 2024)!
      expect(o.status).toBe('reported')
      const figure = expectedFigure(o, indicator.unit)
      expect(s.figure).toBe(figure)
      expect(s.text.startsWith(indicator.name)).toBe(true)
      expect(s.text).toContain(figure)
      expect(s.demo).toBe(false)
      expect(s.source).toEqual(indicator.source)
      // the figure itself carries no 示例; only the demo comparison with 2023 may
      const figurePiece = s.pieces.findIndex((p) => p.role === 'figure')
      expect(s.pieces[figurePiece + 1]?.text).not.toBe('(示例)')
      // Compared with the (demo) year before only where both are one year's figures and not both
      // bounds (≥160 against ≥160 says nothing about a change).
      const before = of(indicator.id, 2023)
      if (!o.period && before && !(o.qualifier && before.qualifier)) {
        expect(s.text).toMatch(/较上年|与上年持平/)
        expect(s.text).toContain('(示例)')
      } else {
        expect(s.text).not.toMatch(/上年/)
        expect(s.text).not.toContain('示例')
      }
      expect(s.text).not.toMatch(/(?<![\d.])0(次|件|份|条|名|人|课时|%)/)
    })
  }

  it('the qualifiers of the report: 20余次, 240余次, 50%以上, 160课时以上', () => {
    const text = briefingText(b)
    for (const f of ['20余次', '240余次', '50%以上', '160课时以上', '3815件', '86.8%'])
      expect(text).toContain(f)
  })

  it('rates change by percentage points; no share is made up between 次 and 份', () => {
    const rate = all.find((s) => s.indicatorId === 'time-limit-compression')!
    expect(rate.text).toContain('较上年提高5.8个百分点(示例)')
    const approx = all.find((s) => s.indicatorId === 'enterprise-legal-services')!
    // 20余 against 19: more than 1 more, a bound, never 约.
    expect(approx.text).toContain('较上年增加超过1次(示例)')
    expect(briefingText(b)).not.toMatch(/约\d/)
    for (const id of ['incremental-warnings', 'stock-risks', 'docs-repealed']) {
      const s = all.find((x) => x.indicatorId === id)!
      expect(s.text).not.toMatch(/占|派生/)
      expect(s.pieces.some((p) => p.note)).toBe(false)
    }
    expect(briefingText(b)).not.toContain('派生')
  })

  it('has the findings numbered after the groups and the source line', () => {
    expect(b.findings.map((f) => f.heading)).toEqual([
      '五、2024年度法治政府建设存在的主要不足',
      '六、下一年度推进法治政府建设的主要安排',
    ])
    expect(b.findings[0]!.paragraphs).toHaveLength(meta.findings.shortcomings.length)
    expect(b.sourceLine).toContain(`《${meta.source.title}》`)
    expect(b.lead).toContain('共列指标34项')
  })
})

describe('the demo switch', () => {
  it('with demo data hidden: the reported figures, no comparison with demo years, no 示例', () => {
    const b = buildBriefing(input({ showDemo: false }))
    const text = briefingText(b)
    expect(text).not.toContain('示例')
    expect(text).not.toContain('较上年')
    for (const s of statements(b)) {
      const o = of(s.indicatorId, 2024)!
      expect(s.figure).toBe(expectedFigure(o, byId(s.indicatorId).unit))
    }
  })

  it('a demo year with demo shown: every value marked 示例, no source sentence', () => {
    const b = buildBriefing(input({ year: 2023 }))
    expect(b.findings).toEqual([])
    for (const s of statements(b)) {
      const o = of(s.indicatorId, 2023)
      // A figure over another period has no demo year: nothing invented.
      if (!o) {
        expect(of(s.indicatorId, 2024)!.period).toBeDefined()
        expect(s.text).toBe(`${byId(s.indicatorId).name}暂无数据`)
        continue
      }
      expect(o.status).toBe('demo')
      expect(s.text).toContain(`${expectedFigure(o, byId(s.indicatorId).unit)}(示例)`)
      expect(s.source).toBeNull()
    }
    expect(b.sourceLine).toContain('示例')
  })

  it('a demo year with demo hidden: 无数据 for every indicator, no demo number', () => {
    const b = buildBriefing(input({ year: 2023, showDemo: false }))
    for (const s of statements(b)) {
      expect(s.figure).toBeNull()
      expect(s.text).toBe(`${byId(s.indicatorId).name}暂无数据`)
    }
    expect(b.lead).not.toContain('报告数字')
    expect(b.lead).toContain('其中34项无数据')
  })
})

describe('missing and broken values', () => {
  it('a missing value says 无数据, never 0, and breaks no comparison', () => {
    const without = observations.filter(
      (o) => !(o.indicatorId === 'docs-repealed' && o.orgId === 'tzw' && o.year === 2024),
    )
    const b = buildBriefing(input({}, without))
    const s = statements(b).find((x) => x.indicatorId === 'docs-repealed')!
    expect(s.text).toBe('废止违规文件暂无数据')
    expect(s.figure).toBeNull()
    expect(b.lead).toContain('1项无数据')
  })

  it('a value with a problem is left out and says so', () => {
    const b = buildBriefing(input({ problems: new Map([['stock-docs', '数据异常']]) }))
    const s = statements(b).find((x) => x.indicatorId === 'stock-docs')!
    expect(s.text).toBe('监测存量文件数据有误,未列入')
    // and the share that needed it is not stated
    expect(statements(b).find((x) => x.indicatorId === 'stock-risks')!.text).not.toContain('派生')
  })

  it('a group page briefing has one group and no findings', () => {
    const b = buildBriefing(input({ only: 'dispute-resolution' }))
    expect(b.groups).toHaveLength(1)
    expect(b.title).toBe('通州湾示范区2024年度矛盾纠纷化解指标情况')
    expect(b.findings).toEqual([])
  })

  it('a statement of another kind template keeps the name and figure', () => {
    const i = byId('new-officer-training-hours')
    const s = statement({
      state: 'value',
      indicator: i,
      value: 160,
      qualifier: 'at-least',
      demo: false,
      period: null,
      change: null,
      share: null,
    })
    expect(s.text).toBe(`${i.name}达160课时以上`)
  })

  it('a figure over another period says so, and is compared with no year', () => {
    const b = buildBriefing(input())
    const s = statements(b).find((x) => x.indicatorId === 'contracts-rechecked')!
    expect(s.text).toBe('招引协议“回头看”集中审查政府合同283份(2012年以来累计)')
    const recent = statements(b).find((x) => x.indicatorId === 'enterprise-policy-docs')!
    expect(recent.text).toContain('169件(近3年,2022–2024年)')
    expect(recent.text).not.toContain('较上年')
  })

  it('two bounds are not compared: ≥160 against ≥160 says no change at all', () => {
    const s = statements(buildBriefing(input())).find(
      (x) => x.indicatorId === 'new-officer-training-hours',
    )!
    expect(s.text).toBe('每名新增执法人员法治培训课时达160课时以上')
  })

  it("states the report's facts without a number in its words, after the group's figures, with their sentence", () => {
    const b = buildBriefing(input({ facts }))
    const g = b.groups.find((x) => x.group.id === 'dispute-resolution')!
    expect(g.facts.map((f) => f.text)).toEqual(
      facts.filter((f) => f.group === 'dispute-resolution').map((f) => f.source.quote),
    )
    expect(g.paragraph).toContain('重点案件化解稳定率位居全市前列')
    expect(g.paragraph.indexOf('位居全市前列')).toBeGreaterThan(g.paragraph.indexOf('3815件'))
    for (const f of g.facts) expect(f.source!.sentence).toContain(f.text)
    // A fact is no figure: the lead's count of indicators is unchanged.
    expect(b.lead).toContain('共列指标34项')
    // Another year: the 2024 facts are not said of it.
    const other = buildBriefing(input({ facts, year: 2023 }))
    expect(other.groups.flatMap((x) => x.facts)).toEqual([])
  })

  it('says a figure once when a statement of the report restates it in its own words', () => {
    const b = buildBriefing(input({ facts, showDemo: false }))
    const g = b.groups.find((x) => x.group.id === 'enforcement-team')!
    const count = (s: string) => g.paragraph.split(s).length - 1
    for (const figure of ['172名', '13人', '160课时以上']) expect(count(figure), figure).toBe(1)
    expect(g.paragraph).toContain('实现172名执法人员全员覆盖')
    expect(g.paragraph).toContain('全部落实160课时以上法治培训')
    // Every figure is still listed (the table), and one no fact restates stays in the prose.
    expect(g.statements.map((s) => s.figure)).toEqual(expect.arrayContaining(['172名', '13人']))
    expect(g.paragraph).toContain('147次')
    // With more to say (示例 comparisons), the figure's own statement stays.
    const demo = buildBriefing(input({ facts })).groups.find(
      (x) => x.group.id === 'enforcement-team',
    )!
    expect(demo.said.some((s) => s.figure === '172名')).toBe(true)
  })

  it('takes a figure as restated only where it stands alone in the statement', () => {
    const said = (figure: string, fact: string) => {
      const s = { indicatorId: 'x', pieces: [], text: `X${figure}`, figure, period: null }
      const one = { ...s, plain: true, demo: false, source: null }
      const f = { ...one, indicatorId: 'f', text: fact, figure: fact, plain: false }
      return prose([one], [f]).some((x) => x.indicatorId === 'x')
    }
    expect(said('13人', '新增执法人员13人全部落实')).toBe(false)
    for (const [figure, fact] of [
      ['13人', '注销13人次'],
      ['13人', '共113人'],
      ['160课时', '落实160课时以上培训'],
      ['20次', '开展20余次'],
    ])
      expect(said(figure!, fact!), `${figure} in ${fact}`).toBe(true)
  })

  it("does not say the district's facts and findings of a unit", () => {
    const unit = buildBriefing(input({ facts, orgId: 'sanyu-town', orgName: '三余镇' }))
    expect(unit.groups.flatMap((x) => x.facts)).toEqual([])
    expect(unit.findings).toEqual([])
    const text = briefingText(unit)
    for (const f of facts) expect(text).not.toContain(f.source.quote)
    expect(text).not.toMatch(/172名|位居全市前列|主要不足/)
    // The district's own briefing keeps them.
    expect(briefingText(buildBriefing(input({ facts })))).toContain('位居全市前列')
  })
})

function byId(id: string) {
  return indicators.find((i) => i.id === id)!
}
