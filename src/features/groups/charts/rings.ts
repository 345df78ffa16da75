import type { ChartTheme } from '@/lib/echarts/theme'
import type { ChartOption } from '@/lib/echarts/types'
import type { ChartRow } from './chart-rows'
import { baseOption, rowTooltip } from './common'

/**
 * Rates as rings against their target (gauges without pointers), side by side. A ring is green
 * when it meets its target, amber when below; with no target it takes the group's accent.
 */
export function buildRingsOption(rows: ChartRow[], theme: ChartTheme, accent: string): ChartOption {
  const n = Math.max(rows.length, 1)
  // Percent of half the shorter side (the height here); sized so n rings fit side by side.
  const radius = n >= 4 ? '38%' : n === 3 ? '46%' : '54%'
  const ring = n >= 4 ? 8 : 10
  return {
    ...baseOption(theme),
    tooltip: { ...baseOption(theme).tooltip, trigger: 'item' },
    series: rows.map((row, i) => ({
      type: 'gauge' as const,
      id: row.id,
      name: row.label,
      center: [`${(100 / n) * (i + 0.5)}%`, '42%'],
      radius,
      startAngle: 90,
      endAngle: -270,
      min: 0,
      max: 100,
      pointer: { show: false },
      progress: {
        show: true,
        roundCap: true,
        width: ring,
        itemStyle: {
          color: row.met === true ? theme.met : row.met === false ? theme.below : accent,
          opacity: row.demo ? 0.6 : 1,
        },
      },
      axisLine: { lineStyle: { width: ring, color: [[1, theme.track]] } },
      splitLine: { show: false },
      axisTick: { show: false },
      axisLabel: { show: false },
      anchor: { show: false },
      title: {
        show: true,
        offsetCenter: [0, '138%'],
        color: theme.muted,
        fontSize: theme.fontSize,
        fontFamily: theme.fontFamily,
      },
      detail: {
        show: true,
        offsetCenter: [0, 0],
        valueAnimation: false,
        fontSize: n >= 4 ? 16 : 18,
        fontWeight: 'bold',
        color: theme.text,
        fontFamily: theme.fontFamily,
        formatter: () => (row.demo ? `${row.text}\n示例` : row.text),
      },
      tooltip: {
        formatter: () =>
          rowTooltip(row, row.target !== null ? [`目标 ${row.target}${row.unit}`] : []),
      },
      data: [{ value: row.value ?? 0, name: row.label }],
    })),
  }
}
