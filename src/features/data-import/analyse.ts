import type { Fact, Observation } from '../../domain/schemas'
import {
  diffFacts,
  diffRows,
  diffTargets,
  type FactChange,
  type ImportDiff,
  type TargetChange,
} from './diff'
import { validateFacts } from './facts'
import { IMPORT_LIMITS, limitMessages } from './limits'
import { readSpreadsheet } from './read-file'
import type { Catalogue, ImportedRow, ImportIssue } from './types'
import { validateTargets } from './targets'
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
  /** The rows of the sheet 目标 against the current targets (none when there are errors). */
  targets: TargetChange[]
  /** The rows of the sheet 定性事实 against the published facts (none when there are errors). */
  facts: FactChange[]
  /** Non-empty rows of 目标 and 定性事实 (valid or not). */
  sideRows: { targets: number; facts: number }
}

export interface CurrentData extends Catalogue {
  observations: Observation[]
  /** The published facts (facts.json); undefined when they could not be read. */
  facts?: Fact[]
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
  targets: [],
  facts: [],
  sideRows: { targets: 0, facts: 0 },
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
  const none = { rows: [], errors: [], warnings: [], dataRows: 0 }
  // A workbook of 目标 or 定性事实 alone needs no 数据.
  const dataOptional = read.table.rows.length === 0 && (read.targets ?? read.facts) !== undefined
  const result = dataOptional ? none : validateSheet(read.table, current)
  const targets = read.targets ? validateTargets(read.targets, current) : none
  const facts = read.facts ? validateFacts(read.facts, current.facts ?? []) : none
  const errors = [...result.errors, ...targets.errors, ...facts.errors]
  const rowsGiven = result.dataRows + targets.dataRows + facts.dataRows
  if (errors.length === 0 && rowsGiven === 0) {
    errors.push({
      sheet: read.table.sheet,
      row: null,
      column: null,
      columnName: null,
      message: '表中没有数据行(表头下方是空的)',
    })
  }
  const warnings = [...result.warnings, ...targets.warnings, ...facts.warnings]
  if (read.facts && facts.dataRows > 0 && current.facts === undefined) {
    warnings.push({
      sheet: read.facts.sheet,
      row: null,
      column: null,
      columnName: null,
      message:
        '看板当前的定性事实(facts.json)未能读取,下表无法区分新增和修改;发布时以管理员的数据为准',
    })
  }
  return {
    fileName,
    sheet: read.table.sheet,
    dataRows: result.dataRows,
    rows: result.rows,
    errors,
    warnings,
    diff: errors.length === 0 ? diffRows(current.observations, result.rows) : emptyDiff(),
    targets: errors.length === 0 ? diffTargets(targets.rows) : [],
    facts: errors.length === 0 ? diffFacts(current.facts ?? [], facts.rows) : [],
    sideRows: { targets: targets.dataRows, facts: facts.dataRows },
  }
}
