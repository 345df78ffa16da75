/**
 * The one CSV writer of the app (the 对比分析 table export, the import template and data exports):
 * UTF-8 with a byte-order mark (without it Excel on Windows reads the Chinese as GBK and garbles
 * it), CRLF line ends, RFC 4180 quoting.
 *
 * Formula injection (CWE-1236): a spreadsheet runs a cell whose text starts with `=`, `+`, `-`, `@`,
 * a tab or a carriage return as a formula. Following OWASP, every such text cell gets a leading
 * single quote `'`, which makes it plain text. Numbers stay numbers: a finite number value (`-3`,
 * `-0.5`) and a text cell that is nothing but a decimal number (`-12`, `+5.6`, as the comparison
 * table writes its figures) cannot run anything, so they are written as they are. Any other text
 * starting with one of those characters (`-cmd`, `=1+2`, `-Infinity`) is neutralised.
 *
 * The mark is reversible: a text that already starts with quotes followed by one of those
 * characters gets one more quote, so `restoreCsvText` (used by the importer) gives every cell back
 * exactly.
 */

export const CSV_BOM = '\uFEFF'

/** The media type of the files, for a download's Blob. */
export const CSV_TYPE = 'text/csv;charset=utf-8'

/** A cell as the writers give it: text, a number, a boolean, a date, or nothing (empty). */
export type CsvCell = string | number | boolean | Date | null | undefined

/** Text that a spreadsheet would run, also after any quotes a neutralised cell already has. */
const FORMULA = /^'*[=+\-@\t\r]/
/** A plain decimal number, which a spreadsheet reads as a number even with its sign. */
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/

/** The text of a cell, neutralised when a spreadsheet would run it as a formula. */
export function neutraliseCsvText(cell: CsvCell): string {
  if (cell === null || cell === undefined) return ''
  if (cell instanceof Date) return cell.toISOString()
  if (typeof cell === 'number' && Number.isFinite(cell)) return String(cell)
  const text = String(cell)
  return FORMULA.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text
}

/** One field: neutralised, and quoted when it holds a comma, a quote, a line break or edge space. */
export function csvField(cell: CsvCell): string {
  const v = neutraliseCsvText(cell)
  return /[",\r\n]|^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v
}

/** Rows (the header is rows[0]) as a CSV file's text, BOM first, every line ending in CRLF. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return `${CSV_BOM}${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`
}

/** A field as read back from a CSV this writer made: the neutralising quote taken off again. */
export function restoreCsvText(field: string): string {
  return /^'+[=+\-@\t\r]/.test(field) ? field.slice(1) : field
}
