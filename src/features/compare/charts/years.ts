import {
  baseOption,
  dataIndexOf,
  demoDecal,
  tooltipHtml,
  namesAxis,
  NARROW_CHART_PX,
  twoLines,
} from '@/lib/echarts/option-base'
import { DEMO_SUFFIX, targetMarkLine } from '@/lib/charts/chart-view'
import type { ChartOption } from '@/lib/echarts/types'
import type { ChartTheme } from '@/lib/theme/themes'
import type { FocusModel } from '../compare-model'
import { categoryZoom } from './zoom'

/** Colours of the years, oldest faintest. No green or amber: those mean met / below target. */
const YEAR_COLORS = [
  '#2f5fb3',
  '#3b78d8',
  '#4f9dff',
  '#7fb8ff',
  '#a9cfff',
  '#8c6cf0',
  '#b48cff',
  '#3cc8f0',
  '#7fdcff',
  '#c9e6ff',
]

export function yearColors(n: number): string[] {
  // The latest year is the brightest blue; earlier ones step back.
  const start = Math.max(0, 5 - n)
  return Array.from({ length: n }, (_, i) => YEAR_COLORS[(start + i) % YEAR_COLORS.length]!)
}

/** Organisations in view at once for `years` bars each. */
export function yearsWindow(years: number): number {
  return Math.max(2, Math.floor(48 / Math.max(years, 1)))
}

/** Room along the axis between one organisation's name and the next one's, px. */
const NAME_GAP = 4

/**
 * About how wide a name is drawn (its widest line), px: CJK a full em, brackets a third, digits and
 * Latin about half. Closer than labelWidth's rule for brackets: 生态环境 / (示例单位) under each of
 * eight groups fits a panel at 1920×1080 (72 px a group) by a few px.
 */
function nameWidth(text: string, fontSize: number): number {
  let widest = 0
  for (const line of text.split('\n')) {
    let ems = 0
    for (const ch of line) ems += ch.charCodeAt(0) >= 0x2e80 ? 1 : '()[]'.includes(ch) ? 0.34 : 0.6
    widest = Math.max(widest, ems)
  }
  return Math.ceil(widest * fontSize)
}

/**
 * Grouped bars: one group per organisation, one bar per selected year. Demo bars are hatched; a
 * missing year draws nothing (not a zero). The target is a dashed line.
 */
export function buildYearsOption(focus: FocusModel, theme: ChartTheme): ChartOption {
  const { indicator, target, orgs, years, cells } = focus
  const colors = yearColors(years.length)
  const win = yearsWindow(years.length)
  const empty = new Set(
    orgs.filter((_, i) => cells[i]!.every((c) => c.value === null)).map((o) => o.shortName),
  )
  // Every name shows whole: its note (示例单位) on a line of its own, 无数据 under an empty slot.
  const label = (name: string) => `${twoLines(name)}${empty.has(name) ? '\n无数据' : ''}`
  // The target's words stand right of the plot, or (narrow: NARROW_CHART_PX) above its line.
  const wideRight = target === null ? 16 : target.demo ? 118 : 72
  const rightAt = (width: number) => (width > NARROW_CHART_PX ? wideRight : 16)
  const option: ChartOption = {
    ...baseOption(theme, orgs.length * years.length),
    color: colors,
    grid: {
      left: 8,
      right: wideRight,
      top: 40,
      bottom: orgs.length > win ? 30 : 8,
      containLabel: true,
    },
    legend: {
      top: 0,
      left: 'center',
      type: 'scroll',
      textStyle: { color: theme.text, fontSize: theme.fontSize },
      pageTextStyle: { color: theme.muted },
      data: years.map((y) => `${y}年`),
    },
    tooltip: {
      ...baseOption(theme).tooltip,
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (p: unknown) => {
        const i = dataIndexOf(p)
        const org = i === undefined ? undefined : orgs[i]
        if (!org || i === undefined) return ''
        return tooltipHtml(
          org.name,
          years.map((y, j) => {
            const c = cells[i]![j]!
            return `${y}年 ${c.text}${c.demo ? ` ${DEMO_SUFFIX}` : ''}`
          }),
        )
      },
    },
    // An organisation with no value in any selected year says so under its empty slot.
    xAxis: namesAxis(
      theme,
      orgs.map((o) => o.shortName),
      label,
    ),
    yAxis: {
      type: 'value',
      axisLabel: { color: theme.muted, fontSize: theme.fontSize },
      splitLine: { lineStyle: { color: theme.split } },
    },
    dataZoom: categoryZoom('x', orgs.length, win, theme),
    // Two series per year, stacked into one bar slot: reported values and demo values (hatched).
    // Plain arrays with the style on the series, not an object per bar: 10,000 bars at city
    // scale stay cheap to update. They share the year's name, so one legend entry toggles both.
    series: years.flatMap((y, j) =>
      ([false, true] as const).map((demo) => ({
        type: 'bar' as const,
        id: `year-${y}${demo ? '-demo' : ''}`,
        name: `${y}年`,
        stack: `year-${y}`,
        barMaxWidth: 22,
        barGap: '10%',
        itemStyle: {
          color: colors[j],
          opacity: demo ? 0.7 : 1,
          borderRadius: [2, 2, 0, 0],
          ...(demo ? { decal: demoDecal('rgba(255,255,255,0.55)') } : {}),
        },
        data: orgs.map((_, i) => {
          const c = cells[i]![j]!
          return c.value !== null && c.demo === demo ? c.value : '-'
        }),
        ...(j === 0 && !demo && target !== null
          ? targetMarkLine(theme, target, indicator.unit)
          : {}),
      })),
    ),
  }
  if (years.length === 0) return option
  // Left of the plot: the chart's edge (8 px), the value axis's labels and their margin (8 px).
  const values = cells.flat().map((c) => c.value ?? 0)
  const top = Math.max(1, target?.value ?? 0, ...values)
  const axisRoom = 16 + nameWidth(String(Math.round(top * 1.2)), theme.fontSize)
  return {
    ...option,
    media: yearsMedia(option, label, rightAt, wideRight, win, axisRoom, theme),
  }
}

/**
 * The chart's states by its width, as ECharts media queries on the chart's own width (applied on
 * every resize). Narrower than NARROW_CHART_PX (a phone, a panel at 1366×768) the target's words
 * go above its line, inside the plot: the room kept for them at the right left the bars a third of
 * the width. And at every width only as many organisations stand in view as have room for their
 * names (the dataZoom slider moves through the rest): a name wider than its group hid its
 * neighbours. Each state is whole (grid, zoom, series) and there is a default one: ECharts does not
 * restore the base option when a query stops matching, so a chart widened again keeps its room.
 * The charts set their options with series replaced (`replaceMerge`, echart-impl.tsx), and ECharts
 * merges a media option the same way: each state names every series by id (see withNarrow).
 */
function yearsMedia(
  option: ChartOption,
  label: (name: string) => string,
  rightAt: (width: number) => number,
  wideRight: number,
  win: number,
  axisRoom: number,
  theme: ChartTheme,
): NonNullable<ChartOption['media']> {
  const names = (option.xAxis as { data: string[] }).data
  const series = [option.series ?? []].flat() as { id?: string; markLine?: { label?: object } }[]
  const room = Math.max(0, ...names.map((n) => nameWidth(label(n), theme.fontSize))) + NAME_GAP
  const most = Math.min(names.length, win)
  const shownAt = (width: number) =>
    Math.max(2, Math.min(most, Math.floor((width - axisRoom - rightAt(width)) / room)))
  const state = (width: number): ChartOption => {
    const shown = shownAt(width)
    const narrow = width <= NARROW_CHART_PX
    return {
      grid: { right: rightAt(width), bottom: names.length > shown ? 30 : 8 },
      dataZoom: categoryZoom('x', names.length, shown, theme),
      series: series.map((s) =>
        s.markLine
          ? {
              id: s.id,
              markLine: {
                label: { ...s.markLine.label, position: narrow ? 'insideEndTop' : 'end' },
              },
            }
          : { id: s.id },
      ),
    }
  }
  // Where the count in view changes: one px under the narrowest chart with room for `n`, both
  // narrow (less room kept at the right) and wide. Between two of them the state is the same.
  const limits = new Set([NARROW_CHART_PX])
  for (let n = 3; n <= most; n++) {
    const narrow = n * room + axisRoom + rightAt(0) - 1
    const wide = n * room + axisRoom + wideRight - 1
    if (narrow <= NARROW_CHART_PX) limits.add(narrow)
    if (wide > NARROW_CHART_PX) limits.add(wide)
  }
  return [
    { option: state(Infinity) },
    // The narrowest last: of the queries that match, ECharts applies the last one over the others.
    ...[...limits]
      .filter((w) => w > 0)
      .sort((a, b) => b - a)
      .map((maxWidth) => ({ query: { maxWidth }, option: state(maxWidth) })),
  ]
}
