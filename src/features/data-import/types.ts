import type { Indicator, Observation, Organization } from '../../domain/schemas'

/** A cell as a spreadsheet gives it: text, a number, a boolean, a date, or nothing. */
export type CellValue = string | number | boolean | Date | null

/** One sheet of a workbook, or a CSV file: rows[0] is spreadsheet row 1. */
export interface SheetTable {
  sheet: string
  rows: CellValue[][]
}

/** A problem found in a file, placed so that a clerk can find it: sheet, row and column. */
export interface ImportIssue {
  sheet: string
  /** 1-based row as the spreadsheet numbers it; null when the problem is the whole file. */
  row: number | null
  /** Column letter (A, B, …); null when the problem is the whole row or file. */
  column: string | null
  /** The column's header, e.g. 年度. */
  columnName: string | null
  message: string
}

/** A valid row of the file, as the observation it becomes. */
export interface ImportedRow {
  row: number
  observation: Observation
  /** 来源说明: kept for checking, not part of the data contract. */
  note: string | null
}

/** What a row is checked against: the published catalogue and organisations. */
export interface Catalogue {
  indicators: Indicator[]
  organizations: Organization[]
}
