import type { ShownTarget } from '@/domain/targets'
import { DEMO_SUFFIX } from '@/lib/charts/chart-view'
import { baseOption, dataIndexOf, demoDecal, tooltipHtml } from '@/lib/echarts/option-base'
import type { ChartTheme } from '@/lib/theme/themes'

/** One number in a chart and in its table view. */
export interface ChartRow {
  id: string
  label: string
  /** null when there is no value (shown as 无数据, never drawn as 0). */
  value: number | null
  /** The value as text with qualifier and unit: "20余次", "≥50%", "无数据". */
  text: string
  unit: string
  demo: boolean
  /** The target shown (a demo one only with demo data, marked); `met` is against it. */
  target: ShownTarget | null
  met: boolean | null
}

/** A chart of these rows shows a demo value or a demo target (and 达标 against it). */
export function rowsHaveDemo(rows: ChartRow[]): boolean {
  return rows.some((r) => r.demo || r.target?.demo === true)
}

/** Tooltip HTML for one row, every piece of data escaped. */
export function rowTooltip(row: ChartRow, extra: string[] = []): string {
  return tooltipHtml(row.label, [`${row.text}${row.demo ? ` ${DEMO_SUFFIX}` : ''}`, ...extra])
}

/** Finds the row behind a tooltip or label callback by its data index. */
export function rowAt(rows: ChartRow[], dataIndex: unknown): ChartRow | undefined {
  return typeof dataIndex === 'number' ? rows[dataIndex] : undefined
}

/**
 * Bar data for rows: demo bars are paler and hatched. A missing value draws no bar, but its label
 * says 无数据 (muted): ECharts labels no '-' value, and an empty row of an exported image could
 * not be told from a zero. It stands at the axis as an invisible bar of no length.
 */
export function barData(rows: ChartRow[], accent: string, borderRadius: number[], muted: string) {
  return rows.map((r) =>
    r.value === null
      ? {
          value: 0,
          itemStyle: { color: 'transparent', borderRadius },
          label: { color: muted },
        }
      : {
          value: r.value,
          itemStyle: {
            color: accent,
            opacity: r.demo ? 0.55 : 1,
            borderRadius,
            ...(r.demo ? { decal: demoDecal('rgba(255,255,255,0.45)') } : {}),
          },
        },
  )
}

/**
 * The tooltip of a bar chart whose data items are the rows, in order. It triggers on the whole
 * category band (axis), not just the bar, so a thin bar is easy to hover on a wall screen.
 */
export function rowsTooltip(rows: ChartRow[], theme: ChartTheme) {
  return {
    ...baseOption(theme).tooltip,
    trigger: 'axis' as const,
    axisPointer: { type: 'shadow' as const },
    formatter: (p: unknown) => {
      const row = rowAt(rows, dataIndexOf(p))
      return row ? rowTooltip(row) : ''
    },
  }
}
