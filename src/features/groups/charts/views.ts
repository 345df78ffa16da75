import type { GroupId } from '@/domain/schemas'
import {
  DEMO_SUFFIX,
  targetText,
  type ChartExportMeta,
  type ChartState,
  type ChartTable,
  type ChartView,
  type NativeChart,
} from '@/lib/charts/chart-view'
import { THEMES } from '@/lib/theme/themes'
import { buildChartOption, chartRows, type ChartInput, type ChartRowsResult } from './build-chart'
import { rowsHaveDemo, type ChartRow } from './chart-rows'
import { stepShares } from './funnel'
import type { ChartSpec } from './group-charts'
import { buildColumnsOption } from './columns'

/**
 * The chart views of the groups: a chart of the overview, a group page or the big screen from its
 * spec, and the by-year and by-organisation charts of a group page. Pure: data in, view out.
 */

/** "目标 100%(示例),达标(示例)": a row's target and whether it is met, as the table says it. */
function targetNote(r: ChartRow): string | null {
  if (r.target === null) return null
  const met = r.met === null ? '' : r.met ? ',达标' : ',未达标'
  return `${targetText(r.target, r.unit)}${met && `${met}${r.target.demo ? DEMO_SUFFIX : ''}`}`
}

/** The 表格 view of figures: 指标 · 数值 · 说明 (报告数字 or 示例数据, target, derived note). */
function figureTable(rows: ChartRow[], notes: string[] = [], rowHeader = '指标'): ChartTable {
  return {
    columns: [rowHeader, '数值', '说明'],
    numeric: [1],
    rows: rows.map((r, i) => ({
      key: r.id,
      cells: [
        r.label,
        r.text,
        // A row without a value is no 报告数字: its 数值 says 无数据, its 说明 nothing of origin.
        [r.value === null ? null : r.demo ? '示例数据' : '报告数字', targetNote(r), notes[i]]
          .filter(Boolean)
          .join(';'),
      ],
    })),
  }
}

/** "title:label text(示例),…", the accessible name of a chart of figures. */
function figureSummary(title: string, rows: ChartRow[]): string {
  return `${title}:${rows.map((r) => `${r.label} ${r.text}${r.demo ? DEMO_SUFFIX : ''}`).join(',')}`
}

function figureState({ rows, error }: ChartRowsResult): ChartState {
  if (error) return { kind: 'problem', message: error }
  return rows.every((r) => r.value === null) ? { kind: 'empty' } : { kind: 'ready' }
}

/** The deck's editable chart type of each kind of group chart: rings stay rings. */
const NATIVE_TYPE: Record<ChartSpec['kind'], NativeChart['type']> = {
  rings: 'doughnut',
  bars: 'bar',
  funnel: 'funnel',
}

/** The rows as the data of an editable chart of the deck. */
const nativeOf = (type: NativeChart['type'], rows: ChartRow[]): NativeChart => ({
  type,
  points: rows.map((r) => ({ label: r.label, value: r.value, text: r.text, demo: r.demo })),
})

/** One chart of a group for the chosen organisation and year. */
export function groupChartView(spec: ChartSpec, input: ChartInput): ChartView {
  const result = chartRows(spec, input)
  const { rows, error } = result
  const shares = spec.kind === 'funnel' ? stepShares(rows) : []
  const ctx = input.context
  const units = [...new Set(spec.indicatorIds.map((id) => input.indicators.get(id)?.unit ?? ''))]
  return {
    id: spec.id,
    title: spec.title,
    note: spec.note,
    option: (theme) => buildChartOption(spec, rows, theme),
    table: figureTable(rows, shares),
    summary: figureSummary(spec.title, rows),
    state: figureState(result),
    hasDemo: rowsHaveDemo(rows),
    hasDerived: shares.some(Boolean),
    native: nativeOf(NATIVE_TYPE[spec.kind], rows),
    export:
      ctx && !error
        ? {
            title: spec.title,
            group: ctx.groupNames[spec.group] ?? spec.group,
            organization: ctx.organization,
            ...(ctx.fileUnit ? { fileUnit: ctx.fileUnit } : {}),
            period: ctx.period,
            unit: units.filter(Boolean).join('、'),
            source: ctx.source,
            year: input.year,
            accent: THEMES.briefing.accents[spec.group],
          }
        : null,
  }
}

export interface BreakdownViewInput {
  id: string
  title: string
  subtitle: string
  group: GroupId
  /** The rows by year or by organisation (./breakdown.ts). */
  result: ChartRowsResult
  /** What a row is, the table's first column: 年度 or 单位. */
  rowHeader: '年度' | '单位'
  /** The export's names; the title and accent come from the view. */
  export: Omit<ChartExportMeta, 'title' | 'accent'>
}

/** One indicator by year or by organisation, as columns (a group page's 分单位与分年度). */
export function breakdownView(b: BreakdownViewInput): ChartView {
  const { rows } = b.result
  return {
    id: b.id,
    title: b.title,
    subtitle: b.subtitle,
    // Every row is the same indicator: its target (shown or not) is the rows' target.
    option: (theme) =>
      buildColumnsOption(
        rows,
        theme,
        theme.accents[b.group],
        rows[0]?.target ?? null,
        rows[0]?.unit ?? '',
      ),
    table: figureTable(rows, [], b.rowHeader),
    summary: figureSummary(b.title, rows),
    state: figureState(b.result),
    hasDemo: rowsHaveDemo(rows),
    hasDerived: false,
    native: nativeOf('column', rows),
    export: { ...b.export, title: b.title, accent: THEMES.briefing.accents[b.group] },
  }
}
