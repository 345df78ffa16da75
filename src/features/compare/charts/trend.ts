import { baseOption, labelWidth, tooltipHtml, withNarrow } from '@/lib/echarts/option-base'
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

/** The narrowest trend chart a phone shows (a 360 px screen less the page's and panel's padding). */
const NARROWEST_PX = 300
/**
 * ECharts' legend: icon width, icon–text gap, gap between items, padding, and the space between
 * lines beyond the text's height (measured: lines 22 px apart at 14 px).
 */
const LEGEND = { icon: 25, iconGap: 5, gap: 10, padding: 5, lineGap: 8 }

/**
 * The height of a plain (wrapping) legend of `names` in a chart `width` px wide, as ECharts lays
 * it out: items left to right, a new line when the next one does not fit.
 */
export function legendHeight(names: readonly string[], fontSize: number, width: number): number {
  const room = width - 2 * LEGEND.padding
  const lineHeight = Math.max(14, fontSize)
  let lines = 1
  let x = 0
  for (const name of names) {
    const w = LEGEND.icon + LEGEND.iconGap + labelWidth(name, fontSize)
    if (x > 0 && x + LEGEND.gap + w > room) {
      lines += 1
      x = w
    } else x += (x > 0 ? LEGEND.gap : 0) + w
  }
  return 2 * LEGEND.padding + lines * lineHeight + (lines - 1) * LEGEND.lineGap
}

/**
 * Trend lines over the selected years, one per organisation (at most TREND_LINES: the district
 * and the best ranked units). A missing year is a gap, never a drop to 0; demo points are hollow
 * and named 示例 in the tooltip.
 */
export function buildTrendOption(focus: FocusModel, theme: ChartTheme): ChartOption {
  const { indicator, target, years, orgs, cells, trendOrgs } = focus
  const names = trendOrgs.map((i) => orgs[i]!.shortName)
  const legend = {
    top: 0,
    textStyle: { color: theme.text, fontSize: theme.fontSize },
    data: names,
  }
  const option: ChartOption = {
    ...baseOption(theme, trendOrgs.length * years.length),
    color: LINE_COLORS,
    grid: { left: 8, right: 24, top: 44, bottom: 8, containLabel: true },
    legend: { ...legend, type: 'scroll', pageTextStyle: { color: theme.muted } },
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
  // On a phone every name shows at once, on as many lines as it takes: the scrolling legend
  // showed two names and half of a third under its pager (1/7). Another type of legend is a new
  // component to ECharts, so it is given in full.
  return withNarrow(option, {
    legend: { ...legend, type: 'plain' },
    grid: { top: legendHeight(names, theme.fontSize, NARROWEST_PX) + 20 },
    series: [],
  })
}
