import { pickCell, type ObservationIndex } from '@/domain/observation-index'
import { isAnnual, periodLabel } from '@/domain/period'
import type { Fact, Group, GroupId, Indicator, Meta } from '@/domain/schemas'
import { yearOverYear } from '@/lib/year-change'
import { DEMO_SUFFIX } from '@/lib/charts/chart-view'
import { NO_DATA } from '@/lib/format'
import {
  factStatement,
  joinStatements,
  prose,
  statement,
  type FigureFact,
  type Statement,
} from './sentences'

/**
 * The briefing (汇报材料) as words, from the data and the filters on screen: a title, a lead
 * paragraph, one section per group with a statement per indicator, the report's findings and a
 * closing source line. The .docx, the 简报 page and the deck's notes all say this, so they can
 * never disagree. Pure.
 */

/** What a briefing reads of the dataset (src/api/dataset.ts's Dataset has it all). */
export interface BriefingData {
  meta: Meta
  groups: Group[]
  indicatorsByGroup: ReadonlyMap<GroupId, Indicator[]>
  index: ObservationIndex
  problems: ReadonlyMap<string, string>
  organizations: { id: string; name: string }[]
  /** The report's statements without a number (facts.json); none while it has not loaded. */
  facts?: readonly Fact[]
}

/** The dataset and the filters on screen. */
export type BriefingInput = Omit<BriefingData, 'organizations'> & {
  orgId: string
  orgName: string
  year: number
  showDemo: boolean
  /** A group page's briefing: that group only (and no findings of the whole report). */
  only?: GroupId
}

export interface BriefingGroup {
  group: Group
  /** 一、二、… */
  numeral: string
  /** "一、行政服务" */
  heading: string
  /** "2024年,通州湾示范区" before the first statement. */
  lead: string
  statements: Statement[]
  /**
   * The group's statements without a number (位居全市前列, 未发生…), after its figures: the
   * district's, so only in the district's briefing.
   */
  facts: Statement[]
  /** What the prose says, in order (`prose`: a figure a fact restates is said once). */
  said: Statement[]
  /** The prose as one paragraph (the 简报 page, the deck's notes). */
  paragraph: string
}

export interface BriefingSection {
  heading: string
  paragraphs: string[]
}

export interface Briefing {
  title: string
  /** "2024年度 · 通州湾示范区" */
  subtitle: string
  lead: string
  groups: BriefingGroup[]
  /** 主要不足 and 下一年度主要安排, numbered after the groups (the district in the report year only). */
  findings: BriefingSection[]
  source: string
  /** "数据来源:《…》(…)。" and the demo note where it applies. */
  sourceLine: string
  hasDemo: boolean
  year: number
}

/**
 * Derived shares the briefing may state (派生), as the funnels of 公平竞争审查 would draw them: each
 * step's share of the step before it — only when both are counted in one unit. The report's are
 * not (份 and 次), so with its data none is stated; data in one unit would get them.
 */
export const DERIVED_SHARES: { part: string; whole: string }[] = [
  { part: 'incremental-warnings', whole: 'incremental-docs' },
  { part: 'stock-risks', whole: 'stock-docs' },
  { part: 'docs-repealed', whole: 'stock-risks' },
]

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']
export const numeral = (i: number) => NUMERALS[i] ?? String(i + 1)

/** A heading of the report without its own number: "三、2024年度…主要不足" → "2024年度…主要不足". */
const unnumbered = (heading: string) => heading.replace(/^[一二三四五六七八九十]+、\s*/, '')

/** The fact behind one indicator's statement under the input's filters. */
export function figureFact(
  indicator: Indicator,
  input: BriefingInput,
  byId: ReadonlyMap<string, Indicator>,
): FigureFact {
  const cell = (i: Indicator, year: number) =>
    pickCell(i, input.index, input.orgId, year, input.showDemo, input.problems)
  const now = cell(indicator, input.year)
  if (now.state === 'error') return { state: 'error', indicator }
  if (now.state !== 'value') return { state: 'missing', indicator }
  const o = now.observation
  const before = cell(indicator, input.year - 1)
  const b = before.state === 'value' ? before.observation : null
  const point = (year: number, x: typeof o) => ({
    year,
    value: x.value,
    demo: x.status === 'demo',
    qualifier: x.qualifier,
    annual: isAnnual(x),
  })
  // The change as the cards compute it: none from a figure over another period or between two
  // bounds, a bound from one 余 or 以上 figure.
  const yoy = b
    ? yearOverYear([point(input.year - 1, b), point(input.year, o)], input.year, 'neutral')
    : null
  const relation = DERIVED_SHARES.find((r) => r.part === indicator.id)
  const whole = relation ? byId.get(relation.whole) : undefined
  const wholeCell = whole ? cell(whole, input.year) : null
  return {
    state: 'value',
    indicator,
    value: o.value,
    qualifier: o.qualifier,
    demo: o.status === 'demo',
    period: periodLabel(o.period, o.year),
    change:
      yoy && yoy.delta !== null
        ? { baseYear: yoy.baseYear, delta: yoy.delta, bound: yoy.bound, demo: yoy.demo }
        : null,
    // Only between figures of one unit: 次 of 份 is no share of anything (funnel.ts stepShares).
    share:
      whole &&
      whole.unit === indicator.unit &&
      wholeCell?.state === 'value' &&
      wholeCell.observation.status === o.status
        ? { of: whole, value: wholeCell.observation.value }
        : null,
  }
}

export function buildBriefing(input: BriefingInput): Briefing {
  const { meta, year, orgName } = input
  const byId = new Map<string, Indicator>()
  for (const list of input.indicatorsByGroup.values()) for (const i of list) byId.set(i.id, i)
  const shownGroups = input.groups.filter((g) => !input.only || g.id === input.only)
  // The report's facts and its 主要不足/安排 are the whole district's: a unit's briefing does not
  // say them of the unit (a 镇's paragraph would read 实现172名执法人员全员覆盖 as its own).
  const ofRegion = input.orgId === meta.region.id
  const groups: BriefingGroup[] = shownGroups.map((group, i) => {
    const statements = (input.indicatorsByGroup.get(group.id) ?? []).map((indicator) =>
      statement(figureFact(indicator, input, byId)),
    )
    const facts = (ofRegion ? (input.facts ?? []) : [])
      .filter((f) => f.group === group.id && f.year === year)
      .map(factStatement)
    const lead = `${year}年,${orgName}`
    const said = prose(statements, facts)
    return {
      group,
      numeral: numeral(i),
      heading: `${numeral(i)}、${group.fullName}`,
      lead,
      statements,
      facts,
      said,
      paragraph: joinStatements(lead, said),
    }
  })
  const all = groups.flatMap((g) => g.statements)
  const reported = all.filter((s) => s.figure !== null && !s.demo).length
  const demo = all.filter((s) => s.demo).length
  const missing = all.length - reported - demo
  const demoChanges = all.filter(
    (s) => !s.demo && s.pieces.some((p) => p.role === 'mark' && p.text === DEMO_SUFFIX),
  ).length
  const hasDemo = demo > 0 || demoChanges > 0
  const single = input.only ? shownGroups[0] : undefined

  const findings: BriefingSection[] = []
  if (!input.only && ofRegion && year === meta.source.year) {
    const f = meta.findings
    if (f.shortcomings.length > 0)
      findings.push({
        heading: `${numeral(groups.length)}、${unnumbered(f.section)}`,
        paragraphs: f.shortcomings.map((s, i) => `(${numeral(i)})${s}。`),
      })
    if (f.plans.length > 0)
      findings.push({
        heading: `${numeral(groups.length + findings.length)}、${unnumbered(f.plansSection)}`,
        paragraphs: f.plans.map((p, i) => `(${numeral(i)})${p.title}。${p.text}`),
      })
  }

  const counts = [
    reported > 0 ? `${reported}项为报告数字` : '',
    demo > 0 ? `${demo}项为示例数据(标“示例”,非报告数字)` : '',
    missing > 0 ? `${missing}项${NO_DATA}` : '',
  ].filter(Boolean)
  const names = groups.map((g) => g.group.fullName).join('、')
  const lead =
    `根据《${meta.source.title}》及指标看板数据,现将${orgName}${year}年度` +
    `${single ? single.fullName : '法治政府建设'}主要指标情况汇报如下。` +
    `本材料共列指标${all.length}项${single ? '' : `,分${names}${groups.length}个方面`};` +
    `其中${counts.join(',')}。` +
    (demoChanges > 0 ? '与上年的比较所用上年数为示例数据,标“示例”,仅供参考。' : '')

  const sourceLine = sourceLineOf(meta.source, hasDemo)

  return {
    title: `${orgName}${year}年度${single ? single.name : '法治政府建设'}指标情况`,
    subtitle: `${year}年度 · ${orgName}`,
    lead,
    groups,
    findings,
    source: meta.source.title,
    sourceLine,
    hasDemo,
    year,
  }
}

/** "数据来源:《…》(issuer)。", and what 示例 means where some is shown (the briefing, the footer). */
export function sourceLineOf(source: Meta['source'], demo: boolean): string {
  const issuer = source.issuer ? `(${source.issuer})` : ''
  return `数据来源:《${source.title}》${issuer}。${demo ? '标“示例”的数据为演示用,非报告数字。' : ''}`
}

/** The briefing as plain text: what the 简报 page copies, and the deck's notes per group. */
export function groupText(g: BriefingGroup): string {
  return `${g.heading}\n${g.paragraph}`
}

export function briefingText(b: Briefing): string {
  return [
    b.title,
    b.lead,
    ...b.groups.map(groupText),
    ...b.findings.map((s) => [s.heading, ...s.paragraphs].join('\n')),
    b.sourceLine,
  ].join('\n\n')
}

/** The briefing of the dataset under the filters on screen (year, organisation, demo switch). */
export function briefingOf(
  data: BriefingData,
  filters: { orgId: string; year: number; showDemo: boolean },
  only?: GroupId,
): Briefing {
  return buildBriefing({
    ...data,
    orgId: filters.orgId,
    orgName: data.organizations.find((o) => o.id === filters.orgId)?.name ?? data.meta.region.name,
    year: filters.year,
    showDemo: filters.showDemo,
    only,
  })
}
