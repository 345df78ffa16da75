import type { Observation } from '../../domain/schemas'
import { diffRows, type ImportDiff } from './diff'
import { IMPORT_LIMITS, limitMessages } from './limits'
import { readSpreadsheet } from './read-file'
import type { Catalogue, ImportedRow, ImportIssue } from './types'
import { validateSheet } from './validate'

/** Everything the CLI and the page need to know about a file before anything is written. */
export interface ImportAnalysis {
  fileName: string
  sheet: string | null
  dataRows: number
  rows: ImportedRow[]
  errors: ImportIssue[]
  warnings: ImportIssue[]
  diff: ImportDiff
}

export interface CurrentData extends Catalogue {
  observations: Observation[]
}

const emptyDiff = (): ImportDiff => ({ changes: [], counts: { new: 0, changed: 0, unchanged: 0 } })

const failed = (fileName: string, error: ImportIssue): ImportAnalysis => ({
  fileName,
  sheet: null,
  dataRows: 0,
  rows: [],
  errors: [error],
  warnings: [],
  diff: emptyDiff(),
})

/**
 * A file over the size limit, refused from its size alone (the page checks `File.size` before
 * reading a byte of it); null when the size is within the limit.
 */
export function refuseBySize(fileName: string, size: number): ImportAnalysis | null {
  if (size <= IMPORT_LIMITS.fileBytes) return null
  return failed(fileName, {
    sheet: fileName,
    row: null,
    column: null,
    columnName: null,
    message: limitMessages.fileBytes(size),
  })
}

/** Reads the file, checks every row, and compares the valid rows with the current data. */
export async function analyseFile(
  bytes: Uint8Array,
  fileName: string,
  current: CurrentData,
): Promise<ImportAnalysis> {
  const read = await readSpreadsheet(bytes, fileName)
  if ('error' in read) return failed(fileName, read.error)
  const result = validateSheet(read.table, current)
  const errors = [...result.errors]
  if (errors.length === 0 && result.dataRows === 0) {
    errors.push({
      sheet: read.table.sheet,
      row: null,
      column: null,
      columnName: null,
      message: '表中没有数据行(表头下方是空的)',
    })
  }
  return {
    fileName,
    sheet: read.table.sheet,
    dataRows: result.dataRows,
    rows: result.rows,
    errors,
    warnings: result.warnings,
    diff: errors.length === 0 ? diffRows(current.observations, result.rows) : emptyDiff(),
  }
}
