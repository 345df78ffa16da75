// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { echarts } from '@/lib/echarts/core'
import { THEMES } from '@/lib/theme/themes'
import { draw, outside, overlapping } from '../../../../tests/unit/echarts-ssr'
import type { ChartRow } from './chart-rows'
import { buildBarsOption } from './bars'
import { buildColumnsOption } from './columns'
import { buildFunnelOption } from './funnel'
import { buildRingsOption } from './rings'

/**
 * A group page's 按单位 chart as ECharts lays it out: eight organisations, the demo ones named
 * (示例单位), every value 100% against a demo target of 100% — the crowded case of the bundled
 * data. On a desk every name shows and no two texts sit on each other (the target's words sat on
 * the last column's label, two names were hidden); on a phone the same, with the columns lying down.
 */
const theme = THEMES.desk.chart
const NAMES = [
  '行政审批',
  '市场监管',
  '人社',
  '应急管理',
  '消防救援',
  '综合执法',
  '生态环境',
  '自然资源',
]
const named = new Set(['人社', '应急管理', '消防救援'])
const target = { value: 100, demo: true, source: null } as unknown as ChartRow['target']
const rows: ChartRow[] = NAMES.map((name, i) => ({
  id: `org-${i}`,
  label: named.has(name) ? name : `${name}(示例单位)`,
  value: 100,
  text: '100%',
  unit: '%',
  demo: true,
  target,
  met: true,
}))
const option = buildColumnsOption(rows, theme, '#4f9dff', target, '%')

describe('按单位 columns', () => {
  for (const [where, width, height] of [
    ['a desk (1920×1080)', 890, 260],
    ['a 4K desk', 1800, 260],
    ['a phone (360 px)', 310, 260],
  ] as const) {
    it(`on ${where}: every name shows, no text on another, all inside the chart`, () => {
      const { texts } = draw(option, width, height)
      const shown = texts.map((t) => t.text.replace(/\s+/g, ''))
      for (const name of NAMES) {
        expect(
          shown.some((t) => t.startsWith(name)),
          `${name} is named`,
        ).toBe(true)
      }
      expect(shown.filter((t) => t.startsWith('目标'))).toHaveLength(1)
      expect(overlapping(texts)).toEqual([])
      expect(outside(texts, width)).toEqual([])
    })
  }
})

describe('the 存量文件监测 → 风险 → 废止 funnel', () => {
  const step = (label: string, value: number, text: string): ChartRow => ({
    id: label,
    label,
    value,
    text,
    unit: '份',
    demo: false,
    target: null,
    met: null,
  })
  const funnel = buildFunnelOption(
    [
      step('存量文件监测', 3767, '3767份'),
      step('存量监测风险', 65, '65次'),
      step('废止违规文件', 3, '3份'),
    ],
    theme,
    '#b48cff',
  )
  for (const [where, width, height] of [
    ['the overview (1920×1080)', 410, 190],
    ['a group page', 590, 190],
    ['a phone (360 px)', 310, 230],
    ['a portrait big screen', 390, 270],
  ] as const) {
    it(`on ${where}: every step's words beside the steps, none over a step or another's words`, () => {
      const { texts, polygons } = draw(funnel, width, height)
      expect(polygons).toHaveLength(3)
      const right = Math.max(...polygons.map((p) => p.x + p.width))
      const words = texts.map((t) => t.text)
      for (const w of ['存量文件监测', '3767份', '存量监测风险', '废止违规文件'])
        expect(
          words.some((t) => t.includes(w)),
          w,
        ).toBe(true)
      expect(texts.filter((t) => t.x < right - 0.5).map((t) => t.text)).toEqual([])
      expect(overlapping(texts)).toEqual([])
      expect(outside(texts, width)).toEqual([])
    })
  }
})

describe('a chart that was narrow and is wide again', () => {
  it('stands its columns up again (ECharts keeps a media option once its query stops matching)', () => {
    // A window widened, a tablet turned: the columns lay down for good, names at the left.
    const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 340, height: 300 })
    chart.setOption(option, { replaceMerge: ['series'] })
    type Axes = { xAxis: { type: string }[]; yAxis: { type: string }[] }
    expect((chart.getOption() as unknown as Axes).xAxis[0]!.type).toBe('value')
    chart.resize({ width: 900, height: 300 })
    const wide = chart.getOption() as unknown as Axes
    expect(wide.xAxis[0]!.type).toBe('category')
    expect(wide.yAxis[0]!.type).toBe('value')
    chart.dispose()
  })

  it('puts four rings side by side again (they stayed two by two, sized for the narrow chart)', () => {
    const rates = ['及时受理率', '及时办理率', '复查质效', '出庭应诉率'].map((label, i) => ({
      ...rows[i]!,
      id: label,
      label,
    }))
    const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 400, height: 300 })
    chart.setOption(buildRingsOption(rates, theme, '#4f9dff'), { replaceMerge: ['series'] })
    type Rings = { series: { center: string[] }[] }
    expect((chart.getOption() as unknown as Rings).series[1]!.center).toEqual(['75%', '20%'])
    chart.resize({ width: 900, height: 180 })
    const wide = (chart.getOption() as unknown as Rings).series.map((s) => s.center)
    expect(wide).toEqual([
      ['12.5%', '42%'],
      ['37.5%', '42%'],
      ['62.5%', '42%'],
      ['87.5%', '42%'],
    ])
    chart.dispose()
  })
})

describe('a row without a value, as drawn', () => {
  // ECharts labels no '-' value: the row stood empty, a gap an exported image could not tell
  // from a zero (三余镇's 调解与争议化解: four of five rows blank).
  const counts: ChartRow[] = [
    { ...rows[0]!, label: '诉前成功调解', value: 1922, text: '1922件', unit: '件', target: null },
    {
      ...rows[1]!,
      label: '特邀调解员',
      value: null,
      text: '无数据',
      unit: '名',
      demo: false,
      target: null,
    },
  ]
  it('bars: says 无数据 on its row', () => {
    const { texts } = draw(buildBarsOption(counts, theme, '#4f9dff'), 500, 160)
    expect(texts.map((t) => t.text)).toContain('无数据')
  })
  it('columns: says 无数据 in its slot', () => {
    const { texts } = draw(buildColumnsOption(counts, theme, '#4f9dff', null, '件'), 500, 240)
    expect(texts.map((t) => t.text)).toContain('无数据')
  })
})

describe('rings against a demo target', () => {
  const rate = (label: string, value: number): ChartRow => ({
    id: label,
    label,
    value,
    text: `${value}%`,
    unit: '%',
    demo: false,
    target,
    met: value >= 100,
  })
  const rates = ['及时受理率', '及时办理率', '复查质效', '出庭应诉率'].map((l) => rate(l, 100))
  // 2024 is the report's 100%; 2023 is demo: two lines (98.6% / 示例) inside the ring.
  const demoRates = rates.map((r) => ({ ...r, value: 98.6, text: '98.6%', demo: true }))
  // Chart areas as the page lays them out (ChartPanel's tallWhenNarrow under 480 px).
  for (const [where, width, height] of [
    ['the overview (1920×1080)', 408, 306],
    ['the overview (2200 px)', 478, 249],
    ['the overview (1366×768)', 603, 180],
    ['a phone (390 px)', 352, 264],
    ['a phone (360 px)', 322, 241],
    ['the big screen (1920×1080)', 408, 346],
  ] as const) {
    for (const [data, shown] of [
      ['2024', rates],
      ['2023 (示例)', demoRates],
    ] as const) {
      it(`on ${where}, ${data}: each ring names its target; no text on another or on a ring`, () => {
        const { texts, sectors } = draw(
          buildRingsOption([...shown], theme, '#4f9dff'),
          width,
          height,
        )
        const words = texts.map((t) => t.text)
        for (const r of shown) expect(words, r.label).toContain(r.label)
        expect(words.filter((t) => t === '目标 100%(示例)')).toHaveLength(shown.length)
        expect(overlapping(texts)).toEqual([])
        expect(outside(texts, width)).toEqual([])
        // The rings: the four tracks (full circles) at least, each as large as its slot allows.
        const tracks = sectors.filter((s) => Math.abs(s.width - s.height) < 1 && s.width > 40)
        expect(tracks.length).toBeGreaterThanOrEqual(shown.length)
        // A name or target touches no ring; a value and its 示例 lie inside their ring's hole.
        const under = texts.filter((t) => t.text !== shown[0]!.text && t.text !== '示例')
        expect(overlapping([...under, ...tracks.map((s) => ({ ...s, text: 'ring' }))])).toEqual([])
        for (const value of texts.filter((t) => !under.includes(t))) {
          const [cx, cy] = [value.x + value.width / 2, value.y + value.height / 2]
          const ring = tracks.find(
            (s) => cx > s.x && cx < s.x + s.width && cy > s.y && cy < s.y + s.height,
          )
          const hole = ring && { x: ring.x + 8, y: ring.y + 8, w: ring.width - 16 }
          expect(hole, `${value.text} inside a ring`).toBeDefined()
          expect(value.x).toBeGreaterThanOrEqual(hole!.x)
          expect(value.x + value.width).toBeLessThanOrEqual(hole!.x + hole!.w)
          expect(value.y).toBeGreaterThanOrEqual(hole!.y)
          expect(value.y + value.height).toBeLessThanOrEqual(hole!.y + hole!.w)
        }
      })
    }
  }
})
