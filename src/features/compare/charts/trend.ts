import { baseOption, tooltipHtml } from '@/lib/echarts/option-base'
import { DEMO_SUFFIX, targetMarkLine } from '@/lib/charts/chart-view'
import type { ChartOption } from '@/lib/echarts/types'
import type { ChartTheme } from '@/lib/theme/themes'
import type { FocusModel } from '../compare-model'

/** Line colours; no green or amber, which mean met / below target. */
const LINE_COLORS = [
  '#4f9dff',
  '#ff8fab',
  '#b48cff',
  '#3cc8f0',
  '#d0d8ff',
  '#8c6cf0',
  '#9db7d8',
  '#6f7dff',
  '#e2a6ff',
  '#7fdcff',
]

/**
 * Trend lines over the selected years, one per organisation (at most TREND_LINES: the district
 * and the best ranked units). A missing year is a gap, never a drop to 0; demo points are hollow
 * and named 示例 in the tooltip.
 */
export function buildTrendOption(focus: FocusModel, theme: ChartTheme): ChartOption {
  const { indicator, target, years, orgs, cells, trendOrgs } = focus
  return {
    ...baseOption(theme, trendOrgs.length * years.length),
    color: LINE_COLORS,
    grid: { left: 8, right: 24, top: 44, bottom: 8, containLabel: true },
    legend: {
      top: 0,
      type: 'scroll',
      textStyle: { color: theme.text, fontSize: theme.fontSize },
      pageTextStyle: { color: theme.muted },
      data: trendOrgs.map((i) => orgs[i]!.shortName),
    },
    tooltip: {
      ...baseOption(theme).tooltip,
      trigger: 'axis',
      formatter: (p: unknown) => {
        const list = (Array.isArray(p) ? p : [p]) as { seriesIndex?: number; dataIndex?: number }[]
        const j = list[0]?.dataIndex
        if (j === undefined || years[j] === undefined) return ''
        return tooltipHtml(
          `${years[j]}年`,
          trendOrgs.map((i) => {
            const c = cells[i]![j]!
            return `${orgs[i]!.shortName} ${c.text}${c.demo ? ` ${DEMO_SUFFIX}` : ''}`
          }),
        )
      },
    },
    xAxis: {
      type: 'category',
      boundaryGap: false,
      data: years.map((y) => `${y}年`),
      axisLine: { lineStyle: { color: theme.axis } },
      axisLabel: { color: theme.text, fontSize: theme.fontSize },
    },
    yAxis: {
      type: 'value',
      scale: indicator.kind === 'rate',
      axisLabel: { color: theme.muted, fontSize: theme.fontSize },
      splitLine: { lineStyle: { color: theme.split } },
    },
    series: trendOrgs.map((i, n) => ({
      type: 'line' as const,
      id: `org-${orgs[i]!.id}`,
      name: orgs[i]!.shortName,
      connectNulls: false,
      symbolSize: 7,
      lineStyle: { width: 2 },
      data: cells[i]!.map((c) => ({
        value: c.value ?? '-',
        symbol: c.demo ? 'emptyCircle' : 'circle',
      })),
      ...(n === 0 && target !== null
        ? targetMarkLine(theme, target, indicator.unit, 'insideEndTop')
        : {}),
    })),
  }
}
