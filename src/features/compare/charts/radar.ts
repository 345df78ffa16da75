import { baseOption, demoDecal, tooltipHtml, withNarrow } from '@/lib/echarts/option-base'
import { DEMO_SUFFIX, DERIVED, targetText } from '@/lib/charts/chart-view'
import type { ChartOption } from '@/lib/echarts/types'
import type { ChartTheme } from '@/lib/theme/themes'
import { formatAttainment } from '../compare-maths'
import type { RadarModel } from '../compare-model'

/** The radar's outer ring: 150 % of target; more is drawn on the edge and written "≥…". */
export const RADAR_MAX = 150

/** An axis name: the short name, marked 示例 when its value or its target is demo data. */
export function radarAxisName(item: RadarModel['items'][number]): string {
  return `${item.indicator.shortName}${item.cell.demo || item.target.demo ? DEMO_SUFFIX : ''}`
}

/**
 * One organisation's indicators normalised to their targets (attainment, derived): 100 % is the
 * target ring. Demo values are named 示例 on their axis and the area is hatched when any is demo.
 */
export function buildRadarOption(
  radar: RadarModel,
  theme: ChartTheme,
  accent: string,
): ChartOption {
  const anyDemo = radar.items.some((i) => i.cell.demo || i.target.demo)
  const demoTargets = radar.items.some((i) => i.target.demo)
  const ring = `目标 100%${demoTargets ? DEMO_SUFFIX : ''}`
  const values = radar.items.map((i) => Math.min(i.attainment.percent ?? 0, RADAR_MAX))
  const option: ChartOption = {
    ...baseOption(theme, radar.items.length),
    legend: {
      bottom: 0,
      textStyle: { color: theme.text, fontSize: theme.fontSize },
      data: ['达成度', ring],
    },
    tooltip: {
      ...baseOption(theme).tooltip,
      trigger: 'item',
      formatter: (p: unknown) => {
        const name = (p as { seriesName?: string }).seriesName
        if (name !== '达成度') return tooltipHtml(ring, ['每个指标的目标值记为 100%'])
        return tooltipHtml(
          `${radar.org?.name ?? ''} ${radar.year}年 · 目标达成度${DERIVED}`,
          radar.items.map(
            (i) =>
              `${i.indicator.shortName}:${i.cell.text}${i.cell.demo ? DEMO_SUFFIX : ''},${targetText(i.target, i.indicator.unit)},达成度 ${formatAttainment(i.attainment)}`,
          ),
        )
      },
    },
    radar: {
      center: ['50%', '50%'],
      radius: '62%',
      startAngle: 90,
      splitNumber: 3,
      indicator: radar.items.map((i) => ({ name: radarAxisName(i), max: RADAR_MAX, min: 0 })),
      axisName: { color: theme.text, fontSize: theme.fontSize, fontFamily: theme.fontFamily },
      axisLine: { lineStyle: { color: theme.axis } },
      splitLine: { lineStyle: { color: theme.split } },
      splitArea: { show: false },
    },
    series: [
      {
        type: 'radar',
        id: 'target',
        name: ring,
        silent: false,
        symbol: 'none',
        lineStyle: { color: theme.met, type: 'dashed', width: 1.5 },
        itemStyle: { color: theme.met },
        data: [{ name: ring, value: radar.items.map(() => 100) }],
      },
      {
        type: 'radar',
        id: 'attainment',
        name: '达成度',
        symbol: 'circle',
        symbolSize: 6,
        lineStyle: { color: accent, width: 2, type: anyDemo ? 'dashed' : 'solid' },
        itemStyle: { color: accent },
        areaStyle: {
          color: accent,
          opacity: 0.25,
          ...(anyDemo ? { decal: demoDecal('rgba(255,255,255,0.35)') } : {}),
        },
        data: [{ name: '达成度', value: values }],
      },
    ],
  }
  // On a phone: a smaller web, and the indicators' names on short lines (the radar cuts its names
  // at the chart's edge; it breaks no line by itself).
  return withNarrow(option, {
    radar: { radius: '40%', axisName: { formatter: (name?: string) => shortLines(name ?? '') } },
  })
}

/** "执法考试通过率(示例)" → "执法考试通\n过率\n(示例)": lines of at most five characters, 示例 on its own. */
export function shortLines(name: string, size = 5): string {
  const demo = name.endsWith(DEMO_SUFFIX)
  const words = demo ? name.slice(0, -DEMO_SUFFIX.length) : name
  const lines: string[] = []
  for (let i = 0; i < words.length; i += size) lines.push(words.slice(i, i + size))
  if (demo) lines.push(DEMO_SUFFIX)
  return lines.join('\n')
}
