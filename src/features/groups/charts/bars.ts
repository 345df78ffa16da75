import { baseOption, labelWidth } from '@/lib/echarts/option-base'
import { DEMO_SUFFIX } from '@/lib/charts/chart-view'
import type { ChartTheme } from '@/lib/theme/themes'
import type { ChartOption } from '@/lib/echarts/types'
import { barData, rowsTooltip, type ChartRow } from './chart-rows'

/** The room right of the bars for their value labels (3815件, 240余次), in px. */
export const LABEL_ROOM = 84
/** The widest period line a bar chart makes room for (2024年单次事件), in px. */
export const MAX_PERIOD_ROOM = 120

/**
 * A figure's period goes on a line of its own under it, short: "283份" / "2012年以来累计",
 * "169件" / "近3年" (the years are in the tooltip and the table).
 */
const labelOf = (row: ChartRow) =>
  `${row.text.replace(/ · ([^(]*).*$/, '\n$1')}${row.demo ? DEMO_SUFFIX : ''}`

/**
 * Counts as horizontal bars, largest first as given, each labelled with its value, qualifier and
 * unit; rows with no value keep their place and say 无数据 instead of drawing a zero.
 */
export function buildBarsOption(rows: ChartRow[], theme: ChartTheme, accent: string): ChartOption {
  // More room on the right only for a period line (2012年以来累计), so it is not clipped; a
  // value label of odd data never takes the bars' place (it may run off, as before).
  const periods = rows.flatMap((r) => labelOf(r).split('\n').slice(1))
  const right = Math.max(
    LABEL_ROOM,
    ...periods.map((p) => Math.min(MAX_PERIOD_ROOM, labelWidth(p, theme.fontSize)) + 12),
  )
  return {
    ...baseOption(theme),
    grid: { left: 8, right, top: 8, bottom: 8, containLabel: true },
    tooltip: rowsTooltip(rows, theme),
    xAxis: {
      type: 'value',
      axisLabel: { show: false },
      splitLine: { lineStyle: { color: theme.split } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => r.label),
      axisLine: { lineStyle: { color: theme.axis } },
      axisTick: { show: false },
      axisLabel: { color: theme.text, fontSize: theme.fontSize, fontFamily: theme.fontFamily },
    },
    series: [
      {
        type: 'bar',
        id: 'values',
        barMaxWidth: 18,
        data: barData(rows, accent, [0, 3, 3, 0], theme.muted),
        label: {
          show: true,
          position: 'right',
          color: theme.text,
          fontSize: theme.fontSize,
          fontFamily: theme.fontFamily,
          formatter: (p: { dataIndex: number }) => {
            const row = rows[p.dataIndex]
            return row ? labelOf(row) : ''
          },
        },
      },
    ],
  }
}
