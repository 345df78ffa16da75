// @vitest-environment node
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { analyseFile } from './analyse'
import { readSpreadsheet } from './read-file'
import { publishedDataset } from './testing'
import { readXlsx, writeXlsx } from './xlsx'

// Whole workbooks are zipped and parsed: generous on a busy 2-core CI machine.
vi.setConfig({ testTimeout: 30_000 })

describe('xlsx', () => {
  it('reads back what it writes: text (with markup characters), numbers, gaps', async () => {
    const rows = [
      ['指标编码', '说明', '数值'],
      ['XZFW-04', '<b>不是标签</b> & "引号"', 25],
      ['XZFW-05', null, 86.8],
      [],
      ['GPJZ-07', '  前后空格  ', 3767],
    ]
    const bytes = await writeXlsx([
      { name: '数据', rows, header: true },
      { name: '目录', rows: [['x']] },
    ])
    const sheets = await readXlsx(bytes)
    expect(sheets.map((s) => s.sheet)).toEqual(['数据', '目录'])
    expect(sheets[0]!.rows).toEqual([
      ['指标编码', '说明', '数值'],
      ['XZFW-04', '<b>不是标签</b> & "引号"', 25],
      ['XZFW-05', null, 86.8],
      [null, null, null],
      ['GPJZ-07', '前后空格', 3767],
    ])
  })

  it('writes the same bytes for the same workbook (templates are committed)', async () => {
    const sheets = [{ name: 'a', rows: [['x', 1]] }]
    expect(await writeXlsx(sheets)).toEqual(await writeXlsx(sheets))
  })

  it('reads a large sheet (parts over 512 kB, which fflate would give to a worker)', async () => {
    const rows = [['n', 'text'], ...Array.from({ length: 20_000 }, (_, i) => [i, `第${i}行文本`])]
    const bytes = await writeXlsx([{ name: '数据', rows }])
    const [sheet] = await readXlsx(bytes)
    expect(sheet!.rows).toHaveLength(20_001)
    expect(sheet!.rows[20_000]).toEqual([19_999, '第19999行文本'])
  })

  it('reads a workbook written by another program (shared strings, title row, % format)', async () => {
    const bytes = new Uint8Array(
      readFileSync(resolve(import.meta.dirname, 'fixtures/excel-dept-2025.xlsx')),
    )
    const analysis = await analyseFile(bytes, 'excel-dept-2025.xlsx', publishedDataset())
    expect(analysis.sheet).toBe('数据')
    expect(analysis.errors).toEqual([])
    expect(
      analysis.rows.map((r) => [r.row, r.observation.indicatorId, r.observation.value]),
    ).toEqual([
      [3, 'enterprise-legal-services', 25],
      [4, 'time-limit-compression', 88.5],
      [6, 'gov-contracts-reviewed', 1024],
      [7, 'leader-court-appearance-rate', 1],
    ])
    // 100% typed in Excel is stored as 1: the clerk is asked to check it.
    expect(analysis.warnings.map((w) => [w.row, w.column])).toEqual([[7, 'E']])
  })

  it('explains files it cannot read', async () => {
    const read = async (bytes: number[] | Uint8Array, name: string) => {
      const result = await readSpreadsheet(new Uint8Array(bytes), name)
      return 'error' in result ? result.error.message : 'ok'
    }
    expect(await read([0xd0, 0xcf, 0x11, 0xe0, 0, 0], 'old.xls')).toMatch(/不支持旧版 \.xls/)
    expect(await read([0x50, 0x4b, 0x03, 0x04, 1, 2, 3], 'broken.xlsx')).toMatch(/已损坏/)
    expect(await read(new TextEncoder().encode('a,b'), 'renamed.xlsx')).toMatch(/不是 Excel 工作簿/)
    expect(await read([], 'empty.csv')).toBe('文件是空的')
  })
})
