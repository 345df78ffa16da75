import type { Fact, Indicator, IndicatorKind, Qualifier } from '@/domain/schemas'
import { DEMO_SUFFIX, DERIVED } from '@/lib/charts/chart-view'
import { formatNumber, formatShare, NO_DATA } from '@/lib/format'
import { changeUnit, type ChangeBound } from '@/lib/year-change'

/**
 * The sentences of the briefing (汇报材料, 简报, the deck's notes): one statement per indicator,
 * written from the data by a template of the indicator's kind. Pure: data in, words out. Every
 * figure keeps its unit and the report's qualifier (20余次, 160课时以上), a demo value says 示例,
 * a missing one says 无数据 (never 0), a derived one says 派生, and a reported one carries the
 * sentence of the report it comes from.
 *
 * A new indicator kind needs one entry in TEMPLATES (TypeScript insists on it).
 */

/** A figure as a sentence of the report states it: "20余次", "50%以上", "160课时以上", "3815件". */
export function statedFigure(value: number, unit: string, qualifier: Qualifier | null): string {
  const n = formatNumber(value)
  if (n === NO_DATA) return NO_DATA
  if (qualifier === 'approx') return `${n}余${unit}`
  if (qualifier === 'at-least') return `${n}${unit}以上`
  return `${n}${unit}`
}

/** A piece of a statement: plain words, the figure (footnoted in the .docx), or a mark. */
export interface Piece {
  text: string
  role: 'text' | 'figure' | 'mark'
  /** How a derived figure was computed (the .docx footnotes it). */
  note?: string
}

/** What the data says about one indicator for one organisation and year. */
export type FigureFact =
  | {
      state: 'value'
      indicator: Indicator
      value: number
      qualifier: Qualifier | null
      demo: boolean
      /** What it covers when not the year (2012年以来累计); such a figure has no change. */
      period: string | null
      /** The change against the year before, when both years are shown; null otherwise. */
      change: FigureChange | null
      /** A share of another figure of the same year (增量预警 ÷ 增量文件), derived. */
      share: { of: Indicator; value: number } | null
    }
  /** No value (or a demo value while demo data is hidden, or data with an error). */
  | { state: 'missing' | 'error'; indicator: Indicator }

export interface FigureChange {
  baseYear: number
  /** current − base, in the unit (percentage points for rates). */
  delta: number
  /**
   * Exact, or a bound when a figure carries 余 or 以上 (20余 against 19: an increase of more than
   * 1). Only a change whose direction is certain is stated.
   */
  bound: ChangeBound
  /** Either figure is demo data: the change is demo too. */
  demo: boolean
}

export interface Statement {
  indicatorId: string
  pieces: Piece[]
  /** The pieces as one text, without the final punctuation. */
  text: string
  /** The figure as stated ("20余次"); null when there is none (无数据). */
  figure: string | null
  /** What the figure covers when it is not the year (2012年以来累计); null for a year's figure. */
  period: string | null
  /**
   * A reported figure and nothing more (no 示例, no comparison, no share): a statement of the
   * report that says it in its own words can stand for it in the prose.
   */
  plain: boolean
  demo: boolean
  /** Where a reported figure comes from; null for demo values and missing ones. */
  source: Indicator['source'] | null
}

type ValueFact = Extract<FigureFact, { state: 'value' }>

const words = (text: string): Piece => ({ text, role: 'text' })
const mark = (text: string): Piece => ({ text, role: 'mark' })

function figurePieces(f: ValueFact): Piece[] {
  const figure: Piece = {
    text: statedFigure(f.value, f.indicator.unit, f.qualifier),
    role: 'figure',
  }
  // "(近3年,2022–2024年)": no brackets inside brackets.
  const period = f.period ? [words(`(${f.period.replace(/\((.*)\)$/, ',$1')})`)] : []
  return f.demo ? [figure, ...period, mark(DEMO_SUFFIX)] : [figure, ...period]
}

/** "达" for a rate where higher is better, "为" otherwise. */
const reaches = (i: Indicator) => (i.direction === 'higher' ? '达' : '为')

/**
 * The templates: an indicator's name and figure in the order a 公文 writes them. A count follows
 * its name ("深入企业开展法治服务20余次"); a rate or hours reach it ("执法考试通过率达100%").
 */
export const TEMPLATES: Record<IndicatorKind, (f: ValueFact) => Piece[]> = {
  count: (f) => [words(f.indicator.name), ...figurePieces(f)],
  rate: (f) => [words(`${f.indicator.name}${reaches(f.indicator)}`), ...figurePieces(f)],
  hours: (f) => [words(`${f.indicator.name}达`), ...figurePieces(f)],
}

/** How a bound reads after 增加/减少: 超过 for 余 (more than), 不少于 for 以上 (at least). */
const BOUND_WORDS: Record<ChangeBound, string> = {
  exact: '',
  more: '超过',
  'at-least': '不少于',
  less: '超过',
  'at-most': '不少于',
}

/**
 * ",较上年增加12次" / ",较上年提高1.5个百分点" / ",与上年持平"; from a 余 or 以上 figure a bound
 * (",较上年增加超过1次"), never 约; nothing when the bound leaves the direction open.
 */
export function changePieces(change: FigureChange, unit: string): Piece[] {
  const size = formatNumber(Math.abs(change.delta), 2)
  const zero = Number(size) === 0
  const up =
    change.bound === 'more' || change.bound === 'at-least'
      ? true
      : change.bound === 'less' || change.bound === 'at-most'
        ? false
        : change.delta > 0
  // 20余 against 25 (more than −5) or ≥160 against 160: the direction is not known.
  if (change.bound !== 'exact' && (up ? change.delta < 0 : change.delta > 0)) return []
  if (
    change.bound !== 'exact' &&
    zero &&
    (change.bound === 'at-least' || change.bound === 'at-most')
  )
    return []
  const rate = unit === '%'
  const verb = up ? (rate ? '提高' : '增加') : rate ? '下降' : '减少'
  const text =
    change.bound === 'exact'
      ? zero
        ? ',与上年持平'
        : `,较上年${verb}${size}${changeUnit(unit)}`
      : zero
        ? `,较上年有所${verb}`
        : `,较上年${verb}${BOUND_WORDS[change.bound]}${size}${changeUnit(unit)}`
  return [words(text), ...(change.demo ? [mark(DEMO_SUFFIX)] : [])]
}

/** A statement of the report without a number, in its own words, traced to its sentence. */
export function factStatement(fact: Fact): Statement {
  const pieces: Piece[] = [{ text: fact.source.quote, role: 'figure' }]
  return {
    indicatorId: fact.id,
    pieces,
    text: fact.source.quote,
    figure: fact.source.quote,
    period: null,
    plain: false,
    demo: false,
    source: fact.source,
  }
}

function sharePieces(f: ValueFact): Piece[] {
  if (!f.share) return []
  const share = formatShare(f.value, f.share.value)
  if (share === NO_DATA) return []
  const part = statedFigure(f.value, f.indicator.unit, f.qualifier)
  const whole = statedFigure(f.share.value, f.share.of.unit, null)
  return [
    words(`,占${f.share.of.shortName}的${share}`),
    {
      ...mark(DERIVED),
      note: `派生数值:${f.indicator.name}${part}÷${f.share.of.name}${whole}=${share},${f.demo ? '两数均为示例数据' : '两数均见报告'};非报告原文数字。`,
    },
  ]
}

/** One indicator as a statement, by the template of its kind. */
export function statement(fact: FigureFact): Statement {
  const { indicator } = fact
  let pieces: Piece[]
  if (fact.state === 'value') {
    pieces = [
      ...TEMPLATES[indicator.kind](fact),
      ...(fact.change ? changePieces(fact.change, indicator.unit) : []),
      ...sharePieces(fact),
    ]
  } else if (fact.state === 'missing') {
    pieces = [words(indicator.name), mark(`暂${NO_DATA}`)]
  } else {
    pieces = [words(indicator.name), mark('数据有误,未列入')]
  }
  const value = fact.state === 'value' ? fact : null
  return {
    indicatorId: indicator.id,
    pieces,
    text: pieces.map((p) => p.text).join(''),
    figure: value ? statedFigure(value.value, indicator.unit, value.qualifier) : null,
    period: value?.period ?? null,
    plain:
      value !== null && !value.demo && value.change === null && sharePieces(value).length === 0,
    demo: value?.demo ?? false,
    source: value && !value.demo ? indicator.source : null,
  }
}

/**
 * What the prose of a group says, in order: its figures, then the report's statements without a
 * number — minus each figure that such a statement already says in the report's words (实现172名
 * 执法人员全员覆盖 after 覆盖执法人员172名 said it twice). A figure with more to say (示例, a
 * comparison, a share) stays. The group's table lists every figure either way.
 */
export function prose(statements: Statement[], facts: Statement[]): Statement[] {
  // The figure standing alone: not 13人 inside 113人 or 13人次, not 160课时 inside 160课时以上.
  const standsIn = (s: Statement) =>
    s.plain &&
    s.figure !== null &&
    facts.some((f) =>
      new RegExp(
        `(^|[^\\d.])${s.figure!.replace(/[.*+?^${}()|[\]\\%]/g, '\\$&')}(?![\\d.]|次|余|以上)`,
      ).test(f.text),
    )
  return [...statements.filter((s) => !standsIn(s)), ...facts]
}

/** "2024年,通州湾示范区A;B;C。": statements of a group as one paragraph. */
export function joinStatements(lead: string, statements: Statement[]): string {
  if (statements.length === 0) return ''
  return `${lead}${statements.map((s) => s.text).join(';')}。`
}
