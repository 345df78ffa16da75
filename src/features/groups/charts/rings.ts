import { baseOption, NARROW_CHART_PX } from '@/lib/echarts/option-base'
import type { ChartTheme } from '@/lib/theme/themes'
import type { ChartOption } from '@/lib/echarts/types'
import { targetText } from '@/lib/charts/chart-view'
import { rowTooltip, type ChartRow } from './chart-rows'

/**
 * Rates as rings against their target (gauges without pointers), side by side. A ring is green
 * when it meets its target, amber when below; with no target it takes the group's accent.
 */
/**
 * Ring radius as a fraction of half the container's shorter side, for a container of the given
 * aspect ratio (width / height): n rings must fit side by side (80% of each slot) and leave room
 * below for their names.
 */
export function ringRadius(n: number, aspect: number): number {
  const sideBySide = aspect >= 1 ? (0.8 * aspect) / n : 0.8 / n
  return Math.min(0.62, sideBySide)
}

const ASPECT_STEPS = [1, 1.25, 1.5, 1.75, 2, 2.25, 2.5, 3, 3.5, 4]
const pct = (f: number) => `${Math.floor(f * 1000) / 10}%`

export function buildRingsOption(rows: ChartRow[], theme: ChartTheme, accent: string): ChartOption {
  const n = Math.max(rows.length, 1)
  const ring = n >= 4 ? 8 : 10
  const radius = pct(ringRadius(n, 0))
  // ECharts media queries pick the radius for the container's actual aspect ratio; the largest
  // matching step wins, the base radius serves portrait containers.
  const detailSize = n >= 4 ? 16 : 18
  // Each state whole (centre, words' place, value size): ECharts does not undo the two-by-two
  // state below when a chart widens again, it only applies the queries that match then.
  const sideBySide = (radius: string) => ({
    series: rows.map((row, i) => ({
      id: row.id,
      radius,
      center: [`${(100 / n) * (i + 0.5)}%`, '42%'],
      title: { offsetCenter: [0, '138%'] },
      detail: { fontSize: detailSize },
    })),
  })
  const media: { query?: Record<string, number>; option: ChartOption }[] = [
    { option: sideBySide(radius) },
    ...ASPECT_STEPS.map((a) => ({
      query: { minAspectRatio: a },
      option: sideBySide(pct(ringRadius(n, a))),
    })),
  ]
  // Four rings in a narrow chart (a phone, a column of the overview) stand two by two, in an area
  // about three quarters as tall as wide (ChartPanel's tallWhenNarrow), the last query that matches wins: side
  // by side, a ring was narrower than its 100% and the names and targets ran into each other.
  if (n >= 4)
    media.push({
      query: { maxWidth: NARROW_CHART_PX },
      option: {
        series: rows.map((row, i) => ({
          id: row.id,
          center: [i % 2 === 0 ? '25%' : '75%', i < 2 ? '20%' : '64%'],
          radius: '28%',
          // The name and its target (two lines) clear of the ring, above the next row.
          title: { offsetCenter: [0, '155%'] },
          detail: { fontSize: Math.min(18, Math.max(13, theme.fontSize)) },
        })),
      },
    })
  return {
    media,
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
        // Nothing to draw for no value (or 0): the round cap alone was a coloured dot at twelve
        // o'clock, read as a small value beside 无数据.
        show: row.value !== null && row.value > 0,
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
        // The target's line, smaller: four of them side by side fit a desk panel and a phone.
        lineHeight: theme.fontSize + 4,
        rich: {
          target: {
            fontSize: Math.max(12, theme.fontSize - 2),
            lineHeight: theme.fontSize + 2,
            color: theme.muted,
          },
        },
      },
      detail: {
        show: true,
        offsetCenter: [0, 0],
        valueAnimation: false,
        fontSize: detailSize,
        fontWeight: 'bold',
        color: theme.text,
        fontFamily: theme.fontFamily,
        formatter: () => (row.demo ? `${row.text}\n示例` : row.text),
      },
      tooltip: {
        formatter: () =>
          rowTooltip(row, row.target !== null ? [targetText(row.target, row.unit)] : []),
      },
      // The target goes under the name: the ring's colour (met / below) is read against it, and a
      // demo target says so (目标 100%(示例)) — the ring alone showed a demo judgement unmarked.
      data: [
        {
          value: row.value ?? 0,
          name: row.target
            ? `${row.label}\n{target|${targetText(row.target, row.unit)}}`
            : row.label,
        },
      ],
    })),
  }
}
