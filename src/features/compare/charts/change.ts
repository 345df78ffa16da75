import {
  baseOption,
  dataIndexOf,
  demoDecal,
  tooltipHtml,
  withNarrow,
} from '@/lib/echarts/option-base'
import { DEMO_SUFFIX } from '@/lib/charts/chart-view'
import type { ChartOption } from '@/lib/echarts/types'
import type { ChartTheme } from '@/lib/theme/themes'
import {
  changeArrow,
  changeUnit,
  describeChange,
  formatDelta,
  formatPct,
  type ChangeTone,
} from '../compare-maths'
import type { ChangeRow, FocusModel } from '../compare-model'
import { categoryZoom } from './zoom'

export const CHANGE_WINDOW = 20

export function toneColor(tone: ChangeTone, theme: ChartTheme): string {
  if (tone === 'better') return theme.met
  if (tone === 'worse') return theme.below
  return theme.muted
}

/** "▲ +12次(+3.2%)", "▼ -1.5个百分点(-1.6%)", 无数据 */
export function changeLabel(row: ChangeRow, unit: string): string {
  const c = row.change
  if (c.delta === null) return '无数据'
  return `${changeArrow(c)} ${formatDelta(c, unit)}(${formatPct(c)})${c.demo ? DEMO_SUFFIX : ''}`
}

/** "▲ +5.6(示例)": the change without its unit (the axis names it) and percentage, for a narrow chart. */
export function shortChangeLabel(row: ChangeRow): string {
  const c = row.change
  if (c.delta === null) return '无数据'
  return `${changeArrow(c)} ${formatDelta(c, '')}${c.demo ? DEMO_SUFFIX : ''}`
}

/**
 * Year-over-year change per organisation as diverging bars: the arrow says which way the value
 * moved, the colour whether that is better (green-cyan) or worse (amber) for this indicator —
 * lower can be better. Either year a demo value: the bar is hatched and labelled 示例. No value in
 * either year: no bar, 无数据.
 */
export function buildChangeOption(focus: FocusModel, theme: ChartTheme): ChartOption {
  const rows = focus.changes
  const { indicator } = focus
  const option: ChartOption = {
    ...baseOption(theme, rows.length),
    grid: {
      left: 8,
      right: rows.length > CHANGE_WINDOW ? 220 : 200,
      top: 8,
      bottom: 8,
      containLabel: true,
    },
    tooltip: {
      ...baseOption(theme).tooltip,
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (p: unknown) => {
        const i = dataIndexOf(p)
        const row = i === undefined ? undefined : rows[i]
        if (!row) return ''
        return tooltipHtml(row.org.name, [
          `${row.change.baseYear}年 ${row.base.text}${row.base.demo ? ` ${DEMO_SUFFIX}` : ''}`,
          `${row.change.year}年 ${row.current.text}${row.current.demo ? ` ${DEMO_SUFFIX}` : ''}`,
          describeChange(row.change, indicator.unit),
        ])
      },
    },
    xAxis: {
      type: 'value',
      name: changeUnit(indicator.unit),
      nameTextStyle: { color: theme.muted },
      axisLabel: { color: theme.muted, fontSize: theme.fontSize },
      splitLine: { lineStyle: { color: theme.split } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => r.org.shortName),
      axisLine: { onZero: false, lineStyle: { color: theme.axis } },
      axisTick: { show: false },
      axisLabel: { color: theme.text, fontSize: theme.fontSize },
    },
    dataZoom: categoryZoom('y', rows.length, CHANGE_WINDOW, theme),
    series: [
      {
        type: 'bar',
        id: 'change',
        name: '同比增减',
        barMaxWidth: 16,
        data: rows.map((r) => ({
          value: r.change.delta ?? '-',
          itemStyle: {
            color: toneColor(r.change.tone, theme),
            opacity: r.change.demo ? 0.65 : 1,
            ...(r.change.demo ? { decal: demoDecal('rgba(0,0,0,0.45)') } : {}),
          },
        })),
        label: {
          show: true,
          position: 'right',
          color: theme.text,
          fontSize: theme.fontSize - 1,
          formatter: (p: { dataIndex: number }) => {
            const r = rows[p.dataIndex]
            return r ? changeLabel(r, indicator.unit) : ''
          },
        },
      },
    ],
  }
  // On a phone: short labels beside the bars, and names broken onto two lines, not cut.
  return withNarrow(option, {
    grid: { right: rows.length > CHANGE_WINDOW ? 120 : 100 },
    xAxis: { splitNumber: 2 },
    yAxis: { axisLabel: { width: 76, overflow: 'break', lineHeight: theme.fontSize + 2 } },
    series: [
      {
        id: 'change',
        label: {
          formatter: (p: { dataIndex: number }) => {
            const r = rows[p.dataIndex]
            return r ? shortChangeLabel(r) : ''
          },
        },
      },
    ],
  })
}
