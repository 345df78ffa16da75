import { escapeHtml } from '@/lib/escape-html'
import { demoDecal, sharedBase } from '@/lib/echarts/option-base'
import type { ChartTheme } from '@/lib/echarts/theme'
import type { ChartOption } from '@/lib/echarts/types'
import type { ChartRow } from './chart-rows'

export const DEMO_SUFFIX = '(示例)'

/** Base settings every chart shares: text style, tooltip look, short first-render animation. */
export function baseOption(theme: ChartTheme): ChartOption {
  return sharedBase(theme)
}

/**
 * Tooltip HTML for one row. ECharts renders tooltips as HTML, so every piece of data is escaped
 * here; the markup around it is ours.
 */
export function rowTooltip(row: ChartRow, extra: string[] = []): string {
  const lines = [
    `<strong>${escapeHtml(row.label)}</strong>`,
    `${escapeHtml(row.text)}${row.demo ? ` ${DEMO_SUFFIX}` : ''}`,
    ...extra.map(escapeHtml),
  ]
  return lines.join('<br/>')
}

/** Finds the row behind a tooltip or label callback by its data index. */
export function rowAt(rows: ChartRow[], dataIndex: unknown): ChartRow | undefined {
  return typeof dataIndex === 'number' ? rows[dataIndex] : undefined
}

/**
 * Bar data for rows: a missing value is '-' (ECharts draws nothing, never a zero), demo bars are
 * paler and hatched.
 */
export function barData(rows: ChartRow[], accent: string, borderRadius: number[]) {
  return rows.map((r) => ({
    value: r.value ?? '-',
    itemStyle: {
      color: accent,
      opacity: r.demo ? 0.55 : 1,
      borderRadius,
      ...(r.demo ? { decal: demoDecal('rgba(255,255,255,0.45)') } : {}),
    },
  }))
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
      const first = (Array.isArray(p) ? p[0] : p) as { dataIndex?: number } | undefined
      const row = rowAt(rows, first?.dataIndex)
      return row ? rowTooltip(row) : ''
    },
  }
}
