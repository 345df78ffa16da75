import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { strToU8, unzipSync, Zip, ZipDeflate, type ZipInputFile } from 'fflate'
import type { Dataset, Indicator, Organization } from '../../domain/schemas'
import { DATA_SHEET, FACT_COLUMNS, FACT_SHEET, TARGET_COLUMNS, TARGET_SHEET } from './columns'
import { DATASET_FILES, parseDataset, type DatasetFileName } from './publish'
import type { CellValue, SheetTable } from './types'
import { writeXlsx, type WorkbookSheet } from './xlsx'

/** Test support (not shipped): the published dataset, and small sheets written as a clerk would. */

export const REPO = resolve(import.meta.dirname, '../../..')

export function publishedDataset(dir = resolve(REPO, 'public/data')): Dataset {
  const read = (name: DatasetFileName) => JSON.parse(readFileSync(resolve(dir, name), 'utf8'))
  return parseDataset(
    Object.fromEntries(DATASET_FILES.map((name) => [name, read(name)])) as Record<
      DatasetFileName,
      unknown
    >,
  )
}

export const HEADER = [
  '指标编码',
  '指标名称',
  '单位',
  '年度',
  '数值',
  '限定词',
  '数据性质',
  '来源说明',
  '统计期',
]

export const TARGET_HEADER = TARGET_COLUMNS.map((c) => c.header)
export const FACT_HEADER = FACT_COLUMNS.map((c) => c.header)

/** A 目标 sheet: the template header, then the given rows. */
export const targetSheet = (rows: CellValue[][]): SheetTable => ({
  sheet: TARGET_SHEET,
  rows: [TARGET_HEADER, ...rows],
})

/** A 定性事实 sheet: the template header, then the given rows. */
export const factSheet = (rows: CellValue[][]): SheetTable => ({
  sheet: FACT_SHEET,
  rows: [FACT_HEADER, ...rows],
})

/** An .xlsx of the sheets given (数据, 目标, 定性事实), each under its template header. */
export function importWorkbook(sheets: {
  data?: CellValue[][]
  targets?: CellValue[][]
  facts?: CellValue[][]
}): Promise<Uint8Array> {
  const out: WorkbookSheet[] = []
  if (sheets.data) out.push({ name: DATA_SHEET, rows: [HEADER, ...sheets.data] })
  if (sheets.targets) out.push({ name: TARGET_SHEET, rows: targetSheet(sheets.targets).rows })
  if (sheets.facts) out.push({ name: FACT_SHEET, rows: factSheet(sheets.facts).rows })
  return writeXlsx(out)
}

/** A 数据 sheet: the template header, then the given rows. */
export function sheet(rows: CellValue[][], name = '数据'): SheetTable {
  return { sheet: name, rows: [HEADER, ...rows] }
}

/**
 * A catalogue big enough for 50,000 distinct rows: `indicators` (≤ 100) indicators split by department,
 * `departments` departments plus the district; every (indicator, organisation, year) is valid.
 */
export function syntheticCatalogue(indicators: number, departments: number) {
  const inds: Indicator[] = Array.from({ length: indicators }, (_, i) => ({
    id: `ind-${i}`,
    code: `SYN-${String(i).padStart(2, '0')}`,
    group: 'admin-services',
    name: `合成指标${i}`,
    shortName: `合成${i}`,
    unit: i % 2 ? '件' : '%',
    kind: i % 2 ? 'count' : 'rate',
    direction: 'higher',
    target: null,
    qualifier: null,
    definition: '测试用',
    breakdown: 'department',
    source: { section: '测试', sentence: '测试', quote: '测试', quoteOffset: 0 },
  }))
  const orgs: Organization[] = [
    {
      id: 'tzw',
      name: '通州湾示范区',
      shortName: '全区',
      type: 'district',
      parentId: null,
      namedInReport: true,
    },
    ...Array.from({ length: departments }, (_, d) => ({
      id: `dept-${d}`,
      name: `合成部门${d}`,
      shortName: `部门${d}`,
      type: 'department' as const,
      parentId: 'tzw',
      namedInReport: false,
    })),
  ]
  return { indicators: inds, organizations: orgs }
}

// ------------------------------------------------------------------ zip bombs

/**
 * Raw deflate data for `head`, then `spaces` spaces, then `tail`, written by hand: the spaces are
 * one literal and back-references of 258 bytes at distance 1 (fixed Huffman codes, 13 bits each),
 * so a part that inflates to hundreds of MB takes a few MB and no time to build — and the test
 * never holds it inflated.
 */
export function deflatedSpaces(
  head: Uint8Array,
  spaces: number,
  tail: Uint8Array,
): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(head.length + tail.length + 64 + Math.ceil((spaces / 258) * 2))
  let bit = 0
  const set = () => {
    out[bit >> 3]! |= 1 << (bit & 7)
  }
  /** Header fields and extra bits: least significant bit first. */
  const bits = (value: number, width: number) => {
    for (let k = 0; k < width; k++, bit++) if ((value >> k) & 1) set()
  }
  /** Huffman codes: most significant bit first. */
  const code = (value: number, width: number) => {
    for (let k = width - 1; k >= 0; k--, bit++) if ((value >> k) & 1) set()
  }
  const stored = (data: Uint8Array, final: boolean) => {
    bits(final ? 1 : 0, 1)
    bits(0, 2)
    bit = (bit + 7) & ~7
    bits(data.length, 16)
    bits(~data.length & 0xffff, 16)
    out.set(data, bit >> 3)
    bit += data.length * 8
  }
  const SPACE = 0x30 + 0x20 // fixed code of literal 32
  stored(head, false)
  bits(0, 1)
  bits(1, 2) // a block with the fixed codes
  code(SPACE, 8)
  let left = spaces - 1
  for (; left >= 258; left -= 258) {
    code(0b11000101, 8) // length 258 (symbol 285)
    code(0, 5) // distance 1
  }
  for (; left > 0; left--) code(SPACE, 8)
  code(0, 7) // end of block
  stored(tail, true)
  return out.slice(0, bit >> 3)
}

/**
 * The committed template with a sheet (default the 数据 sheet; sheet2.xml is 目录) replaced by a
 * bomb: valid sheet XML padded with spaces to `size` bytes. The zip directory declares `declared`
 * bytes for it (default: the truth).
 */
export function zipBomb(
  size: number,
  { declared = size, part = 'xl/worksheets/sheet1.xml' } = {},
): Uint8Array<ArrayBuffer> {
  const template = unzipSync(readFileSync(resolve(REPO, 'docs/import-template.xlsx')))
  const head = strToU8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
  )
  const tail = strToU8('</sheetData></worksheet>')
  const chunks: Uint8Array[] = []
  const zip = new Zip((err, chunk) => {
    if (err) throw err
    chunks.push(chunk)
  })
  for (const [name, data] of Object.entries(template)) {
    if (name === part) continue
    const file = new ZipDeflate(name)
    zip.add(file)
    file.push(data, true)
  }
  // An entry whose compressed bytes are given as they are, and whose size is whatever we say.
  const bomb: ZipInputFile = { filename: part, size: declared, crc: 0, compression: 8 }
  zip.add(bomb)
  bomb.ondata!(null, deflatedSpaces(head, size - head.length - tail.length, tail), true)
  zip.end()
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0))
  let at = 0
  for (const c of chunks) {
    bytes.set(c, at)
    at += c.length
  }
  return bytes
}
