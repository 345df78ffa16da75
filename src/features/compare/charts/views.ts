import type { Direction } from '@/domain/schemas'
import {
  chartRegistry,
  DEMO_SUFFIX,
  summarize,
  type ChartExportMeta,
  type ChartState,
  type ChartView,
} from '@/lib/charts/chart-view'
import { THEMES } from '@/lib/theme/themes'
import { formatValue, NO_DATA } from '@/lib/format'
import { formatAttainment, formatDelta, formatPct, TONE_WORD, changeUnit } from '../compare-maths'
import {
  RADAR_AXES,
  TREND_LINES,
  type CompareModel,
  type FocusModel,
  type ValueCell,
} from '../compare-model'
import { buildChangeOption, changeLabel } from './change'
import { buildRadarOption, radarAxisName } from './radar'
import { averageText, buildRankingOption, rankLabel } from './ranking'
import { buildTrendOption } from './trend'
import { buildYearsOption } from './years'

/**
 * The five charts of 对比分析, each a pure function from the comparison to a chart view, registered
 * in the order they stand on the page. CompareCharts renders whatever is registered here.
 */

export interface CompareChartsInput {
  model: CompareModel
  /** The report's title, for the footer of exported images. */
  source: string
  /** Adds every indicator with a target (the radar's empty state offers it); null: none to add. */
  onAddTargets: (() => void) | null
}

export const compareCharts = chartRegistry<CompareChartsInput>()

/** Exported images of a comparison say 对比分析 and 所选单位. */
function compareExport(title: string, unit: string, year: number, source: string): ChartExportMeta {
  return {
    group: '对比分析',
    title,
    organization: '所选单位',
    period: `${year}年`,
    unit,
    source,
    year,
    accent: THEMES.briefing.accents['admin-services'],
  }
}

/** A problem of the focus data wins; then the reason there is nothing to draw, if any. */
function stateOf(error: string | null, empty: string | null): ChartState {
  if (error) return { kind: 'problem', message: error }
  return empty ? { kind: 'empty', message: empty } : { kind: 'ready' }
}

export const DIRECTION_NOTE: Record<Direction, string> = {
  higher: '数值越高越好,从高到低排列',
  lower: '数值越低越好,从低到高排列',
  neutral: '按数值从高到低排列,不评优劣',
}

const valueText = (c: ValueCell) => `${c.figure}${c.demo ? DEMO_SUFFIX : ''}`
const kindText = (c: ValueCell) =>
  c.state === 'error'
    ? '数据错误'
    : c.value === null
      ? c.state === 'hidden-demo'
        ? '报告未提供'
        : NO_DATA
      : c.demo
        ? '示例数据'
        : '报告数字'
const yearCells = (focus: FocusModel, i: number) =>
  focus.years
    .map(
      (y, j) => `${y}年 ${focus.cells[i]![j]!.text}${focus.cells[i]![j]!.demo ? DEMO_SUFFIX : ''}`,
    )
    .join('、')

/** The focus chart draws a demo target line (its view then carries 含示例数据). */
const demoTarget = (focus: FocusModel) => focus.target?.demo === true

export function rankingView(focus: FocusModel, source: string): ChartView {
  const { indicator, ranking, year } = focus
  const avg = averageText(focus)
  const hasValue = ranking.some((r) => r.cell.value !== null)
  const empty =
    focus.orgs.length === 0
      ? '请选择至少一个单位'
      : ranking.length === 0
        ? '所选单位中没有镇(办事处)或部门:排名只在区内单位之间进行'
        : hasValue
          ? null
          : `所选单位在${year}年没有「${indicator.shortName}」的数据`
  return {
    id: 'compare-ranking',
    title: `${indicator.shortName} · 排名`,
    subtitle: `${year}年(${indicator.unit})`,
    note: [
      DIRECTION_NOTE[indicator.direction],
      avg ? '虚线为区内单位平均(派生)' : null,
      focus.target === null ? null : `绿色虚线为目标${focus.target.demo ? DEMO_SUFFIX : ''}`,
      focus.district ? `全区数值 ${valueText(focus.district.cell)} 为全区整体,不参与排名` : null,
    ]
      .filter(Boolean)
      .join(';'),
    option: (t) => buildRankingOption(focus, t, t.accents[indicator.group]),
    state: stateOf(focus.error, empty),
    hasDemo: ranking.some((r) => r.cell.demo) || demoTarget(focus),
    hasDerived: focus.average.value !== null,
    summary: `${indicator.shortName} ${year}年排名:${summarize(
      ranking.map(
        (r) =>
          `${rankLabel(r.rank)}. ${r.org.shortName} ${r.cell.text}${r.cell.demo ? DEMO_SUFFIX : ''}`,
      ),
    )}${avg ? `;${avg}` : ''}`,
    table: {
      columns: ['单位', '排名', `${year}年(${indicator.unit})`, '说明'],
      // 说明 is words, not a figure: it wraps (8个单位的算术平均,含示例数据 ran past the panel).
      numeric: [1, 2],
      rows: [
        ...ranking.map((r) => ({
          key: r.org.id,
          cells: [r.org.name, rankLabel(r.rank), valueText(r.cell), kindText(r.cell)],
        })),
        ...(focus.average.value !== null
          ? [
              {
                key: 'average',
                cells: [
                  '区内单位平均(派生)',
                  '—',
                  formatValue(focus.average.value, '').figure,
                  `${focus.average.count}个单位的算术平均${focus.average.demo ? ',含示例数据' : ''}`,
                ],
              },
            ]
          : []),
      ],
    },
    export: compareExport(`${indicator.shortName} 排名`, indicator.unit, year, source),
  }
}

export function yearsView(focus: FocusModel, source: string): ChartView {
  const { indicator, orgs, years, cells } = focus
  const all = cells.flat()
  const empty =
    years.length === 0
      ? '请选择至少一个年度'
      : orgs.length === 0
        ? '请选择至少一个单位'
        : all.some((c) => c.value !== null)
          ? null
          : '所选单位和年度没有数据'
  const hasDemo = all.some((c) => c.demo) || demoTarget(focus)
  return {
    id: 'compare-years',
    title: `${indicator.shortName} · 分年度对比`,
    subtitle: `(${indicator.unit})`,
    // The key to 示例 only where there is 示例 to read: with demo data hidden none is said.
    note: `每组为一个单位,每根柱为一个年度;${hasDemo ? '斜纹柱为示例数据,' : ''}缺失年份不画柱`,
    option: (t) => buildYearsOption(focus, t),
    state: stateOf(focus.error, empty),
    hasDemo,
    hasDerived: false,
    summary: `${indicator.shortName}分年度对比:${summarize(
      orgs.map((o, i) => `${o.shortName} ${yearCells(focus, i)}`),
      10,
    )}`,
    table: {
      columns: ['单位', ...years.map((y) => `${y}年(${indicator.unit})`)],
      rows: orgs.map((o, i) => ({ key: o.id, cells: [o.name, ...cells[i]!.map(valueText)] })),
    },
    export: compareExport(`${indicator.shortName} 分年度对比`, indicator.unit, focus.year, source),
  }
}

export function changeView(focus: FocusModel, source: string): ChartView {
  const { indicator, changes, year } = focus
  const empty =
    changes.length === 0
      ? '请选择至少一个单位'
      : changes.some((c) => c.change.delta !== null)
        ? null
        : changes.some((c) => c.change.reason === 'not-annual')
          ? `「${indicator.shortName}」${notAnnualWhy(focus)},不作同比`
          : `${year - 1}年或${year}年无数据,无法计算同比`
  const cu = changeUnit(indicator.unit)
  const better =
    indicator.direction === 'lower'
      ? '此指标越低越好'
      : indicator.direction === 'higher'
        ? '此指标越高越好'
        : '此指标不评优劣,灰色'
  const hasDemo = changes.some((c) => c.change.demo && c.change.delta !== null)
  return {
    id: 'compare-change',
    title: `${indicator.shortName} · 同比变化(派生)`,
    subtitle: `${year}年较${year - 1}年`,
    note: `▲ 上升 ▼ 下降;绿色为向好、橙色为变差(${better})${hasDemo ? ';斜纹为含示例数据' : ''}`,
    option: (t) => buildChangeOption(focus, t),
    state: stateOf(focus.error, empty),
    hasDemo,
    hasDerived: true,
    summary: `${indicator.shortName} ${year}年同比变化:${summarize(
      changes.map(
        (c) => `${c.org.shortName} ${changeLabel(c, indicator.unit)} ${TONE_WORD[c.change.tone]}`,
      ),
    )}`,
    table: {
      columns: [
        '单位',
        `${year - 1}年(${indicator.unit})`,
        `${year}年(${indicator.unit})`,
        `同比增减(${cu},派生)`,
        '同比增减率(%,派生)',
        '评价',
      ],
      rows: changes.map((c) => ({
        key: c.org.id,
        cells: [
          c.org.name,
          valueText(c.base),
          valueText(c.current),
          formatDelta(c.change, indicator.unit),
          formatPct(c.change),
          c.change.delta === null ? NO_DATA : TONE_WORD[c.change.tone],
        ],
      })),
    },
    export: compareExport(`${indicator.shortName} 同比变化`, indicator.unit, year, source),
  }
}

export function radarView(
  model: CompareModel,
  source: string,
  onAddTargets: (() => void) | null,
): ChartView {
  const { radar } = model
  const notes = [
    '达成度 = 实际值 ÷ 目标值(越低越好的指标为 目标值 ÷ 实际值),派生;绿色虚线圈为目标 100%',
    radar.noTarget.length
      ? `无目标值、未纳入:${summarize(
          radar.noTarget.map((i) => i.shortName),
          6,
        )}`
      : null,
    radar.missing.length
      ? `${radar.year}年无数据:${summarize(
          radar.missing.map((i) => i.shortName),
          6,
        )}`
      : null,
    radar.more.length ? `只画前 ${RADAR_AXES} 个指标,另有 ${radar.more.length} 个见表格` : null,
  ].filter(Boolean)
  const empty =
    radar.items.length >= 3
      ? null
      : `雷达图需要至少 3 个有目标值且有数据的指标,当前 ${radar.items.length} 个`
  return {
    id: 'compare-radar',
    title: `${radar.org?.name ?? NO_DATA} · 目标达成度(派生)`,
    subtitle: `${radar.year}年`,
    note: notes.join(';'),
    action:
      empty && onAddTargets ? { label: '加入全部有目标值的指标', run: onAddTargets } : undefined,
    option: (t) => buildRadarOption(radar, t, t.accents['admin-services']),
    state: stateOf(null, empty),
    hasDemo: radar.items.some((i) => i.cell.demo || i.target.demo),
    hasDerived: true,
    summary: `${radar.org?.name ?? ''} ${radar.year}年目标达成度:${summarize(
      radar.items.map((i) => `${radarAxisName(i)} ${formatAttainment(i.attainment)}`),
    )}`,
    table: {
      columns: ['指标', `${radar.year}年数值`, '目标值', '达成度(%,派生)'],
      rows: [...radar.items, ...radar.more].map((i) => ({
        key: i.indicator.id,
        cells: [
          i.indicator.shortName,
          `${i.cell.text}${i.cell.demo ? DEMO_SUFFIX : ''}`,
          `${formatValue(i.target.value, i.indicator.unit).text}${i.target.demo ? DEMO_SUFFIX : ''}`,
          formatAttainment(i.attainment),
        ],
      })),
    },
    export: compareExport('目标达成度', '%', radar.year, source),
  }
}

/**
 * A figure over another period than one year (近3年, 2012年以来, a single event) has no place in a
 * yearly line or change: what it covers, in words, for the chart's empty state.
 */
function notAnnualWhy(focus: FocusModel): string {
  const period = focus.cells.flat().find((c) => c.period !== null)?.period
  return period ? `为${period}数据,非逐年数据` : '非逐年数据'
}

export function trendView(focus: FocusModel, source: string): ChartView {
  const { indicator, orgs, years, cells, trendOrgs } = focus
  const empty =
    years.length === 0
      ? '请选择至少一个年度'
      : trendOrgs.length === 0
        ? '所选单位和年度没有数据'
        : cells.some((row) => row.some((c) => c.value !== null && !c.annual))
          ? `「${indicator.shortName}」${notAnnualWhy(focus)},不画趋势`
          : // One point per unit is no trend (a lone 100% on an axis from 40 to 160).
            trendOrgs.every((i) => cells[i]!.filter((c) => c.value !== null).length < 2)
            ? '所选单位和年度中只有一个年度有数据,画不出趋势'
            : null
  const withData = orgs.filter((_, i) => cells[i]!.some((c) => c.value !== null)).length
  const hasDemo = trendOrgs.some((i) => cells[i]!.some((c) => c.demo)) || demoTarget(focus)
  return {
    id: 'compare-trend',
    title: `${indicator.shortName} · 趋势`,
    subtitle: `(${indicator.unit})`,
    note: [
      hasDemo ? '空心点为示例数据' : null,
      '缺失年份断开,不按 0 画',
      withData > TREND_LINES
        ? `只画前 ${TREND_LINES} 个单位(共 ${withData} 个有数据,全区在前,其余按排名)`
        : null,
    ]
      .filter(Boolean)
      .join(';'),
    option: (t) => buildTrendOption(focus, t),
    state: stateOf(focus.error, empty),
    hasDemo,
    hasDerived: false,
    summary: `${indicator.shortName}趋势:${summarize(
      trendOrgs.map((i) => `${orgs[i]!.shortName} ${yearCells(focus, i)}`),
      10,
    )}`,
    table: {
      columns: ['单位', ...years.map((y) => `${y}年(${indicator.unit})`)],
      rows: trendOrgs.map((i) => ({
        key: orgs[i]!.id,
        cells: [orgs[i]!.name, ...cells[i]!.map(valueText)],
      })),
    },
    export: compareExport(`${indicator.shortName} 趋势`, indicator.unit, focus.year, source),
  }
}

/** The charts about one indicator exist only while one is in focus. */
const ofFocus =
  (build: (focus: FocusModel, source: string) => ChartView) =>
  ({ model, source }: CompareChartsInput) =>
    model.focus ? build(model.focus, source) : null

compareCharts.register({ id: 'compare-ranking', name: '排名', build: ofFocus(rankingView) })
compareCharts.register({ id: 'compare-years', name: '分年度对比', build: ofFocus(yearsView) })
compareCharts.register({ id: 'compare-change', name: '同比变化', build: ofFocus(changeView) })
compareCharts.register({
  id: 'compare-radar',
  name: '目标达成度',
  // No target to show (none published, or demo targets with demo data hidden): no 目标达成度.
  build: ({ model, source, onAddTargets }) =>
    model.radar.available ? radarView(model, source, onAddTargets) : null,
})
compareCharts.register({ id: 'compare-trend', name: '趋势', build: ofFocus(trendView) })
