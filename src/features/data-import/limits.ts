/**
 * How much a file may hold: the import page and `npm run data:import` both read files through
 * `readSpreadsheet` (read-file.ts), so these limits and their messages are the same for both.
 *
 * They bound memory, not content a department would send: the template's drop-down lists reach
 * row 100,000 (workbook.ts), and 100,000 template rows written by the export come to about 45 MB
 * of sheet XML, so 100 MB leaves room for extra columns and other writers. A workbook is refused
 * from the sizes its zip directory declares before anything is inflated, and each part is inflated
 * with its declared size as a hard cap (zip.ts), so a directory that lies cannot get past either.
 */

const MB = 1024 * 1024

export interface ImportLimits {
  fileBytes: number
  xmlBytes: number
  rows: number
  /** Rows of each of the sheets 目标 and 定性事实 (header included). */
  sideRows: number
  columns: number
}

export const IMPORT_LIMITS: Readonly<ImportLimits> = {
  /** The file as chosen or dropped. */
  fileBytes: 30 * MB,
  /** The XML a workbook's sheet and its shared parts (strings, styles, sheet list) inflate to. */
  xmlBytes: 100 * MB,
  /** Rows of the sheet read (header included): the last row number a sheet may use. */
  rows: 100_000,
  /** A target per indicator, a few facts a year: far fewer than a thousand. */
  sideRows: 1_000,
  /** Columns of the sheet read: A to CV. The template has 8; a department may add its own. */
  columns: 100,
}

const count = (n: number) => n.toLocaleString('en-US')

/** What the clerk reads; `where` is e.g. 工作表「数据」. The limit is the one that was applied. */
export const limitMessages = {
  fileBytes: (bytes: number, limit = IMPORT_LIMITS.fileBytes) =>
    `文件过大(${(bytes / MB).toFixed(1)} MB,上限 ${+(limit / MB).toFixed(1)} MB)`,
  xmlBytes: (limit = IMPORT_LIMITS.xmlBytes) =>
    `工作簿解压后超过 ${+(limit / MB).toFixed(1)} MB(上限),请删除多余的行、列或工作表,或拆分文件后再导入`,
  rows: (where: string, limit = IMPORT_LIMITS.rows) =>
    `${where}超过 ${count(limit)} 行(上限,含表头),请拆分成几个文件分别导入`,
  columns: (where: string, limit = IMPORT_LIMITS.columns) =>
    `${where}超过 ${count(limit)} 列(上限),请删除多余的列后再导入`,
}
