// @vitest-environment node
import { describe, expect, it } from 'vitest'
import type { Observation } from '../../domain/schemas'
import { analyseFile } from './analyse'
import { toCsv } from '@/lib/csv'
import { HEADER, syntheticCatalogue } from './testing'
import type { CellValue } from './types'
import { writeXlsx } from './xlsx'

/**
 * A 50,000-row file, generated here: 100 indicators × (district + 10 departments) × 46 years
 * (2000–2045) gives 50,600 distinct (indicator, organisation, year); half of them exist already,
 * a tenth of those with another value. The whole import — read, check every row, compare — must
 * stay well within the suite's time (it takes about a second; the limit leaves room for CI).
 */

const ROWS = 50_000
const catalogue = syntheticCatalogue(100, 10)
const orgs = catalogue.organizations

function generate() {
  const rows: CellValue[][] = []
  const current: Observation[] = []
  for (let i = 0; rows.length < ROWS; i++) {
    const indicator = catalogue.indicators[i % 100]!
    const org = orgs[Math.floor(i / 100) % orgs.length]!
    const year = 2000 + Math.floor(i / (100 * orgs.length))
    const value = indicator.kind === 'rate' ? (i % 1000) / 10 : i % 5000
    rows.push([indicator.code, null, org.name, year, value, i % 7 === 0 ? '余' : null, null, null])
    if (i % 2 === 0) {
      current.push({
        indicatorId: indicator.id,
        orgId: org.id,
        year,
        value: i % 20 === 0 ? value + 1 : value,
        qualifier: i % 7 === 0 ? 'approx' : null,
        status: 'reported',
      })
    }
  }
  return { rows, current }
}

describe(`a ${ROWS.toLocaleString('en')}-row file`, () => {
  const { rows, current } = generate()
  const expected = { new: ROWS / 2, changed: ROWS / 20, unchanged: ROWS / 2 - ROWS / 20 }

  it('imports from xlsx: every row checked and compared', async () => {
    const bytes = await writeXlsx([{ name: '数据', rows: [HEADER, ...rows], header: true }])
    const started = performance.now()
    const analysis = await analyseFile(bytes, 'large.xlsx', { ...catalogue, observations: current })
    const ms = performance.now() - started
    console.info(`50,000-row xlsx (${(bytes.length / 1024).toFixed(0)} kB): ${ms.toFixed(0)} ms`)
    expect(analysis.errors).toEqual([])
    expect(analysis.dataRows).toBe(ROWS)
    expect(analysis.diff.counts).toEqual(expected)
    expect(ms).toBeLessThan(20_000)
  }, 60_000)

  it('imports from CSV', async () => {
    const bytes = new TextEncoder().encode(toCsv([HEADER, ...rows]))
    const started = performance.now()
    const analysis = await analyseFile(bytes, 'large.csv', { ...catalogue, observations: current })
    const ms = performance.now() - started
    console.info(`50,000-row csv (${(bytes.length / 1024).toFixed(0)} kB): ${ms.toFixed(0)} ms`)
    expect(analysis.errors).toEqual([])
    expect(analysis.diff.counts).toEqual(expected)
    expect(ms).toBeLessThan(10_000)
  }, 60_000)

  it('lists every error of a large bad file, each at its row', async () => {
    const bad = rows.map((r, i): CellValue[] =>
      i % 100 === 99 ? [r[0]!, null, r[2]!, null, r[4]!] : r,
    )
    const bytes = new TextEncoder().encode(toCsv([HEADER, ...bad]))
    const analysis = await analyseFile(bytes, 'bad.csv', { ...catalogue, observations: current })
    expect(analysis.errors).toHaveLength(ROWS / 100)
    expect(analysis.errors[0]).toMatchObject({ row: 101, column: 'D', message: '缺少年度' })
    expect(analysis.diff.changes).toEqual([])
  }, 60_000)
})
