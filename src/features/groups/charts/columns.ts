import { baseOption, labelWidth, namesAxis, twoLines, withNarrow } from '@/lib/echarts/option-base'
import type { ShownTarget } from '@/domain/targets'
import { DEMO_SUFFIX, targetMarkLine, targetText } from '@/lib/charts/chart-view'
import type { ChartTheme } from '@/lib/theme/themes'
import type { ChartOption } from '@/lib/echarts/types'
import { barData, rowsTooltip, type ChartRow } from './chart-rows'

/**
 * Columns along a category axis: one indicator across years, or across organisations. Demo
 * columns are hatched and labelled 示例; a target, where there is one, is a dashed line, its words
 * right of the plot (over it they sat on the last column's label when the values meet the target).
 */
export function buildColumnsOption(
  rows: ChartRow[],
  theme: ChartTheme,
  accent: string,
  target: ShownTarget | null,
  unit: string,
): ChartOption {
  const targetRoom = target === null ? 0 : labelWidth(targetText(target, unit), theme.fontSize) + 10
  const names = rows.map((r) => r.label)
  const valueLabel = (sep: string) => (p: { dataIndex: number }) => {
    const row = rows[p.dataIndex]
    return row ? `${row.text}${row.demo ? `${sep}${DEMO_SUFFIX}` : ''}` : ''
  }
  const valueAxis = {
    type: 'value' as const,
    axisLabel: { color: theme.muted, fontSize: theme.fontSize },
    splitLine: { lineStyle: { color: theme.split } },
  }
  // Every name shows: a long one (生态环境(示例单位)) on two lines; hidden only if still too wide.
  const categoryAxis = namesAxis(theme, names, twoLines)
  const option: ChartOption = {
    ...baseOption(theme),
    grid: { left: 8, right: Math.max(16, targetRoom), top: 28, bottom: 8, containLabel: true },
    tooltip: rowsTooltip(rows, theme),
    xAxis: categoryAxis,
    yAxis: valueAxis,
    series: [
      {
        type: 'bar',
        id: 'values',
        barMaxWidth: 42,
        data: barData(rows, accent, [3, 3, 0, 0], theme.muted),
        label: {
          show: true,
          position: 'top',
          color: theme.text,
          fontSize: theme.fontSize,
          formatter: valueLabel('\n'),
        },
        ...(target !== null ? targetMarkLine(theme, target, unit) : {}),
      },
    ],
  }
  // On a phone the columns lie down: eight names side by side took 40 px each (half of them were
  // hidden) and the value labels ran into each other. Names at the left, values right of the bars,
  // the target's words above the plot. Another type of axis is a new component to ECharts, so
  // the axes are given in full.
  const oneLine = valueLabel('')
  const longestValue = Math.max(
    0,
    ...rows.map((_, i) => labelWidth(oneLine({ dataIndex: i }), theme.fontSize)),
  )
  const targetLine = target === null ? null : targetMarkLine(theme, target, unit).markLine
  return withNarrow(option, {
    grid: {
      left: 8,
      right: Math.min(120, longestValue + 12),
      top: target === null ? 8 : 28,
      bottom: 8,
      containLabel: true,
    },
    // Few ticks: the plot is ~100 px wide, and every bar carries its value.
    xAxis: {
      ...valueAxis,
      splitNumber: 2,
      axisLabel: { ...valueAxis.axisLabel, hideOverlap: true },
    },
    // Names on one line, a size smaller: two lines each do not fit eight rows in the panel.
    yAxis: {
      ...categoryAxis,
      inverse: true,
      axisLabel: {
        ...categoryAxis.axisLabel,
        fontSize: Math.max(12, theme.fontSize - 2),
        formatter: (name: string) => name,
      },
    },
    series: [
      {
        id: 'values',
        barMaxWidth: 24,
        data: barData(rows, accent, [0, 3, 3, 0], theme.muted),
        label: { position: 'right', formatter: oneLine },
        ...(target !== null && targetLine
          ? {
              markLine: {
                ...targetLine,
                // The inverted axis starts at the top: the words stand above the plot.
                label: { ...targetLine.label, position: 'start' },
                data: [{ xAxis: target.value }],
              },
            }
          : {}),
      },
    ],
  })
}
