import { toCsv } from '@/lib/csv'
import { cellString, cellText, type Column } from './table-model'
import type { TableRow } from './compare-model'

/**
 * CSV of what the comparison table shows, for Excel, through the app's one CSV writer
 * (`src/lib/csv.ts`: UTF-8 with a byte-order mark, CRLF, RFC 4180 quoting, formulas neutralised).
 */

/** The table as CSV: the same columns, the same rows in the same order, the same cell text. */
export function tableCsv(columns: readonly Column[], rows: readonly TableRow[]): string {
  return toCsv([
    columns.map((c) => c.header),
    ...rows.map((row) => columns.map((c) => cellString(cellText(row, c.key)))),
  ])
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
