import {
  baseOption,
  dataIndexOf,
  demoDecal,
  tooltipHtml,
  namesAxis,
  withNarrow,
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
  const option: ChartOption = {
    ...baseOption(theme, orgs.length * years.length),
    color: colors,
    grid: {
      left: 8,
      right: target === null ? 16 : target.demo ? 118 : 72,
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
      (name) => (empty.has(name) ? `${name}\n无数据` : name),
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
  // On a phone the target's words go above its line, inside the plot: the room kept for them at
  // the right left the bars a third of the width.
  if (target === null || years.length === 0) return option
  return withNarrow(option, {
    grid: { right: 16 },
    series: [{ id: `year-${years[0]}`, markLine: { label: { position: 'insideEndTop' } } }],
  })
}
