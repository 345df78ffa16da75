import { baseOption, dataIndexOf, demoDecal, tooltipHtml } from '@/lib/echarts/option-base'
import { DEMO_SUFFIX, DERIVED, targetText } from '@/lib/charts/chart-view'
import type { ChartOption } from '@/lib/echarts/types'
import type { ChartTheme } from '@/lib/theme/themes'
import { formatValue } from '@/lib/format'
import { attainment, formatAttainment } from '../compare-maths'
import type { FocusModel } from '../compare-model'
import { categoryZoom } from './zoom'

/** Bars in view at once; more scroll with the slider. */
export const RANKING_WINDOW = 20

export function rankLabel(rank: number | null): string {
  return rank === null ? '—' : String(rank)
}

/** "区内单位平均 86.8%(派生,8个单位)" */
export function averageText(focus: FocusModel): string | null {
  const { value, count, demo } = focus.average
  if (value === null) return null
  const text = formatValue(value, focus.indicator.unit).text
  return `区内单位平均 ${text}${DERIVED.slice(0, -1)},${count}个单位${demo ? ',含示例' : ''})`
}

/**
 * The selected units ranked best first by the indicator's direction, one horizontal bar each, with
 * the district's unit average and the target as lines. A unit with no value keeps its row at the
 * end and says 无数据; demo bars are hatched and labelled 示例.
 */
export function buildRankingOption(
  focus: FocusModel,
  theme: ChartTheme,
  accent: string,
): ChartOption {
  const rows = focus.ranking
  const { indicator, target } = focus
  const avg = averageText(focus)
  const marks = [
    ...(focus.average.value !== null
      ? [
          {
            name: 'average',
            xAxis: focus.average.value,
            lineStyle: { color: theme.muted, type: 'dashed' as const, width: 1.5 },
            label: {
              formatter: `平均 ${formatValue(focus.average.value, indicator.unit).text}`,
              color: theme.muted,
              position: 'end' as const,
            },
          },
        ]
      : []),
    ...(target !== null
      ? [
          {
            name: 'target',
            xAxis: target.value,
            lineStyle: { color: theme.met, type: 'dashed' as const, width: 1.5 },
            label: {
              formatter: targetText(target, indicator.unit),
              color: theme.met,
              position: 'start' as const,
            },
          },
        ]
      : []),
  ]
  return {
    ...baseOption(theme, rows.length),
    grid: {
      left: 8,
      right: rows.length > RANKING_WINDOW ? 150 : 130,
      top: 26,
      bottom: 26,
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
        const a = attainment(row.cell.value, target?.value ?? null, indicator.direction)
        return tooltipHtml(row.org.name, [
          `${focus.year}年 ${row.cell.text}${row.cell.demo ? ` ${DEMO_SUFFIX}` : ''}`,
          `排名 ${rankLabel(row.rank)} / ${rows.filter((r) => r.rank !== null).length}`,
          ...(target !== null
            ? [
                `${targetText(target, indicator.unit)},达成度 ${formatAttainment(a)}${DERIVED}${target.demo ? DEMO_SUFFIX : ''}`,
              ]
            : []),
          ...(avg ? [avg] : []),
        ])
      },
    },
    // Every bar carries its value; the axis labels would collide with the average line's label.
    xAxis: {
      type: 'value',
      axisLabel: { show: false },
      splitLine: { lineStyle: { color: theme.split } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => `${rankLabel(r.rank)}. ${r.org.shortName}`),
      axisLine: { lineStyle: { color: theme.axis } },
      axisTick: { show: false },
      axisLabel: { color: theme.text, fontSize: theme.fontSize, fontFamily: theme.fontFamily },
    },
    dataZoom: categoryZoom('y', rows.length, RANKING_WINDOW, theme),
    series: [
      {
        type: 'bar',
        id: 'ranking',
        name: indicator.shortName,
        barMaxWidth: 18,
        data: rows.map((r) => ({
          value: r.cell.value ?? '-',
          itemStyle: {
            color: accent,
            opacity: r.cell.demo ? 0.6 : 1,
            borderRadius: [0, 3, 3, 0],
            ...(r.cell.demo ? { decal: demoDecal() } : {}),
          },
        })),
        label: {
          show: true,
          position: 'right',
          color: theme.text,
          fontSize: theme.fontSize,
          formatter: (p: { dataIndex: number }) => {
            const r = rows[p.dataIndex]
            return r ? `${r.cell.text}${r.cell.demo ? DEMO_SUFFIX : ''}` : ''
          },
        },
        markLine: { silent: true, symbol: 'none', data: marks },
      },
    ],
  }
}
