// @vitest-environment node
import { describe, expect, it, vi } from 'vitest'
import type { Observation } from '@/domain/schemas'
import { analyseFile } from './analyse'
import { toCsv } from '@/lib/csv'
import { csvRows } from './csv'
import { diffRows, effectiveUpdates } from './diff'
import { keyOf, mergeObservations, mergeYears } from '@/domain/merge'
import { chinaTimestamp, datasetAfterImport, datasetFileTexts } from './publish'
import { HEADER, publishedDataset, sheet } from './testing'
import { validateSheet } from './validate'
import { datasetSheets, observationRows } from './workbook'
import { writeXlsx } from './xlsx'

// Whole workbooks are zipped and parsed: generous on a busy 2-core CI machine.
vi.setConfig({ testTimeout: 30_000 })

const dataset = publishedDataset()

describe('round trip', () => {
  it('the current dataset exports to xlsx, and importing that file changes nothing', async () => {
    const bytes = await writeXlsx(datasetSheets(dataset))
    const analysis = await analyseFile(bytes, '看板数据.xlsx', dataset)
    expect(analysis.errors).toEqual([])
    expect(analysis.warnings).toEqual([])
    expect(analysis.dataRows).toBe(dataset.observations.length)
    expect(analysis.diff.counts).toEqual({
      new: 0,
      changed: 0,
      unchanged: dataset.observations.length,
    })
    expect(effectiveUpdates(analysis.diff)).toEqual([])
    // Every observation comes back exactly, demo status, qualifiers and periods included.
    expect(analysis.rows.map((r) => r.observation)).toEqual(dataset.observations)
    expect(analysis.rows.filter((r) => r.observation.period).length).toBeGreaterThan(0)
    // So do the targets (with their origin) and the facts (in the report's words, same ids).
    const withTarget = dataset.indicators.filter((i) => i.target !== null)
    expect(analysis.targets.map((t) => [t.kind, t.indicator.id, t.target])).toEqual(
      withTarget.map((i) => ['unchanged', i.id, i.target]),
    )
    expect(analysis.facts.map((f) => [f.kind, f.fact])).toEqual(
      dataset.facts.map((f) => ['unchanged', f]),
    )
  })

  it('an exported document target and an edited fact survive the round trip', async () => {
    const [first, ...rest] = dataset.indicators
    const target = {
      value: 99,
      origin: { kind: 'document' as const, document: '考核细则', sentence: '部署率达到99%。' },
    }
    const edited = {
      ...dataset,
      indicators: [{ ...first!, target }, ...rest],
      facts: dataset.facts.map((f, i) => (i === 0 ? { ...f, title: '改过的标题' } : f)),
    }
    const analysis = await analyseFile(await writeXlsx(datasetSheets(edited)), 'x.xlsx', dataset)
    expect(analysis.errors).toEqual([])
    expect(analysis.targets.filter((t) => t.kind !== 'unchanged')).toMatchObject([
      { indicator: { id: first!.id }, target },
    ])
    expect(analysis.facts.filter((f) => f.kind !== 'unchanged')).toMatchObject([
      { kind: 'changed', fact: { id: dataset.facts[0]!.id, title: '改过的标题' } },
    ])
  })

  it('the same holds for CSV', async () => {
    const text = toCsv([HEADER, ...observationRows(dataset)])
    const analysis = await analyseFile(new TextEncoder().encode(text), '看板数据.csv', dataset)
    expect(analysis.errors).toEqual([])
    expect(analysis.diff.counts.unchanged).toBe(dataset.observations.length)
    expect(csvRows(text)).toHaveLength(dataset.observations.length + 1)
  })

  it('keeps formula-like notes through a CSV round trip, defused in the file', async () => {
    const rows = observationRows(dataset)
    rows[0]![7] = '=HYPERLINK("http://x","点我")'
    rows[1]![7] = '-见区司法局总结'
    const text = toCsv([HEADER, ...rows])
    expect(text).toContain(',"\'=HYPERLINK(""http://x"",""点我"")"')
    expect(text).toContain(",'-见区司法局总结")
    const analysis = await analyseFile(new TextEncoder().encode(text), '看板数据.csv', dataset)
    expect(analysis.errors).toEqual([])
    expect(analysis.diff.counts.unchanged).toBe(dataset.observations.length)
    expect(analysis.rows[0]!.note).toBe('=HYPERLINK("http://x","点我")')
    expect(analysis.rows[1]!.note).toBe('-见区司法局总结')
  })

  it('an edited export shows exactly the edits', async () => {
    const rows = observationRows(dataset)
    rows[3]![4] = 21 // enterprise-legal-services 20余 → 21余
    rows.push(['XZFW-04', null, '通州湾示范区', 2025, 30, '余', null, '新年度'])
    const result = validateSheet(sheet(rows), dataset)
    expect(result.errors).toEqual([])
    const diff = diffRows(dataset.observations, result.rows)
    expect(diff.counts).toEqual({ new: 1, changed: 1, unchanged: dataset.observations.length - 1 })
    const changed = diff.changes.find((c) => c.kind === 'changed')!
    expect(changed.previous?.value).toBe(20)
    expect(changed.observation.value).toBe(21)
    expect(changed.row).toBe(5)
  })
})

describe('merging imported rows into the dataset', () => {
  const o = (indicatorId: string, year: number, value: number): Observation => ({
    indicatorId,
    orgId: 'tzw',
    year,
    value,
    qualifier: null,
    status: 'reported',
  })

  it('replaces in place, appends new ones, removes nothing', () => {
    const base = [o('a', 2024, 1), o('b', 2024, 2)]
    expect(mergeObservations(base, [o('c', 2025, 3), o('a', 2024, 9)])).toEqual([
      o('a', 2024, 9),
      o('b', 2024, 2),
      o('c', 2025, 3),
    ])
    expect(mergeObservations(base, [])).toBe(base)
  })

  it('offers the new years, ascending', () => {
    expect(mergeYears([2022, 2023, 2024], [o('a', 2025, 1), o('a', 2021, 1)])).toEqual([
      2021, 2022, 2023, 2024, 2025,
    ])
    const years = [2022, 2023, 2024]
    expect(mergeYears(years, [o('a', 2024, 1)])).toBe(years)
  })

  it('publishes all five files, each valid, with the new year and update time', () => {
    const update = { ...o('enterprise-legal-services', 2025, 30), qualifier: 'approx' as const }
    const next = datasetAfterImport(dataset, [update], new Date('2026-12-01T01:02:03Z'))
    expect(next.meta.years).toEqual([...dataset.meta.years, 2025])
    expect(next.meta.updatedAt).toBe('2026-12-01T09:02:03+08:00')
    expect(next.observations).toHaveLength(dataset.observations.length + 1)
    const texts = datasetFileTexts(next)
    expect(Object.keys(texts)).toEqual([
      'meta.json',
      'indicators.json',
      'facts.json',
      'organizations.json',
      'observations.json',
    ])
    const items = JSON.parse(texts['observations.json']).items as Observation[]
    expect(items.find((i) => keyOf(i) === keyOf(update))).toEqual(update)
    // Unchanged files are written byte for byte as the generator writes them.
    expect(texts['indicators.json']).toBe(
      `${JSON.stringify({ items: dataset.indicators }, null, 1)}\n`,
    )
  })

  it('writes China time with seconds and offset', () => {
    expect(chinaTimestamp(new Date('2026-01-01T16:30:00Z'))).toBe('2026-01-02T00:30:00+08:00')
  })
})
