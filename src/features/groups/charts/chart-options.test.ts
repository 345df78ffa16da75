import { describe, expect, it } from 'vitest'
import { indexObservations } from '@/domain/observation-index'
import {
  indicatorsResponseSchema,
  observationsResponseSchema,
  type Indicator,
} from '@/domain/schemas'
import { THEMES } from '@/lib/theme/themes'
import type { ChartOption } from '@/lib/echarts/types'
import indicatorsJson from '../../../../public/data/indicators.json'
import observationsJson from '../../../../public/data/observations.json'
import { labelWidth } from '@/lib/echarts/option-base'
import { buildBarsOption, LABEL_ROOM } from './bars'
import { buildChartOption, chartRows, type ChartInput } from './build-chart'
import type { ChartRow } from './chart-rows'
import { buildFunnelOption, stepShares } from './funnel'
import { GROUP_CHARTS, type ChartSpec } from './group-charts'
import { groupChartView } from './views'
import { buildRingsOption } from './rings'
import { buildColumnsOption } from './columns'

const indicators = indicatorsResponseSchema.parse(indicatorsJson).items
const observations = observationsResponseSchema.parse(observationsJson).items
const byId = new Map<string, Indicator>(indicators.map((i) => [i.id, i]))
const ACCENT = '#123456'
const XSS = '<img src=x onerror=alert(1)>'

function input(over: Partial<ChartInput> = {}): ChartInput {
  return {
    indicators: byId,
    index: indexObservations(observations),
    problems: new Map(),
    orgId: 'tzw',
    year: 2024,
    showDemo: true,
    ...over,
  }
}

const spec = (id: string): ChartSpec => GROUP_CHARTS.find((c) => c.id === id)!

function row(over: Partial<ChartRow> = {}): ChartRow {
  return {
    id: 'r',
    label: '存量文件监测',
    value: 3767,
    text: '3767份',
    unit: '份',
    demo: false,
    target: null,
    met: null,
    ...over,
  }
}

type Formatter = (p: unknown) => string
interface SeriesLike {
  type?: string
  data?: { value: unknown; itemStyle?: { decal?: unknown; color?: string } }[]
  label?: { formatter: Formatter }
  detail?: { formatter: Formatter }
  tooltip?: { formatter: Formatter }
  progress?: { itemStyle: { color: string } }
  markLine?: { data: { yAxis: number }[] }
}

const seriesOf = (o: ChartOption) =>
  (Array.isArray(o.series) ? o.series : [o.series]) as unknown as SeriesLike[]
const labelAt = (o: ChartOption, dataIndex: number) =>
  seriesOf(o)[0]!.label!.formatter({ dataIndex })
const tooltipAt = (o: ChartOption, dataIndex: number) =>
  (o.tooltip as unknown as { formatter: Formatter }).formatter({ dataIndex })

describe('chartRows: the numbers a chart draws', () => {
  it('draws every chart of the overview from reported figures for the district in 2024', () => {
    for (const s of GROUP_CHARTS) {
      const { rows, error } = chartRows(s, input())
      expect(error, s.id).toBeNull()
      expect(rows).toHaveLength(s.indicatorIds.length)
      for (const r of rows) {
        expect(r.text, `${s.id} ${r.id}`).not.toBe('无数据')
        expect(r.demo).toBe(false)
      }
    }
  })

  it('puts each chart in the group of its indicators, and only rates in rings', () => {
    for (const s of GROUP_CHARTS) {
      for (const id of s.indicatorIds) {
        const indicator = byId.get(id)!
        expect(indicator.group, `${s.id} ${id}`).toBe(s.group)
        if (s.kind === 'rings') expect(indicator.kind, `${s.id} ${id}`).toBe('rate')
      }
    }
  })

  it('labels the fair-stock funnel with the report figures', () => {
    const { rows } = chartRows(spec('fair-stock'), input())
    expect(rows.map((r) => `${r.label} ${r.text}`)).toEqual([
      '存量文件监测 3767份',
      '存量监测风险 65次',
      '废止违规文件 3份',
    ])
  })

  it('keeps qualifiers in the text: 240余次, 20余次', () => {
    const { rows } = chartRows(spec('admin-services-count'), input())
    expect(rows.map((r) => r.text)).toEqual(['240余次', '20余次'])
  })

  it('turns the whole chart into an error naming the indicator with a problem', () => {
    const problems = new Map([['stock-docs', '数据格式错误:数值应为数字(实际为文本)']])
    const result = chartRows(spec('fair-stock'), input({ problems }))
    expect(result.rows).toEqual([])
    expect(result.error).toContain('存量文件监测')
    expect(result.error).toContain('数值应为数字')
    // A chart without that indicator is unaffected.
    expect(chartRows(spec('fair-incremental'), input({ problems })).error).toBeNull()
  })

  it('says which indicator is missing from the catalogue', () => {
    const broken: ChartSpec = { ...spec('fair-stock'), indicatorIds: ['stock-docs', 'gone'] }
    expect(chartRows(broken, input()).error).toContain('gone')
  })

  it('marks values of other years and organisations as demo', () => {
    const { rows } = chartRows(spec('fair-stock'), input({ year: 2023 }))
    expect(rows.every((r) => r.demo)).toBe(true)
  })

  it('shows demo values as 无数据 when demo data is hidden, never as a number', () => {
    const { rows } = chartRows(spec('fair-stock'), input({ year: 2023, showDemo: false }))
    expect(rows.map((r) => r.text)).toEqual(['无数据', '无数据', '无数据'])
    expect(rows.map((r) => r.value)).toEqual([null, null, null])
  })

  it('says in the 表格 where a figure comes from, and nothing of a figure that is not there', () => {
    const shown = groupChartView(spec('fair-stock'), input()).table!
    expect(shown.rows.map((r) => r.cells[2])).toEqual(
      expect.arrayContaining([expect.stringMatching(/^报告数字/)]),
    )
    const none = groupChartView(spec('fair-stock'), input({ year: 2023, showDemo: false })).table!
    for (const row of none.rows) {
      expect(row.cells[1]).toBe('无数据')
      expect(row.cells[2]).not.toMatch(/报告数字|示例数据/)
    }
  })
})

describe('stepShares and the funnel', () => {
  it('makes up no share between steps of different units (72次 of 401份, 3份 of 65次)', () => {
    expect(stepShares(chartRows(spec('fair-incremental'), input()).rows)).toEqual(['', ''])
    expect(stepShares(chartRows(spec('fair-stock'), input()).rows)).toEqual(['', '', ''])
  })

  it('derives a share between steps of one unit and labels it 派生', () => {
    const shares = stepShares([row(), row({ value: 65, text: '65份' }), row({ value: 3 })])
    expect(shares).toEqual(['', '占上一环节 1.7%(派生)', '占上一环节 4.6%(派生)'])
  })

  it('cannot derive a share from a missing step', () => {
    const shares = stepShares([row(), row({ value: null, text: '无数据' }), row({ value: 3 })])
    expect(shares[1]).toBe('占上一环节 无数据(派生)')
    expect(shares[2]).toBe('占上一环节 无数据(派生)')
  })

  it('shows each step with its figure, and a derived share only where there is one', () => {
    const { rows } = chartRows(spec('fair-incremental'), input())
    const option = buildFunnelOption(rows, THEMES.desk.chart, ACCENT)
    expect(labelAt(option, 0)).toMatch(/^增量文件评估\s+401份$/)
    expect(labelAt(option, 1)).toMatch(/^增量预警风险\s+72次$/)
    expect(tooltipAt(option, 1)).not.toContain('派生')
    const same = buildFunnelOption(
      [row(), row({ value: 65, text: '65份' })],
      THEMES.desk.chart,
      ACCENT,
    )
    expect(labelAt(same, 1)).toContain('占上一环节 1.7%(派生)')
    expect(tooltipAt(same, 1)).toContain('占上一环节 1.7%(派生)')
    expect(tooltipAt(same, 0)).not.toContain('派生')
  })

  it('labels demo steps 示例', () => {
    const { rows } = chartRows(spec('fair-incremental'), input({ orgId: 'market-bureau' }))
    const option = buildFunnelOption(rows, THEMES.desk.chart, ACCENT)
    expect(labelAt(option, 0)).toContain('示例')
    expect(tooltipAt(option, 0)).toContain('示例')
  })

  it("fades later and demo steps by their colour, never their words (legible on an image's white)", () => {
    const { rows } = chartRows(spec('fair-stock'), input({ year: 2023 }))
    expect(rows.every((r) => r.demo)).toBe(true)
    const data = (
      seriesOf(buildFunnelOption(rows, THEMES.briefing.chart, '#7a4fd6'))[0] as unknown as {
        data: { itemStyle: { color: string; opacity?: number } }[]
      }
    ).data
    for (const step of data) {
      expect(step.itemStyle.opacity).toBeUndefined()
      expect(step.itemStyle.color).toMatch(/^rgba\(122,79,214,0\.\d+\)$/)
    }
  })

  it('escapes data in its tooltip', () => {
    const option = buildFunnelOption(
      [row({ label: XSS }), row({ text: XSS })],
      THEMES.desk.chart,
      ACCENT,
    )
    for (const i of [0, 1]) {
      const html = tooltipAt(option, i)
      expect(html).not.toContain('<img')
      expect(html).toContain('&lt;img')
    }
  })
})

describe('bars', () => {
  const rows = [
    row({ id: 'a', label: '公共法律服务', value: 240, text: '240余次', unit: '次' }),
    row({ id: 'b', label: '涉企法治服务', value: 12, text: '12次', unit: '次', demo: true }),
    row({ id: 'c', label: '政府合同审查', value: null, text: '无数据', unit: '件' }),
  ]
  const option = buildBarsOption(rows, THEMES.desk.chart, ACCENT)
  const data = seriesOf(option)[0]!.data!

  it('labels each bar with its figure, qualifier and unit', () => {
    expect(labelAt(option, 0)).toBe('240余次')
  })

  it('labels demo bars 示例 and hatches them, and only them', () => {
    expect(labelAt(option, 1)).toContain('示例')
    expect(labelAt(option, 0)).not.toContain('示例')
    expect(data[1]!.itemStyle!.decal).toBeDefined()
    expect(data[0]!.itemStyle!.decal).toBeUndefined()
    expect(tooltipAt(option, 1)).toContain('示例')
  })

  it("makes room for a period line, but a long value label from data never takes the bars' place", () => {
    const grid = (o: ReturnType<typeof buildBarsOption>) => (o.grid as { right: number }).right
    const long = buildBarsOption(
      [row({ text: '283份 · 2012年以来累计' }), row({ text: '49件' })],
      THEMES.desk.chart,
      ACCENT,
    )
    expect(grid(long)).toBeGreaterThan(grid(option))
    // The period on a line of its own, under the figure.
    expect(labelAt(long, 0)).toBe('283份\n2012年以来累计')
    expect(grid(long)).toBeGreaterThanOrEqual(labelWidth('2012年以来累计', 14))
    const recent = buildBarsOption(
      [row({ text: '169件 · 近3年(2022–2024年)' })],
      THEMES.desk.chart,
      ACCENT,
    )
    expect(labelAt(recent, 0)).toBe('169件\n近3年')
    const odd = buildBarsOption([row({ text: 'x'.repeat(500) })], THEMES.desk.chart, ACCENT)
    expect(grid(odd)).toBe(LABEL_ROOM)
  })

  it('draws no bar for a missing value, and labels it 无数据', () => {
    expect(data[2]!.itemStyle!.color).toBe('transparent')
    expect(labelAt(option, 2)).toBe('无数据')
  })

  it('escapes data labels in the tooltip', () => {
    const evil = buildBarsOption([row({ label: XSS, text: XSS })], THEMES.desk.chart, ACCENT)
    const html = tooltipAt(evil, 0)
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
  })
})

const DEMO_TARGET = { value: 100, origin: { kind: 'demo' as const }, demo: true }

describe('columns (by year and by organisation)', () => {
  const rows = [
    row({ id: '2022', label: '2022年', value: 90, text: '90%', unit: '%', demo: true }),
    row({ id: '2023', label: '2023年', value: null, text: '无数据', unit: '%' }),
    row({ id: '2024', label: '2024年', value: 100, text: '100%', unit: '%' }),
  ]

  it('labels demo columns 示例 with hatching and draws nothing for a missing year', () => {
    const option = buildColumnsOption(rows, THEMES.desk.chart, ACCENT, DEMO_TARGET, '%')
    const data = seriesOf(option)[0]!.data!
    expect(labelAt(option, 0)).toContain('示例')
    expect(labelAt(option, 2)).not.toContain('示例')
    expect(data[0]!.itemStyle!.decal).toBeDefined()
    expect(data[2]!.itemStyle!.decal).toBeUndefined()
    expect(data[1]!.itemStyle!.color).toBe('transparent')
    expect(labelAt(option, 1)).toBe('无数据')
  })

  it('draws the target as a line only when there is one', () => {
    expect(
      seriesOf(buildColumnsOption(rows, THEMES.desk.chart, ACCENT, DEMO_TARGET, '%'))[0]!.markLine!
        .data,
    ).toEqual([{ yAxis: 100 }])
    expect(
      seriesOf(buildColumnsOption(rows, THEMES.desk.chart, ACCENT, null, '%'))[0]!.markLine,
    ).toBeUndefined()
  })

  it('escapes organisation names in the tooltip', () => {
    const option = buildColumnsOption([row({ label: XSS })], THEMES.desk.chart, ACCENT, null, '%')
    expect(tooltipAt(option, 0)).not.toContain('<img')
  })
})

describe('rings', () => {
  const rows = [
    row({
      id: 'met',
      label: '执法考试通过率',
      value: 100,
      text: '100%',
      unit: '%',
      target: DEMO_TARGET,
      met: true,
    }),
    row({
      id: 'below',
      label: '培训完成率',
      value: 96.5,
      text: '96.5%',
      unit: '%',
      target: DEMO_TARGET,
      met: false,
      demo: true,
    }),
    row({
      id: 'none',
      label: '时限压缩度',
      value: 86.8,
      text: '86.8%',
      unit: '%',
      target: null,
      met: null,
    }),
  ]
  const option = buildRingsOption(rows, THEMES.desk.chart, ACCENT)
  const series = seriesOf(option)

  it('draws one ring per rate', () => {
    expect(series).toHaveLength(3)
    expect(series.every((s) => s.type === 'gauge')).toBe(true)
  })

  it('colours a ring that meets its target differently from one below it', () => {
    expect(series[0]!.progress!.itemStyle.color).toBe(THEMES.desk.chart.met)
    expect(series[1]!.progress!.itemStyle.color).toBe(THEMES.desk.chart.below)
    expect(THEMES.desk.chart.met).not.toBe(THEMES.desk.chart.below)
    expect(series[2]!.progress!.itemStyle.color).toBe(ACCENT)
  })

  it('shows the figure in the ring and 示例 under a demo one', () => {
    expect(series[0]!.detail!.formatter(undefined)).toBe('100%')
    expect(series[1]!.detail!.formatter(undefined)).toContain('示例')
    expect(series[0]!.detail!.formatter(undefined)).not.toContain('示例')
  })

  it('draws no arc, not even a dot, for a ring without a value', () => {
    const empty = seriesOf(
      buildRingsOption(
        [row({ value: null, text: '无数据', unit: '%', target: null })],
        THEMES.desk.chart,
        ACCENT,
      ),
    )[0] as unknown as { progress: { show: boolean } }
    expect(empty.progress.show).toBe(false)
    expect((series[0] as unknown as { progress: { show: boolean } }).progress.show).toBe(true)
  })

  it('names the target in the tooltip', () => {
    expect(series[0]!.tooltip!.formatter(undefined)).toContain('目标 100%(示例)')
    expect(series[2]!.tooltip!.formatter(undefined)).not.toContain('目标')
  })

  it('escapes data in the tooltip', () => {
    const evil = buildRingsOption(
      [row({ label: XSS, unit: XSS, target: DEMO_TARGET })],
      THEMES.desk.chart,
      ACCENT,
    )
    const html = seriesOf(evil)[0]!.tooltip!.formatter(undefined)
    expect(html).not.toContain('<img')
  })

  it('colours the dispute rates by target from the report: all 100% meet it', () => {
    const { rows: real } = chartRows(spec('dispute-rates'), input())
    const ringColors = seriesOf(buildRingsOption(real, THEMES.desk.chart, ACCENT)).map(
      (s) => s.progress!.itemStyle.color,
    )
    expect(ringColors).toEqual(real.map(() => THEMES.desk.chart.met))
  })
})

describe('buildChartOption', () => {
  it('builds the kind of chart each spec asks for, in its group colour', () => {
    for (const s of GROUP_CHARTS) {
      const { rows } = chartRows(s, input())
      const option = buildChartOption(s, rows, THEMES.desk.chart)
      const types = seriesOf(option).map((x) => x.type)
      const expected = { rings: 'gauge', bars: 'bar', funnel: 'funnel' }[s.kind]
      expect(
        types.every((t) => t === expected),
        s.id,
      ).toBe(true)
    }
  })
})
