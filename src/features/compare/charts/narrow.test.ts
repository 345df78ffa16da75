// @vitest-environment node
// Node, not jsdom: ECharts then measures text itself instead of asking a canvas jsdom lacks.
import { describe, expect, it } from 'vitest'
import { RadarChart } from 'echarts/charts'
import { DataZoomComponent, RadarComponent } from 'echarts/components'
import { echarts } from '@/lib/echarts/core'
import { THEMES } from '@/lib/theme/themes'
import { indexObservations } from '@/domain/observation-index'
import { draw, outside } from '../../../../tests/unit/echarts-ssr'
import { indicators, observations, organizations } from '../../../../tests/unit/report-data'
import { buildCompareModel } from '../compare-model'
import { buildChangeOption } from './change'
import { buildRadarOption } from './radar'
import { buildTrendOption } from './trend'
import { buildYearsOption } from './years'

echarts.use([RadarChart, RadarComponent, DataZoomComponent])

/**
 * The comparison charts on a phone (a chart 340 px wide), drawn by ECharts itself (server-side,
 * SVG): every text it draws lies inside the chart — no organisation or indicator name cut at the
 * edge — and the bars keep the width (the room kept for labels at the side took most of it).
 */

const theme = THEMES.desk.chart

const m = buildCompareModel({
  indicators,
  organizations,
  index: indexObservations(observations),
  problems: new Map(),
  selection: {
    indicatorIds: [
      'apply-power-deploy-rate',
      'service-guide-rate',
      'exam-pass-rate',
      'training-completion-rate',
    ],
    orgIds: organizations.filter((o) => o.type !== 'town').map((o) => o.id),
    years: [2022, 2023, 2024],
    focusId: 'apply-power-deploy-rate',
    sort: null,
  },
  year: 2024,
  orgId: 'tzw',
  showDemo: true,
})

describe('the comparison charts on a phone', () => {
  it('radar: every indicator name inside the chart', () => {
    const { texts } = draw(buildRadarOption(m.radar, theme, '#1'), 340, 400)
    expect(texts.filter((t) => t.text.includes('率')).length).toBeGreaterThanOrEqual(4)
    expect(outside(texts, 340)).toEqual([])
  })

  it('同比变化: the longest bar takes a third of the width, every name and label inside', () => {
    const focus = m.focus!
    const { texts, xOf } = draw(buildChangeOption(focus, theme), 340, 420)
    const deltas = focus.changes.map((r) => r.change.delta ?? 0)
    const longest = deltas.indexOf(Math.max(...deltas))
    expect(xOf([deltas[longest]!, longest]) - xOf([0, longest])).toBeGreaterThan(340 / 3)
    expect(texts.some((t) => t.text.includes('示例'))).toBe(true)
    expect(outside(texts, 340)).toEqual([])
  })

  it('分年度对比: the bars spread over most of the width, the target named inside the chart', () => {
    const focus = m.focus!
    const { texts, xOf } = draw(buildYearsOption(focus, theme), 340, 420)
    const last = focus.orgs.length - 1
    expect(xOf([last, 0]) - xOf([0, 0])).toBeGreaterThan(340 * 0.6)
    expect(texts.some((t) => t.text.startsWith('目标'))).toBe(true)
    expect(outside(texts, 340)).toEqual([])
  })

  it("趋势: every line's name in the legend at once, inside the chart and above the plot", () => {
    const focus = m.focus!
    const names = focus.trendOrgs.map((i) => focus.orgs[i]!.shortName)
    expect(names.length).toBeGreaterThanOrEqual(6)
    for (const width of [300, 340, 470]) {
      const { texts, plotTop } = draw(buildTrendOption(focus, theme), width, 420)
      const legend = texts.filter((t) => names.includes(t.text))
      expect(legend.map((t) => t.text).sort()).toEqual([...names].sort())
      // No pager (the scrolling legend's "1/7"): all of them show.
      expect(texts.filter((t) => /^\d+\/\d+$/.test(t.text))).toEqual([])
      expect(outside(texts, width)).toEqual([])
      for (const t of legend) expect(t.y + t.height).toBeLessThanOrEqual(plotTop)
    }
  })

  it('wide, as on a desk, the bar labels keep their unit and percentage', () => {
    const { texts } = draw(buildChangeOption(m.focus!, theme), 900, 420)
    expect(texts.some((t) => /个百分点\(.+%\)/.test(t.text))).toBe(true)
  })
})
