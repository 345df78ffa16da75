import type {
  Dataset,
  Fact,
  Indicator,
  Meta,
  Observation,
  Organization,
  Source,
} from '../../src/domain/schemas'
import {
  ORGANIZATIONS,
  REPORT_FACTS,
  REPORT_FIGURES,
  type ReportFact,
  type ReportFigure,
} from './report-2024'

/**
 * Builds the published dataset from the report text: the 34 reported figures (status `reported`,
 * the district, 2024) and deterministic demo data for what the report does not say (2022–2023 and
 * per-organisation breakdowns, status `demo`). Pure: same text in, same dataset out.
 */

export const REPORT_YEAR = 2024
export const DEMO_YEARS = [2022, 2023] as const
/** When this dataset was published; a constant so that regenerating it changes nothing. */
export const PUBLISHED_AT = '2026-11-27T09:00:00+08:00'

export function buildDataset(reportText: string): Dataset {
  const indicators = REPORT_FIGURES.map((f) => toIndicator(f, reportText))
  const observations = [
    ...REPORT_FIGURES.map(reportedObservation),
    ...REPORT_FIGURES.flatMap((f) => demoObservations(f, ORGANIZATIONS)),
  ]
  const facts = REPORT_FACTS.map((f) => toFact(f, reportText))
  return {
    meta: buildMeta(reportText),
    indicators,
    facts,
    organizations: ORGANIZATIONS,
    observations,
  }
}

// ---------------------------------------------------------------------------------------------
// Source sentences and sections, read from the report itself

function indexOfOnce(text: string, needle: string): number {
  const first = text.indexOf(needle)
  if (first < 0) throw new Error(`报告中找不到:${needle}`)
  if (text.indexOf(needle, first + 1) >= 0) throw new Error(`报告中出现多次,无法定位:${needle}`)
  return first
}

export function sentenceAt(text: string, index: number): string {
  const start = Math.max(text.lastIndexOf('。', index - 1), text.lastIndexOf('\n', index - 1)) + 1
  const endStop = text.indexOf('。', index)
  const endLine = text.indexOf('\n', index)
  const ends = [endStop >= 0 ? endStop + 1 : text.length, endLine >= 0 ? endLine : text.length]
  return text.slice(start, Math.min(...ends)).trim()
}

/** A numbered part heading such as (二)紧扣中心大局…, in ASCII or full-width brackets. */
const PART_HEADING = /^[(\uFF08][一二三四五六七八九十]+[)\uFF09]/

export function sectionAt(text: string, index: number): string {
  const lineStart = text.lastIndexOf('\n', index) + 1
  const lineEnd = text.indexOf('\n', index)
  const before = text.slice(0, lineStart).split('\n').reverse()
  const chapter = before.find((l) => /^[一二三四五六七八九十]+、/.test(l))
  const part = before.find((l) => PART_HEADING.test(l))
  const paragraph = text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd)
  const lead = /^([一二三四五六七八九十]是[^,。;,]+)/.exec(paragraph)?.[1]
  return [chapter, part?.replace(/。$/, ''), lead].filter(Boolean).join(' › ')
}

/** The sentence, section and place of `quote` inside the passage `anchor` (once in the report). */
function sourceOf(text: string, anchor: string, quote: string): Source {
  const at = indexOfOnce(text, anchor)
  const sentence = sentenceAt(text, at)
  const inAnchor = anchor.indexOf(quote)
  if (inAnchor < 0) throw new Error(`锚点不含原文「${quote}」:${anchor}`)
  const sentenceStart = text.indexOf(sentence, Math.max(0, at - sentence.length))
  const quoteOffset = at + inAnchor - sentenceStart
  if (sentence.slice(quoteOffset, quoteOffset + quote.length) !== quote) {
    throw new Error(`来源句定位错误「${quote}」:${sentence}`)
  }
  return { section: sectionAt(text, at), sentence, quote, quoteOffset }
}

function toIndicator(f: ReportFigure, text: string): Indicator {
  const { value: _value, anchor, quote, demoTarget, period: _period, ...rest } = f
  return {
    ...rest,
    target: demoTarget === null ? null : { value: demoTarget, origin: { kind: 'demo' } },
    source: sourceOf(text, anchor, quote),
  }
}

function toFact(f: ReportFact, text: string): Fact {
  const { quote, ...rest } = f
  return { ...rest, year: REPORT_YEAR, source: sourceOf(text, quote, quote) }
}

function buildMeta(text: string): Meta {
  const title = text.split('\n')[0]!.trim()
  const shortcomingsLine = text.split('\n').find((l) => l.includes('存在一些问题和不足'))
  if (!shortcomingsLine) throw new Error('报告中找不到“主要不足”一段')
  const shortcomings = shortcomingsLine
    .split(/[一二三四五]是/)
    .slice(1)
    .map((s) => s.replace(/[,。,]+$/, ''))
  const plansStart = text.indexOf('四、下一年度推进法治政府建设的主要安排')
  const plans = text
    .slice(plansStart)
    .split('\n')
    .filter((l) => PART_HEADING.test(l))
    .map((l) => {
      const stop = l.indexOf('。')
      return { title: l.slice(0, stop).replace(PART_HEADING, ''), text: l.slice(stop + 1).trim() }
    })
  return {
    region: { id: 'tzw', name: '通州湾示范区' },
    period: { year: REPORT_YEAR, label: `${REPORT_YEAR}年度` },
    years: [...DEMO_YEARS, REPORT_YEAR],
    // The report names no issuer (党工委、管委会 would be inferred), so none is published.
    source: { title, year: REPORT_YEAR },
    updatedAt: PUBLISHED_AT,
    groups: [
      {
        id: 'admin-services',
        name: '行政服务',
        fullName: '行政服务',
        description: '政务服务事项部署、办事指南、时限压缩与涉企法治服务',
      },
      {
        id: 'fair-competition',
        name: '公平竞争审查',
        fullName: '公平竞争审查(含合法性审查)',
        description: '增量文件评估、存量文件监测、政府合同合法性审查',
      },
      {
        id: 'enforcement-team',
        name: '执法队伍建设',
        fullName: '执法队伍建设',
        description: '执法资格管理、执法培训与政务公开',
      },
      {
        id: 'dispute-resolution',
        name: '矛盾纠纷化解',
        fullName: '矛盾纠纷化解',
        description: '依法信访、诉源治理与行政争议调解',
      },
    ],
    findings: {
      section: '三、2024年度法治政府建设存在的主要不足',
      shortcomings,
      plansSection: '四、下一年度推进法治政府建设的主要安排',
      plans,
    },
  }
}

// ---------------------------------------------------------------------------------------------
// Reported and demo observations

function reportedObservation(f: ReportFigure): Observation {
  return {
    indicatorId: f.id,
    orgId: 'tzw',
    year: REPORT_YEAR,
    value: f.value,
    qualifier: f.qualifier,
    status: 'reported',
    ...(f.period ? { period: f.period } : {}),
  }
}

/** A small seeded PRNG (mulberry32) so demo data is the same on every run. */
export function seededRandom(seed: string): () => number {
  let h = 1779033703 ^ seed.length
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353)
    h = (h << 13) | (h >>> 19)
  }
  let a = h >>> 0
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Splits an integer total into integer parts by weight (largest remainder): they sum to the total. */
export function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0)
  const exact = weights.map((w) => (total * w) / sum)
  const parts = exact.map(Math.floor)
  let rest = total - parts.reduce((a, b) => a + b, 0)
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0])
  for (const [, i] of order) {
    if (rest <= 0) break
    parts[i] = parts[i]! + 1
    rest--
  }
  return parts
}

const round1 = (n: number) => Math.round(n * 10) / 10

/** District value for a year before the report's, drifting back from the reported figure. */
function demoDistrictValue(f: ReportFigure, year: number, rand: () => number): number {
  const yearsBack = REPORT_YEAR - year
  if (f.kind === 'rate') {
    const reach = f.demoTarget === 100 ? 100 : f.value
    const dip = yearsBack * (f.demoTarget === 100 ? 0.6 + rand() * 1.8 : 3 + rand() * 5)
    return round1(Math.min(100, Math.max(0, reach - dip)))
  }
  if (f.kind === 'hours') return f.value
  const shrink = Math.pow(0.82 + rand() * 0.14, yearsBack)
  return Math.max(0, Math.round(f.value * shrink))
}

/**
 * Demo years and splits for what the report does not say. A figure over another period (近3年,
 * 2012年以来, a single event) gets none: a yearly series of it would be invented. An 以上 figure
 * keeps 以上 in every year (every new officer had 160课时以上, then as now). The parts of a 余
 * figure add up to more than its base, as 20余 is more than 20.
 */
function demoObservations(f: ReportFigure, orgs: Organization[]): Observation[] {
  if (f.period) return []
  const rand = seededRandom(`demo:${f.id}`)
  const parts = f.breakdown === 'none' ? [] : orgs.filter((o) => o.type === f.breakdown)
  const out: Observation[] = []
  const qualifier = f.qualifier === 'at-least' ? 'at-least' : null
  const districtByYear = new Map<number, number>([[REPORT_YEAR, f.value]])
  for (const year of DEMO_YEARS) {
    const value = demoDistrictValue(f, year, rand)
    districtByYear.set(year, value)
    out.push({ indicatorId: f.id, orgId: 'tzw', year, value, qualifier, status: 'demo' })
  }
  if (parts.length === 0) return out
  for (const [year, base] of districtByYear) {
    const over = year === REPORT_YEAR && f.qualifier === 'approx'
    const total = over ? base + Math.max(1, Math.round(base * (0.04 + rand() * 0.12))) : base
    const values =
      f.kind === 'rate'
        ? parts.map(() =>
            total >= 100 ? 100 : round1(Math.min(100, Math.max(0, total + (rand() - 0.5) * 12))),
          )
        : apportion(
            total,
            parts.map(() => 0.4 + rand()),
          )
    parts.forEach((org, i) =>
      out.push({
        indicatorId: f.id,
        orgId: org.id,
        year,
        value: values[i]!,
        qualifier,
        status: 'demo',
      }),
    )
  }
  return out
}
