/**
 * What ECharts draws for an option, server-side (SVG renderer, no DOM): the chart tests read the
 * texts it lays out, to check what a user would see — a name cut at the edge, labels on top of
 * each other. Run such tests in Node (`// @vitest-environment node`): there ECharts measures text
 * itself instead of asking a canvas jsdom lacks.
 */
import { SVGRenderer } from 'echarts/renderers'
import { echarts } from '@/lib/echarts/core'
import type { ChartOption } from '@/lib/echarts/types'

echarts.use([SVGRenderer])

export interface Box {
  x: number
  y: number
  width: number
  height: number
  text: string
}

export interface Drawn {
  /** Every text drawn, with its box in the chart. */
  texts: Box[]
  /** Every polygon drawn (funnel steps, …), with its box; `text` is its name, if any. */
  polygons: Box[]
  /** Every ring or sector drawn (a gauge's track), with its box. */
  sectors: Box[]
  /** The pixel x of a point of the first grid (ECharts' own convertToPixel). */
  xOf: (point: [number | string, number | string]) => number
  /** The top of the first grid's plot area, px. */
  plotTop: number
}

/** What ECharts draws for `option` at `width`×`height` (server-side, SVG, no animation). */
export function draw(option: ChartOption, width: number, height: number): Drawn {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height })
  chart.setOption({ ...option, animation: false }, { replaceMerge: ['series'] })
  const texts: Box[] = []
  const polygons: Box[] = []
  const sectors: Box[] = []
  chart
    .getZr()
    .storage.getDisplayList(true)
    .forEach((el) => {
      if ((el.type === 'polygon' || el.type === 'sector') && !el.invisible && !el.ignore) {
        const box = el.getBoundingRect().clone()
        box.applyTransform(el.getComputedTransform())
        const drawn = { x: box.x, y: box.y, width: box.width, height: box.height, text: el.name }
        ;(el.type === 'polygon' ? polygons : sectors).push(drawn)
      }
      const text = (el as unknown as { style?: { text?: unknown } }).style?.text
      if (el.type !== 'tspan' && el.type !== 'text') return
      if (typeof text !== 'string' || text.trim() === '' || el.invisible || el.ignore) return
      const box = el.getBoundingRect().clone()
      box.applyTransform(el.getComputedTransform())
      texts.push({ x: box.x, y: box.y, width: box.width, height: box.height, text })
    })
  const xOf = (point: [number | string, number | string]) =>
    (chart.convertToPixel({ gridIndex: 0 }, point) as number[])[0]!
  // ECharts' model is not public API; the test reads the laid-out plot area from it.
  type Grid = { coordinateSystem: { getRect: () => { y: number } } }
  const model = (
    chart as unknown as { getModel: () => { getComponent: (t: string) => unknown } }
  ).getModel()
  const grid = model.getComponent('grid') as Grid | undefined
  return {
    texts,
    polygons,
    sectors,
    xOf,
    plotTop: grid?.coordinateSystem.getRect().y ?? NaN,
  }
}

/** The texts of `boxes` reaching past the left or right edge of a chart `width` px wide. */
export const outside = (boxes: Box[], width: number) =>
  boxes.filter((b) => b.x < -0.5 || b.x + b.width > width + 0.5).map((b) => b.text)

/** Pairs of texts whose boxes overlap (by more than `slack` px each way). */
export function overlapping(boxes: Box[], slack = 1): string[] {
  const found: string[] = []
  boxes.forEach((a, i) => {
    for (const b of boxes.slice(i + 1)) {
      const x = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
      const y = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
      if (x > slack && y > slack) found.push(`${a.text} × ${b.text}`)
    }
  })
  return found
}
