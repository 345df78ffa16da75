import { DATA_SHEET } from './columns'
import { csvRows, CsvError, decodeText } from './csv'
import type { ImportIssue, SheetTable } from './types'
import { IMPORT_LIMITS, limitMessages } from './limits'
import { isOle2, looksLikeXlsx, readXlsx, SpreadsheetError } from './xlsx'

/**
 * A dropped or given file → the sheet that holds the data. .xlsx: the sheet named 数据, else the
 * first one; .csv: the file itself (its “sheet” is the file name). Problems come back as issues.
 */

export type ReadResult = { table: SheetTable } | { error: ImportIssue }

const fileIssue = (sheet: string, message: string, row: number | null = null): ImportIssue => ({
  sheet,
  row,
  column: null,
  columnName: null,
  message,
})

/** The sheet named 数据, else the first one; the others are not read at all. */
function dataSheet(names: string[]): number {
  const index = names.findIndex((n) => n.trim() === DATA_SHEET)
  return index < 0 ? 0 : index
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
      const [table] = await readXlsx(bytes, { sheet: dataSheet })
      if (!table) return { error: fileIssue(fileName, '工作簿中没有工作表') }
      return { table }
    } catch (err) {
      const message = err instanceof SpreadsheetError ? err.message : '无法读取工作簿'
      return { error: fileIssue(fileName, message) }
    }
  }
  if (lower.endsWith('.xlsx')) {
    return { error: fileIssue(fileName, '文件扩展名是 .xlsx,但内容不是 Excel 工作簿') }
  }
  // Anything else is read as CSV text.
  try {
    return { table: { sheet: fileName, rows: csvRows(decodeText(bytes)) } }
  } catch (err) {
    if (err instanceof CsvError) return { error: fileIssue(fileName, err.message, err.row) }
    return { error: fileIssue(fileName, '无法读取 CSV 文件') }
  }
}
