// @vitest-environment node
import { strToU8, unzipSync, zipSync, type FlateStreamHandler } from 'fflate'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { analyseFile } from './analyse'
import { FACT_COLUMNS, TARGET_COLUMNS } from './columns'
import { IMPORT_LIMITS, limitMessages } from './limits'
import { readSpreadsheet } from './read-file'
import { HEADER, publishedDataset, REPO, zipBomb } from './testing'
import { templateSheets } from './workbook'
import { readXlsx, writeXlsx } from './xlsx'

// Whole workbooks are zipped and parsed: generous on a busy 2-core CI machine.
vi.setConfig({ testTimeout: 30_000 })

/** Every byte any inflater of the importer (zip.ts) puts out. */
const inflated = vi.hoisted(() => ({ bytes: 0 }))
vi.mock('fflate', async (importOriginal) => {
  const fflate = await importOriginal<typeof import('fflate')>()
  class CountingInflate extends fflate.Inflate {
    constructor(cb: FlateStreamHandler) {
      super((chunk, final) => {
        inflated.bytes += chunk.length
        cb(chunk, final)
      })
    }
  }
  return { ...fflate, Inflate: CountingInflate }
})

beforeEach(() => {
  inflated.bytes = 0
})

const MB = 1024 * 1024

async function readError(bytes: Uint8Array, name: string): Promise<string> {
  const result = await readSpreadsheet(bytes, name)
  return 'error' in result ? result.error.message : `read ${result.table.rows.length} rows`
}

/** The committed template with its 数据 sheet's XML replaced. */
function templateWithSheet(sheetData: string): Uint8Array {
  const parts = unzipSync(readFileSync(resolve(REPO, 'docs/import-template.xlsx')))
  parts['xl/worksheets/sheet1.xml'] = strToU8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
      'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      `<sheetData>${sheetData}</sheetData></worksheet>`,
  )
  return zipSync(parts)
}

describe('a workbook that would inflate past the limit (a zip bomb)', () => {
  it('is refused from its declared sizes, before any of the sheet is inflated', async () => {
    const bomb = zipBomb(300 * MB)
    expect(bomb.length).toBeLessThan(2 * MB) // well under the 30 MB a file may have
    expect(await readError(bomb, 'bomb.xlsx')).toBe(
      '工作簿解压后超过 100 MB(上限),请删除多余的行、列或工作表,或拆分文件后再导入',
    )
    // Only the sheet list and its relationships (a few kB) were inflated.
    expect(inflated.bytes).toBeLessThan(64 * 1024)
  })

  it('is refused at its declared size when the zip directory lies about it', async () => {
    // Declares 1,000 bytes for a sheet that inflates to 300 MB.
    const liar = zipBomb(300 * MB, { declared: 1000 })
    expect(await readError(liar, 'liar.xlsx')).toBe(
      '文件已损坏或被改动:其中的 xl/worksheets/sheet1.xml 解压后与记录的大小不符,无法读取',
    )
    // The inflater stopped one small step past the 1,000 bytes: nowhere near 300 MB.
    expect(inflated.bytes).toBeLessThan(2 * MB)
  })

  it('is refused in the same words by the page and the CLI (both analyse the file alike)', async () => {
    const analysis = await analyseFile(zipBomb(101 * MB), '报送.xlsx', publishedDataset())
    expect(analysis.errors.map((e) => e.message)).toEqual([limitMessages.xmlBytes()])
    expect(analysis.rows).toEqual([])
  })

  it('is not opened when it is a sheet the import does not read', async () => {
    // The 目录 sheet is the bomb; the import reads 数据, 目标 and 定性事实 only.
    const result = await readSpreadsheet(
      zipBomb(300 * MB, { part: 'xl/worksheets/sheet4.xml' }),
      'x.xlsx',
    )
    expect(result).toEqual({
      table: { sheet: '数据', rows: [HEADER] },
      targets: { sheet: '目标', rows: [TARGET_COLUMNS.map((c) => c.header)] },
      facts: { sheet: '定性事实', rows: [FACT_COLUMNS.map((c) => c.header)] },
    })
    expect(inflated.bytes).toBeLessThan(64 * 1024)
  })
})

describe('a sheet with more rows or columns than an import may have', () => {
  it('is refused however small the file, as a row or cell reference alone can reach far', async () => {
    const far = (sheetData: string) => readError(templateWithSheet(sheetData), 'far.xlsx')
    const rows = limitMessages.rows('工作表「数据」')
    const columns = limitMessages.columns('工作表「数据」')
    expect(await far('<row r="100001"><c r="A100001"><v>1</v></c></row>')).toBe(rows)
    expect(await far('<row r="1048576"/>')).toBe(rows)
    expect(await far('<row><c r="A100001"><v>1</v></c></row>')).toBe(rows)
    // Written as the parser reads it: a prefix, a character reference.
    expect(await far('<x:row x:r="&#49;00001"><x:c r="A1"><x:v>1</x:v></x:c></x:row>')).toBe(rows)
    expect(await far('<row r="1"><c r="CW1"><v>1</v></c></row>')).toBe(columns)
    expect(await far('<row r="1"><c r="XFD1"/></row>')).toBe(columns)
    // Just inside: row 100,000; column CV.
    expect(await far('<row r="100000"><c r="A100000"><v>1</v></c></row>')).toBe('read 100000 rows')
    expect(await far('<row r="1"><c r="CV1"><v>1</v></c></row>')).toBe('read 1 rows')
  })

  it('allows 目标 and 定性事实 a thousand rows each, beside a full 数据 sheet', async () => {
    const parts = unzipSync(readFileSync(resolve(REPO, 'docs/import-template.xlsx')))
    const sheet = (sheetData: string) =>
      strToU8(
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
          `<sheetData>${sheetData}</sheetData></worksheet>`,
      )
    parts['xl/worksheets/sheet1.xml'] = sheet('<row r="100000"><c r="A100000"><v>1</v></c></row>')
    // sheet2 is 目标, sheet3 定性事实.
    const far = (part: string, row: number) =>
      readError(
        zipSync({ ...parts, [part]: sheet(`<row r="${row}"><c r="A${row}"><v>1</v></c></row>`) }),
        'side.xlsx',
      )
    expect(await far('xl/worksheets/sheet2.xml', 1000)).toBe('read 100000 rows')
    expect(await far('xl/worksheets/sheet2.xml', 1001)).toBe(
      limitMessages.rows('工作表「目标」', IMPORT_LIMITS.sideRows),
    )
    expect(await far('xl/worksheets/sheet3.xml', 5000)).toBe(
      limitMessages.rows('工作表「定性事实」', IMPORT_LIMITS.sideRows),
    )
  })

  it('counts rows written without numbers, and every cell, empty or not', async () => {
    const limits = { xmlBytes: IMPORT_LIMITS.xmlBytes, rows: 10, columns: 3 }
    const read = (sheetData: string) =>
      readXlsx(templateWithSheet(sheetData), { sheet: () => 0, limits }).then(
        ([t]) => `${t!.rows.length} rows`,
        (e: Error) => e.message,
      )
    const rows = (n: number) =>
      Array.from({ length: n }, (_, i) => `<row><c r="A${i + 1}"><v>${i}</v></c></row>`).join('')
    expect(await read(rows(10))).toBe('10 rows')
    expect(await read(rows(11))).toBe(limitMessages.rows('工作表「数据」', 10))
    expect(await read('<row/>'.repeat(11))).toBe(limitMessages.rows('工作表「数据」', 10))
    expect(await read('<row><c/><c/><c/><c/></row>')).toBe(
      limitMessages.columns('工作表「数据」', 3),
    )
  })

  it('limits CSV files the same way', async () => {
    const csv = (text: string) => readError(strToU8(text), 'dept.csv')
    const line = 'XZFW-04,,通州湾示范区,2025,25\n'
    expect(await csv(line.repeat(IMPORT_LIMITS.rows))).toBe('read 100000 rows')
    expect(await csv(line.repeat(IMPORT_LIMITS.rows + 1))).toBe(limitMessages.rows('文件'))
    const result = await readSpreadsheet(strToU8(`a,b\n${'x,'.repeat(100)}x\n`), 'wide.csv')
    expect(result).toEqual({
      error: expect.objectContaining({ row: 2, message: limitMessages.columns('这一行') }),
    })
  })
})

describe('a normal workbook', () => {
  it('still imports: the template, filled in', async () => {
    const dataset = publishedDataset()
    const [data, ...rest] = templateSheets(dataset)
    const rows = [...data!.rows, ['XZFW-04', null, '通州湾示范区', 2026, 25, '余', null, '报告']]
    const bytes = await writeXlsx([{ ...data!, rows }, ...rest])
    const analysis = await analyseFile(bytes, '报送.xlsx', dataset)
    expect(analysis.errors).toEqual([])
    expect(analysis.dataRows).toBe(1)
    expect(analysis.diff.counts.new).toBe(1)
    // Its parts were inflated once, in full, and no more.
    const parts = unzipSync(bytes)
    const read = ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml']
    // 数据, 目标 and 定性事实; not 目录 or 填写说明.
    const sheets = [1, 2, 3].map((n) => `xl/worksheets/sheet${n}.xml`)
    expect(inflated.bytes).toBe([...read, ...sheets].reduce((n, p) => n + parts[p]!.length, 0))
  })
})
