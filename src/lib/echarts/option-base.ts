import { escapeHtml } from '@/lib/escape-html'
import type { ChartTheme } from '@/lib/theme/themes'
import type { ChartOption } from './types'

/** Above this many data items a chart does not animate: updates must be quick at city scale. */
const ANIMATION_LIMIT = 400
/** The entrance of the page's first charts, ms. */
const ENTRANCE_MS = 600
/** An update's morph, and the entrance of a chart that appears later (src/lib/echarts/echart-impl.tsx), ms. */
export const UPDATE_MS = 150

/**
 * The one base of every chart option, whatever its feature: the theme's text style and tooltip
 * look, a short entrance and in-place morphing updates (none above ANIMATION_LIMIT data items).
 * Features spread it into their own options. The update morph is short (150 ms): a year or unit
 * change settles with it, and on a slow office PC the work before it already takes its share of
 * the 300 ms budget (docs/performance.md). The entrance does not delay the first drawn frame:
 * ECharts paints its first frame (axes, tracks, labels) as the animation starts.
 */
export function baseOption(theme: ChartTheme, items = 0) {
  return {
    backgroundColor: 'transparent',
    textStyle: { fontFamily: theme.fontFamily, fontSize: theme.fontSize, color: theme.text },
    animation: items <= ANIMATION_LIMIT,
    animationDuration: ENTRANCE_MS,
    animationDurationUpdate: UPDATE_MS,
    tooltip: {
      confine: true,
      backgroundColor: theme.tooltipBg,
      borderColor: theme.tooltipBorder,
      textStyle: { color: theme.text, fontSize: 16, fontFamily: theme.fontFamily },
    },
  }
}

/**
 * A category axis of names (organisations, years), every name shown unless they would overlap,
 * no ticks. `formatter` may put a name on two lines or add a note under it.
 */
/** A category's name on two lines when it ends in a note: 市场监管 / (示例单位). */
export const twoLines = (name: string) => name.replace(/^(.+?)((?:\(|（).+)$/, '$1\n$2')

export function namesAxis(
  theme: ChartTheme,
  names: string[],
  formatter?: (name: string) => string,
) {
  return {
    type: 'category' as const,
    data: names,
    axisLine: { lineStyle: { color: theme.axis } },
    axisTick: { show: false },
    axisLabel: {
      color: theme.text,
      fontSize: theme.fontSize,
      interval: 0,
      hideOverlap: true,
      ...(formatter && { formatter }),
    },
  }
}

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

/** A chart narrower than this (its own width, px: a panel on a phone) takes its narrow overrides. */
export const NARROW_CHART_PX = 480

type SeriesOf<O> = O extends { series?: infer S } ? (S extends readonly (infer T)[] ? T : S) : never

/**
 * `option` with overrides for when the chart is narrow: an ECharts media query on the chart's own
 * width, applied on every resize (shorter labels, names broken onto two lines, less room kept at
 * the sides). Exports render wide and never take them. The charts set their options with series
 * replaced (`replaceMerge`, echart-impl.tsx), and ECharts merges a media option the same way: so
 * the media option names every series of `option` by id (each needs one), with the overrides of
 * those it changes — a series it left out would be removed.
 */
export function withNarrow(option: ChartOption, overrides: ChartOption): ChartOption {
  const given = (overrides.series ?? []) as SeriesOf<ChartOption>[]
  const base = [option.series ?? []].flat() as SeriesOf<ChartOption>[]
  const series = base.map((s) => {
    if (s.id === undefined) throw new Error('withNarrow: every series needs an id')
    return given.find((o) => o.id === s.id) ?? { id: s.id }
  })
  // ECharts does not undo a media option when its query stops matching (a window widened, a
  // tablet turned): the default one, used when no query matches, puts back what the overrides
  // changed.
  const { series: _series, ...components } = overrides
  const restore: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(components)) {
    restore[key] = restoring(value, (option as Record<string, unknown>)[key])
  }
  return {
    ...option,
    media: [
      {
        option: {
          ...restore,
          series: series.map(({ id, ...changed }) => ({
            id,
            ...(restoring(
              changed,
              base.find((s) => s.id === id),
            ) as object),
          })),
        },
      },
      { query: { maxWidth: NARROW_CHART_PX }, option: { ...overrides, series } },
    ],
  }
}

const isPlain = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * What puts `base` back over a chart that took `override`: base's value for each key the override
 * set (null where base has none, which ECharts takes as unset); a component of another type (a
 * category axis that became a value axis) whole, as ECharts makes it anew.
 */
function restoring(override: unknown, base: unknown): unknown {
  if (!isPlain(override) || !isPlain(base)) return base ?? null
  if ('type' in override && override.type !== base.type) return base
  return Object.fromEntries(Object.keys(override).map((k) => [k, restoring(override[k], base[k])]))
}

/** Diagonal hatching for demo bars and areas: demo values are marked without relying on colour. */
export function demoDecal(color = 'rgba(255,255,255,0.5)') {
  return {
    symbol: 'rect',
    symbolSize: 1,
    color,
    dashArrayX: [1, 0],
    dashArrayY: [3, 5],
    rotation: -Math.PI / 4,
  }
}

/**
 * Tooltip HTML: a bold title and lines. ECharts renders tooltips as HTML, so every piece of data
 * is escaped here; the markup around it is ours.
 */
export function tooltipHtml(title: string, lines: string[]): string {
  return [`<strong>${escapeHtml(title)}</strong>`, ...lines.map(escapeHtml)].join('<br/>')
}

/** The data index behind an axis or item tooltip's (or label's) params. */
export function dataIndexOf(params: unknown): number | undefined {
  const first = (Array.isArray(params) ? params[0] : params) as { dataIndex?: unknown } | undefined
  return typeof first?.dataIndex === 'number' ? first.dataIndex : undefined
}
