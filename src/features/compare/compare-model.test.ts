import { describe, expect, it } from 'vitest'
import { indexObservations } from '@/domain/observation-index'
import {
  indicatorsResponseSchema,
  observationsResponseSchema,
  organizationsResponseSchema,
  type Observation,
} from '@/domain/schemas'
import indicatorsJson from '../../../public/data/indicators.json'
import observationsJson from '../../../public/data/observations.json'
import organizationsJson from '../../../public/data/organizations.json'
import { buildCompareModel, RADAR_AXES, TREND_LINES, type CompareInput } from './compare-model'
import { tableCsv } from './csv'
import type { CompareSelection } from './selection'
import { cellString, cellText, sortRows, tableColumns } from './table-model'

const indicators = indicatorsResponseSchema.parse(indicatorsJson).items
const organizations = organizationsResponseSchema.parse(organizationsJson).items
const observations = observationsResponseSchema.parse(observationsJson).items
const departments = organizations.filter((o) => o.type === 'department').map((o) => o.id)

function input(
  selection: Partial<CompareSelection> = {},
  over: Partial<CompareInput> = {},
  obs: Observation[] = observations,
): CompareInput {
  return {
    indicators,
    organizations,
    index: indexObservations(obs),
    problems: new Map(),
    selection: {
      indicatorIds: ['apply-power-deploy-rate', 'service-guide-rate', 'exam-pass-rate'],
      orgIds: ['tzw', ...departments],
      years: [2022, 2023, 2024],
      focusId: 'apply-power-deploy-rate',
      sort: null,
      ...selection,
    },
    year: 2024,
    orgId: 'tzw',
    showDemo: true,
    ...over,
  }
}

describe('buildCompareModel', () => {
  it('ranks the selected units and leaves the district out of the ranking', () => {
    const m = buildCompareModel(input())
    const f = m.focus!
    expect(f.ranking.map((r) => r.org.id).sort()).toEqual([...departments].sort())
    expect(f.district?.org.id).toBe('tzw')
    expect(f.district?.rank).toBeNull()
    const ranks = f.ranking.map((r) => r.rank!)
    expect(ranks[0]).toBe(1)
    for (let i = 1; i < ranks.length; i++) expect(ranks[i]).toBeGreaterThanOrEqual(ranks[i - 1]!)
  })

  it('averages the district’s units (derived), over all of them, not the selection', () => {
    const all = buildCompareModel(input()).focus!.average
    const few = buildCompareModel(input({ orgIds: ['market-bureau'] })).focus!.average
    expect(all.value).not.toBeNull()
    expect(few).toEqual(all)
    expect(all.count).toBe(departments.length)
    expect(all.demo).toBe(true)
  })

  it('shows 无数据 (never 0) where an organisation has no value', () => {
    // Split by town: departments have no value for it.
    const m = buildCompareModel(
      input({ indicatorIds: ['petition-accept-rate'], focusId: 'petition-accept-rate' }),
    )
    const dept = m.rows.find((r) => r.org.id === 'market-bureau')!
    expect(dept.cells.map((c) => c.value)).toEqual([null, null, null])
    expect(dept.cells.map((c) => c.text)).toEqual(['无数据', '无数据', '无数据'])
    expect(cellText(dept, 'y2024').text).toBe('无数据')
    expect(cellText(dept, 'delta').text).toBe('无数据')
    expect(cellText(dept, 'rank').text).toBe('无数据')
    expect(m.focus!.ranking.every((r) => r.rank === null)).toBe(true)
  })

  it('hides demo values as 无数据 when demo data is switched off', () => {
    const m = buildCompareModel(input({}, { showDemo: false }))
    const dept = m.rows.find((r) => r.org.id === 'market-bureau')!
    expect(dept.cells.every((c) => c.value === null && c.state === 'hidden-demo')).toBe(true)
    const district = m.rows.find((r) => r.org.id === 'tzw')!
    expect(district.cells.map((c) => c.value)).toEqual([null, null, 100])
    expect(district.change.reason).toBe('no-base')
  })

  it('keeps the demo mark on demo cells and derived figures based on them', () => {
    const m = buildCompareModel(input())
    const district = m.rows.find((r) => r.org.id === 'tzw' && r.indicator.id === 'exam-pass-rate')!
    expect(district.cells[2]!.demo).toBe(false) // 2024 is the report's figure
    expect(district.cells[1]!.demo).toBe(true)
    expect(cellString(cellText(district, 'y2023'))).toMatch(/^示例 \d/)
    expect(cellString(cellText(district, 'y2024'))).not.toContain('示例')
    expect(district.change.demo).toBe(true)
  })

  it('normalises the radar to targets and names what it leaves out', () => {
    const m = buildCompareModel(
      input({
        indicatorIds: [
          'apply-power-deploy-rate',
          'service-guide-rate',
          'exam-pass-rate',
          'stock-docs',
        ],
      }),
    )
    expect(m.radar.items.map((i) => i.indicator.id)).toEqual([
      'apply-power-deploy-rate',
      'service-guide-rate',
      'exam-pass-rate',
    ])
    expect(m.radar.noTarget.map((i) => i.id)).toEqual(['stock-docs'])
    expect(m.radar.items.every((i) => i.attainment.percent === 100)).toBe(true)
  })

  it('draws at most RADAR_AXES axes and keeps the rest for the table', () => {
    const base = indicators.find((i) => i.id === 'exam-pass-rate')!
    const many = Array.from({ length: RADAR_AXES + 3 }, (_, k) => ({ ...base, id: `rate-${k}` }))
    const obs = many.map((i) => ({
      indicatorId: i.id,
      orgId: 'tzw',
      year: 2024,
      value: 90,
      qualifier: null,
      status: 'reported' as const,
    }))
    const m = buildCompareModel(
      input({ indicatorIds: many.map((i) => i.id), focusId: 'rate-0' }, { indicators: many }, obs),
    )
    expect(m.radar.items).toHaveLength(RADAR_AXES)
    expect(m.radar.more).toHaveLength(3)
    expect(m.radar.more.every((i) => i.attainment.percent === 90)).toBe(true)
  })

  it('draws at most TREND_LINES trend lines, the district first', () => {
    const m = buildCompareModel(input())
    expect(m.focus!.trendOrgs.length).toBeLessThanOrEqual(TREND_LINES)
    expect(m.focus!.orgs[m.focus!.trendOrgs[0]!]!.id).toBe('tzw')
  })

  it('shows an error for an indicator with a data problem, not numbers', () => {
    const m = buildCompareModel(
      input({}, { problems: new Map([['apply-power-deploy-rate', '数据格式错误']]) }),
    )
    expect(m.focus!.error).toBe('数据格式错误')
    const row = m.rows.find((r) => r.indicator.id === 'apply-power-deploy-rate')!
    expect(cellText(row, 'y2024').text).toBe('数据错误')
  })

  it('has one table row per indicator and organisation, and nothing summed across them', () => {
    const m = buildCompareModel(input())
    expect(m.rows).toHaveLength(3 * (1 + departments.length))
    const columns = tableColumns(m)
    expect(columns.map((c) => c.header).join('|')).not.toMatch(/合计|总计/)
  })
})

describe('the table: headers, sorting, CSV', () => {
  it('writes units into the headers and labels derived columns', () => {
    const m = buildCompareModel(input())
    const headers = tableColumns(m).map((c) => c.header)
    expect(headers).toContain('2024年(%)')
    expect(headers).toContain('2024年同比增减(百分点,派生)')
    expect(headers).toContain('2024年同比增减率(%,派生)')
    expect(headers).toContain('2024年目标达成度(%,派生)')
    const mixed = buildCompareModel(
      input({ indicatorIds: ['apply-power-deploy-rate', 'stock-docs'] }),
    )
    expect(tableColumns(mixed).map((c) => c.header)).toContain('2024年(见计量单位列)')
  })

  it('sorts by a year with 无数据 last in both directions', () => {
    const m = buildCompareModel(
      input({ indicatorIds: ['petition-accept-rate', 'apply-power-deploy-rate'] }),
    )
    for (const dir of ['asc', 'desc'] as const) {
      const rows = sortRows(m.rows, { key: 'y2024', dir })
      const values = rows.map((r) => r.cells[2]!.value)
      const firstNull = values.indexOf(null)
      expect(values.slice(firstNull).every((v) => v === null)).toBe(true)
      const numbers = values.slice(0, firstNull) as number[]
      const sorted = [...numbers].sort((a, b) => (dir === 'asc' ? a - b : b - a))
      expect(numbers).toEqual(sorted)
    }
  })

  it('exports exactly the table: BOM, Chinese headers, one line per row, same cells', () => {
    const m = buildCompareModel(input())
    const columns = tableColumns(m)
    const rows = sortRows(m.rows, { key: 'org', dir: 'asc' })
    const csv = tableCsv(columns, rows)
    expect(csv.startsWith('\uFEFF单位,指标,计量单位,2022年(%)')).toBe(true)
    const lines = csv.slice(1).trimEnd().split('\r\n')
    expect(lines).toHaveLength(rows.length + 1)
    expect(lines[1]!.split(',')).toEqual(columns.map((c) => cellString(cellText(rows[0]!, c.key))))
  })

  it('exports units whose names look like formulas as text that a spreadsheet does not run', () => {
    const names = new Map([
      [departments[0], '=HYPERLINK("http://x")'],
      [departments[1], '-cmd'],
    ])
    const evil = organizations.map((o) => ({ ...o, name: names.get(o.id) ?? o.name }))
    const m = buildCompareModel(input({}, { organizations: evil }))
    const csv = tableCsv(tableColumns(m), sortRows(m.rows, { key: 'org', dir: 'asc' }))
    const lines = csv.slice(1).trimEnd().split('\r\n')
    expect(lines.filter((l) => l.startsWith('"\'=HYPERLINK(""http://x"")"'))).toHaveLength(3)
    expect(lines.filter((l) => l.startsWith("'-cmd,"))).toHaveLength(3)
    // Every cell that starts with = + - @ now is a plain signed number, which runs nothing.
    const cells = lines.flatMap((l) => l.split(','))
    expect(cells.filter((c) => /^[=+\-@]/.test(c)).every((c) => /^[+-]\d+(\.\d+)?$/.test(c))).toBe(
      true,
    )
  })
})
