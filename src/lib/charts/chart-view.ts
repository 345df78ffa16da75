import type { ChartTheme } from '@/lib/theme/themes'
import type { ChartOption } from '@/lib/echarts/types'
import { formatValue } from '@/lib/format'
import {
  briefingText,
  exportFileName,
  type BriefingMeta,
  type BriefingText,
} from '@/lib/export/compose'

/**
 * The one chart model. Every chart of the app (overview, group pages, 对比分析, big screen, PNG
 * export, the deck) is a pure function from its data to a ChartView; src/components/chart-panel.tsx
 * renders any ChartView, and chartExport() below turns one into what an exported image says about
 * itself. This module is shared: it never imports a feature; features register their builders.
 */

/** Appended to a demo value wherever it is written (labels, tooltips, tables, accessible names). */
export const DEMO_SUFFIX = '(示例)'
/** "目标 100%", or "目标 100%(示例)" for a demo target (src/domain/targets.ts). */
export function targetText(target: { value: number; demo: boolean }, unit: string): string {
  return `目标 ${formatValue(target.value, unit).text}${target.demo ? DEMO_SUFFIX : ''}`
}

/**
 * The dashed target line of a value axis, labelled 目标 … (示例 when the target is demo); spread
 * into a series. `position` is the label's place on the line (ECharts' default: its end).
 */
export function targetMarkLine(
  theme: ChartTheme,
  target: { value: number; demo: boolean },
  unit: string,
  position?: 'insideEndTop',
) {
  return {
    markLine: {
      silent: true,
      symbol: 'none',
      lineStyle: { color: theme.met, type: 'dashed' as const },
      label: {
        color: theme.met,
        ...(position && { position }),
        formatter: targetText(target, unit),
      },
      data: [{ yAxis: target.value }],
    },
  }
}

/** Appended to a value computed from report figures rather than read from the report. */
export const DERIVED = '(派生)'

export type ChartState =
  /** Something to draw. */
  | { kind: 'ready' }
  /** Nothing to draw; the message (Chinese) says why, or the panel says 暂无数据. */
  | { kind: 'empty'; message?: string }
  /** The data behind the chart failed (Chinese message for the user); no chart, no table. */
  | { kind: 'problem'; message: string }

/** The 表格 view: the same numbers as text. The first cell of a row is its header. */
export interface ChartTable {
  columns: string[]
  rows: { key: string; cells: string[] }[]
  /** Columns (by index) holding numbers; default: all but the first. */
  numeric?: number[]
}

/** What an exported image of the chart says about itself, besides the marks of the view. */
export interface ChartExportMeta {
  /** The title in the image's title band and the file name. */
  title: string
  group: string
  organization: string
  period: string
  unit: string
  source: string
  /** The year in the file name. */
  year: number
  /** The colour of the title band's mark (briefing theme). */
  accent: string
  /** The unit shown, when not the whole district: named in the file name. */
  fileUnit?: string
}

export interface ChartView {
  /** Stable id: data-chart-id, and the key of its 表格 toggle. */
  id: string
  title: string
  subtitle?: string
  note?: string
  /** A button after the note that changes the input (e.g. 加入全部有目标值的指标). */
  action?: { label: string; run: () => void }
  /** The ECharts option in a theme: the hall theme on screen, the briefing theme for exports. */
  option: (theme: ChartTheme) => ChartOption
  table: ChartTable
  /** The chart's accessible name: what it shows, in words, with 示例 marks. */
  summary: string
  state: ChartState
  /** Whether any value shown is demo data (含示例数据). */
  hasDemo: boolean
  /** Whether any value shown is derived (派生) from report figures. */
  hasDerived: boolean
  /** What the 导出 menu needs; null: the chart has no export control. */
  export: ChartExportMeta | null
  /** Its numbers for an editable chart in the deck; absent: the deck shows it as a picture. */
  native?: NativeChart
}

/**
 * A chart as data for an editable (native) chart of the deck (src/lib/export/deck.ts): one point
 * per category, in order. A null value is 无数据 (left out of the chart, never drawn as 0).
 */
export interface NativeChart {
  /**
   * bar: horizontal bars, the first on top; column: vertical bars; funnel: horizontal bars, first
   * step on top, narrow gaps; doughnut: one ring per point (rates of 100); line: a line.
   */
  type: 'bar' | 'column' | 'line' | 'doughnut' | 'funnel'
  points: { label: string; value: number | null; text: string; demo: boolean }[]
}

/** Everything an exported image of a view needs: its title band, footer, file name and accent. */
export interface ChartExportInfo {
  meta: BriefingMeta
  text: BriefingText
  fileName: string
  accent: string
}

/** The one place export metadata is assembled: title band, footer and file name of a chart. */
export function chartExport(
  view: ChartView,
  exportedAt: Date,
  ext: 'png' | 'pptx' = 'png',
): ChartExportInfo | null {
  const e = view.export
  if (!e) return null
  const meta: BriefingMeta = {
    group: e.group,
    title: e.title,
    organization: e.organization,
    period: e.period,
    unit: e.unit,
    source: e.source,
    hasDemo: view.hasDemo,
    hasDerived: view.hasDerived,
    note: view.note,
    exportedAt,
  }
  return {
    meta,
    text: briefingText(meta),
    fileName: exportFileName(
      { group: e.group, unit: e.fileUnit, title: e.title, year: e.year, exportedAt },
      ext,
    ),
    accent: e.accent,
  }
}

/** "A,B,C……共 N 项": long lists are cut in accessible names, never left unbounded. */
export function summarize(items: string[], max = 20): string {
  if (items.length <= max) return items.join(',')
  return `${items.slice(0, max).join(',')}……共 ${items.length} 项`
}

/** One chart of a place (a page or a panel): its builder, from the place's input to a view. */
export interface ChartEntry<I> {
  id: string
  /** Named by the panel's error boundary if the builder throws. */
  name: string
  /** null: the chart does not apply to this input (it is not shown). */
  build: (input: I) => ChartView | null
}

export interface ChartRegistry<I> {
  register: (entry: ChartEntry<I>) => void
  entries: () => readonly ChartEntry<I>[]
}

/**
 * A small registry of the charts of one place, in the order they are registered. A feature makes
 * one for its input type and registers its builders; the place renders every entry.
 */
export function chartRegistry<I>(): ChartRegistry<I> {
  const list: ChartEntry<I>[] = []
  return {
    register(entry) {
      if (list.some((e) => e.id === entry.id))
        throw new Error(`chart ${entry.id} is registered twice`)
      list.push(entry)
    },
    entries: () => list,
  }
}
