import type { ImportIssue } from './types'

/** 工作表「数据」第 5 行 D 列(年度):缺少年度 */
export function formatIssue(issue: ImportIssue): string {
  let where = `工作表「${issue.sheet}」`
  if (issue.row !== null) where += `第 ${issue.row} 行`
  if (issue.column !== null) {
    where += ` ${issue.column} 列${issue.columnName ? `(${issue.columnName})` : ''}`
  } else if (issue.row !== null) where += '(整行)'
  return `${where}:${issue.message}`
}

/**
 * Issues in reading order: sheet by sheet (in the order they were found: 数据, 目标, 定性事实),
 * then by row, then by column (file-level problems first).
 */
export function sortIssues(issues: ImportIssue[]): ImportIssue[] {
  const colRank = (c: string | null) => (c === null ? -1 : c.length * 1000 + c.charCodeAt(0))
  const sheets = [...new Set(issues.map((i) => i.sheet))]
  return [...issues].sort(
    (a, b) =>
      sheets.indexOf(a.sheet) - sheets.indexOf(b.sheet) ||
      (a.row ?? 0) - (b.row ?? 0) ||
      colRank(a.column) - colRank(b.column),
  )
}
