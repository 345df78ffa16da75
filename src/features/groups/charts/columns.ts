import { baseOption } from '@/lib/echarts/option-base'
import type { ShownTarget } from '@/domain/targets'
import { DEMO_SUFFIX, targetMarkLine } from '@/lib/charts/chart-view'
import type { ChartTheme } from '@/lib/theme/themes'
import type { ChartOption } from '@/lib/echarts/types'
import { barData, rowsTooltip, type ChartRow } from './chart-rows'

/**
 * Columns along a category axis: one indicator across years, or across organisations. Demo
 * columns are hatched and labelled 示例; a target, where there is one, is a dashed line.
 */
export function buildColumnsOption(
  rows: ChartRow[],
  theme: ChartTheme,
  accent: string,
  target: ShownTarget | null,
  unit: string,
): ChartOption {
  return {
    ...baseOption(theme),
    grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
    tooltip: rowsTooltip(rows, theme),
    xAxis: {
      type: 'category',
      data: rows.map((r) => r.label),
      axisLine: { lineStyle: { color: theme.axis } },
      axisTick: { show: false },
      axisLabel: { color: theme.text, fontSize: theme.fontSize, interval: 0, hideOverlap: true },
    },
    yAxis: {
      type: 'value',
      axisLabel: { color: theme.muted, fontSize: theme.fontSize },
      splitLine: { lineStyle: { color: theme.split } },
    },
    series: [
      {
        type: 'bar',
        id: 'values',
        barMaxWidth: 42,
        data: barData(rows, accent, [3, 3, 0, 0]),
        label: {
          show: true,
          position: 'top',
          color: theme.text,
          fontSize: theme.fontSize,
          formatter: (p: { dataIndex: number }) => {
            const row = rows[p.dataIndex]
            return row ? `${row.text}${row.demo ? `\n${DEMO_SUFFIX}` : ''}` : ''
          },
        },
        ...(target !== null ? targetMarkLine(theme, target, unit, 'insideEndTop') : {}),
      },
    ],
  }
}
