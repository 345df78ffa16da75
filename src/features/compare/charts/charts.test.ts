import type { ChartOption } from '@/lib/echarts/types'
import { describe, expect, it } from 'vitest'
import { indexObservations } from '@/domain/observation-index'
import { type Indicator, type Observation, type Organization } from '@/domain/schemas'
import { THEMES } from '@/lib/theme/themes'
import { indicators, observations, organizations } from '../../../../tests/unit/report-data'
import { buildCompareModel, type CompareInput } from '../compare-model'
import { buildChangeOption, changeLabel } from './change'
import { buildRadarOption, RADAR_MAX } from './radar'
import { buildRankingOption, RANKING_WINDOW } from './ranking'
import { buildTrendOption } from './trend'
import { trendView } from './views'
import { buildYearsOption } from './years'

const XSS = '<img src=x onerror=alert(1)>'

function model(
  over: Partial<Omit<CompareInput, 'selection'>> & {
    selection?: Partial<CompareInput['selection']>
  } = {},
  ids = ['apply-power-deploy-rate', 'service-guide-rate', 'exam-pass-rate'],
) {
  return buildCompareModel({
    indicators,
    organizations,
    index: indexObservations(observations),
    problems: new Map(),
    year: 2024,
    orgId: 'tzw',
    showDemo: true,
    ...over,
    selection: {
      indicatorIds: ids,
      orgIds: organizations.filter((o) => o.type !== 'town').map((o) => o.id),
      years: [2022, 2023, 2024],
      focusId: ids[0]!,
      sort: null,
      ...over.selection,
    },
  })
}

interface Item {
  value: unknown
  symbol?: string
  itemStyle?: { decal?: unknown; color?: string }
}
interface SeriesLike {
  type: string
  id?: string
  data: Item[] | { value: unknown[] }[]
  markLine?: { data: { xAxis?: number; yAxis?: number; name?: string }[] }
  label?: { formatter: (p: { dataIndex: number }) => string }
}
const series = (o: ChartOption) => o.series as unknown as SeriesLike[]
const tooltip = (o: ChartOption, params: unknown) =>
  (o.tooltip as unknown as { formatter: (p: unknown) => string }).formatter(params)
const zoom = (o: ChartOption) =>
  o.dataZoom as unknown as { show?: boolean; disabled?: boolean; endValue: number }[]

/** A synthetic catalogue entry and organisations for the edge cases the real data lacks. */
const lowerIndicator: Indicator = {
  ...indicators[0]!,
  id: 'complaints',
  shortName: '投诉件数',
  name: '投诉件数',
  unit: '件',
  kind: 'count',
  direction: 'lower',
  target: { value: 10, origin: { kind: 'demo' } },
}
const orgs: Organization[] = Array.from({ length: 30 }, (_, i) => ({
  id: `org-${i}`,
  name: i === 0 ? XSS : `单位${i}`,
  shortName: i === 0 ? XSS : `单位${i}`,
  type: 'department',
  parentId: 'tzw',
  namedInReport: false,
}))
function syntheticModel() {
  const obs: Observation[] = []
  orgs.forEach((o, i) => {
    if (i === 29) return // no value at all: 无数据
    obs.push({
      indicatorId: 'complaints',
      orgId: o.id,
      year: 2023,
      value: 20,
      qualifier: null,
      status: 'demo',
    })
    obs.push({
      indicatorId: 'complaints',
      orgId: o.id,
      year: 2024,
      value: 10 + (i % 15),
      qualifier: null,
      status: i % 2 ? 'demo' : 'reported',
    })
  })
  return buildCompareModel({
    indicators: [lowerIndicator],
    organizations: orgs,
    index: indexObservations(obs),
    problems: new Map(),
    selection: {
      indicatorIds: ['complaints'],
      orgIds: orgs.map((o) => o.id),
      years: [2023, 2024],
      focusId: 'complaints',
      sort: null,
    },
    year: 2024,
    orgId: 'org-1',
    showDemo: true,
  })
}

describe('ranking', () => {
  it('draws the ranking best first with the district average and the target as lines', () => {
    const m = model()
    const o = buildRankingOption(m.focus!, THEMES.desk.chart, '#123456')
    const [bars] = series(o)
    expect(bars!.data).toHaveLength(m.focus!.ranking.length)
    const lines = bars!.markLine!.data
    expect(lines.map((l) => l.name)).toEqual(['average', 'target'])
    expect(lines[0]!.xAxis).toBe(m.focus!.average.value)
    expect(lines[1]!.xAxis).toBe(100)
  })

  it('sorts lower-is-better smallest first, leaves 无数据 as a gap at the end, hatches demo bars', () => {
    const m = syntheticModel()
    const o = buildRankingOption(m.focus!, THEMES.desk.chart, '#123456')
    const data = series(o)[0]!.data as Item[]
    const values = data.map((d) => d.value)
    expect(values.at(-1)).toBe('-')
    const numbers = values.slice(0, -1) as number[]
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b))
    const demo = m.focus!.ranking.map((r) => r.cell.demo)
    data.forEach((d, i) => expect(Boolean(d.itemStyle?.decal), `bar ${i}`).toBe(demo[i]))
    expect(series(o)[0]!.label!.formatter({ dataIndex: data.length - 1 })).toBe('无数据')
    expect(series(o)[0]!.label!.formatter({ dataIndex: demo.indexOf(true) })).toContain('示例')
  })

  it('adds a slider only when there are more bars than fit', () => {
    const big = buildRankingOption(syntheticModel().focus!, THEMES.desk.chart, '#1')
    expect(zoom(big)[0]!.show).toBe(true)
    expect(zoom(big)[0]!.endValue).toBe(RANKING_WINDOW - 1)
    const small = buildRankingOption(model().focus!, THEMES.desk.chart, '#1')
    expect(zoom(small)[0]!.show).toBe(false)
    expect(zoom(small)[1]!.disabled).toBe(true)
  })

  it('escapes names in the tooltip', () => {
    const m = syntheticModel()
    const i = m.focus!.ranking.findIndex((r) => r.org.id === 'org-0')
    const html = tooltip(buildRankingOption(m.focus!, THEMES.desk.chart, '#1'), [{ dataIndex: i }])
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;img')
  })
})

describe('change', () => {
  it('colours by the better direction: a fall of a lower-is-better count is green', () => {
    const m = syntheticModel()
    const o = buildChangeOption(m.focus!, THEMES.desk.chart)
    const data = series(o)[0]!.data as Item[]
    m.focus!.changes.forEach((row, i) => {
      if (row.change.delta === null) {
        expect(data[i]!.value).toBe('-')
        return
      }
      // 20 → 10…24: below 20 is better here.
      const expected =
        row.change.delta < 0
          ? THEMES.desk.chart.met
          : row.change.delta > 0
            ? THEMES.desk.chart.below
            : THEMES.desk.chart.muted
      expect(data[i]!.itemStyle!.color).toBe(expected)
      expect(Boolean(data[i]!.itemStyle!.decal)).toBe(row.change.demo)
    })
    expect(changeLabel(m.focus!.changes[0]!, '件')).toMatch(/^▼ -10件\(-50%\)/)
  })

  it('escapes names in the tooltip', () => {
    const m = syntheticModel()
    const i = m.focus!.changes.findIndex((r) => r.org.id === 'org-0')
    expect(
      tooltip(buildChangeOption(m.focus!, THEMES.desk.chart), [{ dataIndex: i }]),
    ).not.toContain('<img')
  })
})

describe('years and trend', () => {
  it('draws each year as reported and demo (hatched) series in one slot, nothing for missing years', () => {
    const m = model({}, ['petition-accept-rate'])
    const o = buildYearsOption(m.focus!, THEMES.desk.chart)
    const all = series(o) as unknown as (SeriesLike & {
      name: string
      stack: string
      itemStyle: { decal?: unknown; color: string }
      data: (number | '-')[]
    })[]
    expect(all.map((s) => s.id)).toEqual([
      'year-2022',
      'year-2022-demo',
      'year-2023',
      'year-2023-demo',
      'year-2024',
      'year-2024-demo',
    ])
    m.focus!.years.forEach((_, j) => {
      const [reported, demo] = [all[2 * j]!, all[2 * j + 1]!]
      expect(reported.stack).toBe(demo.stack)
      expect(reported.name).toBe(demo.name)
      expect(reported.itemStyle.color).toBe(demo.itemStyle.color)
      expect(reported.itemStyle.decal).toBeUndefined()
      expect(demo.itemStyle.decal).toBeDefined()
      m.focus!.cells.forEach((row, i) => {
        const c = row[j]!
        // Each value is drawn exactly once, in the series of its kind; 无数据 in neither.
        expect(reported.data[i]).toBe(c.value !== null && !c.demo ? c.value : '-')
        expect(demo.data[i]).toBe(c.value !== null && c.demo ? c.value : '-')
      })
    })
    expect(m.focus!.cells.flat().some((c) => c.demo)).toBe(true)
    expect(m.focus!.cells.flat().some((c) => c.value !== null && !c.demo)).toBe(true)
    expect(m.focus!.cells.flat().some((c) => c.value === null)).toBe(true)
    // A department has no value for a town-split indicator: its slot says 无数据.
    const label = (o.xAxis as unknown as { axisLabel: { formatter: (n: string) => string } })
      .axisLabel.formatter
    const dept = m.focus!.orgs.find((x) => x.type === 'department')!
    expect(label(dept.shortName)).toBe(`${dept.shortName}\n无数据`)
    expect(label('全区')).toBe('全区')
  })

  it('draws demo points hollow and gaps for missing years; at most 10 lines', () => {
    const m = model()
    const o = buildTrendOption(m.focus!, THEMES.desk.chart)
    expect(series(o).length).toBeLessThanOrEqual(10)
    const district = series(o)[0]!.data as Item[]
    expect(district.map((d) => d.symbol)).toEqual(['emptyCircle', 'emptyCircle', 'circle'])
  })
})

describe('趋势 (its view)', () => {
  const focus = (years: number[], orgIds: string[], showDemo = true) =>
    model({ showDemo, selection: { years, orgIds } }, ['apply-power-deploy-rate']).focus!

  it('says there is no trend to draw when every unit has a value in one year only', () => {
    // With demo data hidden the report gives the district's 2024 alone: one point, no line.
    expect(trendView(focus([2022, 2023, 2024], ['tzw'], false), '报告').state).toEqual({
      kind: 'empty',
      message: '所选单位和年度中只有一个年度有数据,画不出趋势',
    })
    expect(trendView(focus([2024], ['tzw', 'hrss-bureau']), '报告').state.kind).toBe('empty')
  })

  it('draws the trend once a unit has values in two years', () => {
    expect(trendView(focus([2023, 2024], ['tzw']), '报告').state).toEqual({ kind: 'ready' })
  })
})

describe('radar', () => {
  it('plots attainment against a 100 % target ring, clamped to the scale, demo axes named 示例', () => {
    const m = model({ orgId: 'market-bureau' })
    const o = buildRadarOption(m.radar, THEMES.desk.chart, '#1')
    const radar = o.radar as unknown as { indicator: { name: string; max: number }[] }
    expect(radar.indicator.every((i) => i.max === RADAR_MAX)).toBe(true)
    expect(radar.indicator.every((i) => i.name.endsWith('(示例)'))).toBe(true)
    const [target, values] = series(o)
    expect((target!.data as { value: number[] }[])[0]!.value.every((v) => v === 100)).toBe(true)
    expect((values!.data as { value: number[] }[])[0]!.value.every((v) => v <= RADAR_MAX)).toBe(
      true,
    )
  })

  it('escapes in the tooltip', () => {
    const m = syntheticModel()
    // The synthetic organisation name is markup; the radar names the organisation.
    const r = { ...m.radar, org: orgs[0]! }
    expect(
      tooltip(buildRadarOption(r, THEMES.desk.chart, '#1'), { seriesName: '达成度' }),
    ).not.toContain('<img')
  })
})
