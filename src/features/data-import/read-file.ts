import { DATA_SHEET, FACT_SHEET, TARGET_SHEET } from './columns'
import { csvRows, CsvError, decodeText } from './csv'
import type { ImportIssue, SheetTable } from './types'
import { IMPORT_LIMITS, limitMessages } from './limits'
import { isOle2, looksLikeXlsx, readXlsx, SpreadsheetError, type SheetChoice } from './xlsx'

/**
 * A dropped or given file → the sheet that holds the data, and the sheets 目标 and 定性事实 if the
 * workbook has them. .xlsx: the sheet named 数据, else the first other than 目标 and 定性事实;
 * .csv: the file itself (its “sheet” is the file name), data only; any other file is refused by
 * its type. Problems come back as issues.
 */

export type ReadResult =
  | {
      /** 数据; without rows when a workbook has only 目标 or 定性事实. */
      table: SheetTable
      targets?: SheetTable
      facts?: SheetTable
    }
  | { error: ImportIssue }

const fileIssue = (sheet: string, message: string, row: number | null = null): ImportIssue => ({
  sheet,
  row,
  column: null,
  columnName: null,
  message,
})

const SIDE_SHEETS = [TARGET_SHEET, FACT_SHEET]

/** The file types read (as the page's file picker offers them), as the clerk is told. */
const ACCEPTED_TYPES = 'Excel 工作簿(.xlsx)或 CSV 文件(.csv)'

/** Said of a file that is neither a workbook nor named .csv: what it is, and what is read. */
function unsupportedType(fileName: string): string {
  const dot = fileName.lastIndexOf('.')
  const ext = dot > 0 && dot < fileName.length - 1 ? fileName.slice(dot).toLowerCase() : ''
  const what = ext ? `不支持 ${ext} 类型的文件` : '不支持没有扩展名的文件'
  return `${what}:只能导入 ${ACCEPTED_TYPES}`
}

/**
 * The sheets to read: 数据 (else the first sheet that is neither 目标 nor 定性事实), then 目标 and
 * 定性事实 if there, each within its row limit; the others are not read at all.
 */
function chooseSheets(names: string[]): SheetChoice[] {
  const named = (name: string) => names.findIndex((n) => n.trim() === name)
  let data = named(DATA_SHEET)
  if (data < 0) data = names.findIndex((n) => !SIDE_SHEETS.includes(n.trim()))
  const side = SIDE_SHEETS.map(named)
    .filter((i) => i >= 0)
    .map((index) => ({ index, rows: IMPORT_LIMITS.sideRows }))
  return [...(data < 0 ? [] : [{ index: data }]), ...side]
}

export async function readSpreadsheet(bytes: Uint8Array, fileName: string): Promise<ReadResult> {
  const lower = fileName.toLowerCase()
  if (bytes.byteLength === 0) return { error: fileIssue(fileName, '文件是空的') }
  if (bytes.byteLength > IMPORT_LIMITS.fileBytes) {
    return { error: fileIssue(fileName, limitMessages.fileBytes(bytes.byteLength)) }
  }
  if (isOle2(bytes) || lower.endsWith('.xls')) {
    return {
      error: fileIssue(
        fileName,
        '不支持旧版 .xls 格式:请在 Excel/WPS 中“另存为” .xlsx 或 CSV 后再导入',
      ),
    }
  }
  if (looksLikeXlsx(bytes)) {
    try {
      const tables = await readXlsx(bytes, { sheets: chooseSheets })
      if (tables.length === 0) return { error: fileIssue(fileName, '工作簿中没有工作表') }
      const named = (name: string) => tables.find((t) => t.sheet.trim() === name)
      const targets = named(TARGET_SHEET)
      const facts = named(FACT_SHEET)
      const table = tables.find((t) => t !== targets && t !== facts) ?? {
        sheet: DATA_SHEET,
        rows: [],
      }
      return { table, ...(targets && { targets }), ...(facts && { facts }) }
    } catch (err) {
      const message = err instanceof SpreadsheetError ? err.message : '无法读取工作簿'
      return { error: fileIssue(fileName, message) }
    }
  }
  if (lower.endsWith('.xlsx')) {
    return { error: fileIssue(fileName, '文件扩展名是 .xlsx,但内容不是 Excel 工作簿') }
  }
  // A picture, a PDF, a Word file…: not a table at all (its bytes read as text find no header).
  if (!lower.endsWith('.csv')) return { error: fileIssue(fileName, unsupportedType(fileName)) }
  try {
    return { table: { sheet: fileName, rows: csvRows(decodeText(bytes)) } }
  } catch (err) {
    if (err instanceof CsvError) return { error: fileIssue(fileName, err.message, err.row) }
    return { error: fileIssue(fileName, '无法读取 CSV 文件') }
  }
}
