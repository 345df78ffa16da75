// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { THEMES } from '@/lib/theme/themes'
import { draw, outside, overlapping } from '../../../../tests/unit/echarts-ssr'
import type { ChartRow } from './chart-rows'
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
  for (const [where, width, height] of [
    ['the overview (1920×1080)', 410, 190],
    ['a phone (360 px)', 310, 230],
  ] as const) {
    it(`on ${where}: each ring names its target, 示例 marked, no text on another`, () => {
      const { texts } = draw(buildRingsOption(rates, theme, '#4f9dff'), width, height)
      const words = texts.map((t) => t.text)
      for (const r of rates) expect(words, r.label).toContain(r.label)
      expect(words.filter((t) => t === '目标 100%(示例)')).toHaveLength(rates.length)
      expect(overlapping(texts)).toEqual([])
      expect(outside(texts, width)).toEqual([])
    })
  }
})
