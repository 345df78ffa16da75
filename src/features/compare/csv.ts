import { cellString, cellText, type Column } from './table-model'
import type { TableRow } from './compare-model'

/**
 * CSV of what the comparison table shows, for Excel: UTF-8 with a byte-order mark (without it
 * Excel on Windows reads the Chinese as GBK and garbles it), CRLF line ends, RFC 4180 quoting.
 */

export const BOM = '\uFEFF'

/** Formula-looking text (=, +, -, @ first) from the data is defused; plain numbers stay numbers. */
const FORMULA = /^[=+\-@\t\r]/
const NUMBER = /^[+-]?\d+(\.\d+)?$/

export function csvField(value: string): string {
  let v = value
  if (FORMULA.test(v) && !NUMBER.test(v)) v = `'${v}`
  return /[",\r\n]/.test(v) || /^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v
}

export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [header, ...rows].map((r) => r.map(csvField).join(','))
  return `${BOM}${lines.join('\r\n')}\r\n`
}

/** The table as CSV: the same columns, the same rows in the same order, the same cell text. */
export function tableCsv(columns: readonly Column[], rows: readonly TableRow[]): string {
  return toCsv(
    columns.map((c) => c.header),
    rows.map((row) => columns.map((c) => cellString(cellText(row, c.key)))),
  )
}

/** "对比分析_2024年_20261127.csv" */
export function csvFileName(year: number, now = new Date()): string {
  const d = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  })
    .format(now)
    .replace(/-/g, '')
  return `对比分析_${year}年_${d}.csv`
}

/** Saves text as a file through a temporary object URL (no server round trip). */
export function downloadText(text: string, fileName: string, type = 'text/csv;charset=utf-8') {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.rel = 'noopener'
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
