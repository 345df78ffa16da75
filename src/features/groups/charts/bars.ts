import { baseOption } from '@/lib/echarts/option-base'
import { DEMO_SUFFIX } from '@/lib/charts/chart-view'
import type { ChartTheme } from '@/lib/theme/themes'
import type { ChartOption } from '@/lib/echarts/types'
import { barData, rowsTooltip, type ChartRow } from './chart-rows'

/**
 * Counts as horizontal bars, largest first as given, each labelled with its value, qualifier and
 * unit; rows with no value keep their place and say 无数据 instead of drawing a zero.
 */
/** About how wide a label is drawn (its widest line): CJK a full em, digits and Latin about half. */
export function labelWidth(text: string, fontSize: number): number {
  let widest = 0
  for (const line of text.split('\n')) {
    let ems = 0
    for (const ch of line) ems += ch.charCodeAt(0) >= 0x2e80 ? 1 : 0.6
    widest = Math.max(widest, ems)
  }
  return Math.ceil(widest * fontSize)
}

/** The widest value label a bar chart makes room for, in px (the bars keep the rest). */
export const MAX_LABEL_ROOM = 120

/**
 * A figure's period goes on a line of its own under it, short: "283份" / "2012年以来累计",
 * "169件" / "近3年" (the years are in the tooltip and the table).
 */
const labelOf = (row: ChartRow) =>
  `${row.text.replace(/ · ([^(]*).*$/, '\n$1')}${row.demo ? DEMO_SUFFIX : ''}`

export function buildBarsOption(rows: ChartRow[], theme: ChartTheme, accent: string): ChartOption {
  // Room on the right for the widest value label (2012年以来累计), so none is clipped; at
  // most MAX_LABEL_ROOM, beyond which a label from odd data ends in … (the tooltip has it whole).
  const room = Math.max(...rows.map((r) => labelWidth(labelOf(r), theme.fontSize)))
  const labelRoom = Math.min(MAX_LABEL_ROOM, Math.max(72, room))
  const right = labelRoom + 12
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
        data: barData(rows, accent, [0, 3, 3, 0]),
        label: {
          show: true,
          position: 'right',
          width: labelRoom,
          overflow: 'truncate',
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
