import { restoreCsvText } from '../../lib/csv'
import { IMPORT_LIMITS, limitMessages, type ImportLimits } from './limits'
import type { CellValue } from './types'

/**
 * CSV as spreadsheets write it (RFC 4180): fields separated by commas, quoted with " when they
 * hold a comma, a quote ("" inside quotes) or a line break; lines end in CRLF or LF. Text is UTF-8
 * with or without a BOM; a file that is not valid UTF-8 is read as GB18030, which is what Excel
 * on a Chinese Windows writes for “CSV (逗号分隔)”. Files are written by `toCsv` in `src/lib/csv.ts`.
 */

export class CsvError extends Error {
  readonly row: number

  constructor(message: string, row: number) {
    super(message)
    this.name = 'CsvError'
    this.row = row
  }
}

export function decodeText(bytes: Uint8Array): string {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
  const body = bom ? bytes.subarray(3) : bytes
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body)
  } catch {
    return new TextDecoder('gb18030').decode(body)
  }
}

/** The delimiter of the first line: a comma unless the line has none and has tabs or semicolons. */
function sniffDelimiter(text: string): string {
  const end = text.search(/\r|\n/)
  const first = end < 0 ? text : text.slice(0, end)
  if (first.includes(',')) return ','
  if (first.includes('\t')) return '\t'
  if (first.includes(';')) return ';'
  return ','
}

/**
 * Records of the text; each record is one spreadsheet row (a quoted field may span lines). More
 * rows or columns than the limits allow stop the reading with a CsvError at the row.
 */
export function parseCsv(
  text: string,
  limits: Pick<ImportLimits, 'rows' | 'columns'> = IMPORT_LIMITS,
): string[][] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const delimiter = sniffDelimiter(src)
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  const endField = () => {
    if (row.length >= limits.columns) {
      throw new CsvError(limitMessages.columns('这一行', limits.columns), rows.length + 1)
    }
    row.push(field)
    field = ''
  }
  const endRow = () => {
    endField()
    if (rows.length >= limits.rows) {
      throw new CsvError(limitMessages.rows('文件', limits.rows), rows.length + 1)
    }
    rows.push(row)
    row = []
  }
  let i = 0
  const n = src.length
  let quotedFrom = -1
  while (i < n) {
    const ch = src[i]!
    if (quotedFrom >= 0) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"'
          i += 2
          continue
        }
        quotedFrom = -1
        i++
        continue
      }
      field += ch
      i++
      continue
    }
    if (ch === '"' && field === '') {
      quotedFrom = rows.length + 1
      i++
      continue
    }
    if (ch === delimiter) {
      endField()
      i++
      continue
    }
    if (ch === '\r' || ch === '\n') {
      endRow()
      i += ch === '\r' && src[i + 1] === '\n' ? 2 : 1
      continue
    }
    field += ch
    i++
  }
  if (quotedFrom >= 0) {
    throw new CsvError(
      `第 ${quotedFrom} 行的引号没有闭合(字段以 " 开头,但直到文件末尾都没有结束的 ")`,
      quotedFrom,
    )
  }
  if (field !== '' || row.length > 0) endRow()
  return rows
}

/**
 * CSV records as sheet rows: empty fields are empty cells, everything else stays text, without the
 * quote our writer (`src/lib/csv.ts`) puts before formula-like text, so an export reads back as it
 * was.
 */
export function csvRows(text: string): CellValue[][] {
  return parseCsv(text).map((r) =>
    r.map((f) => {
      const v = restoreCsvText(f)
      return v.trim() === '' ? null : v
    }),
  )
}
