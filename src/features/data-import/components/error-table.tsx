import { useState } from 'react'
import { sortIssues } from '../issues'
import type { ImportIssue } from '../types'
import { TableScroll } from './table-scroll'

const PAGE = 200

/** Problems by sheet, row and column, in reading order; long lists show 200 at a time. */
export function ErrorTable({
  issues,
  caption = '错误清单',
  kind = 'error',
}: {
  issues: ImportIssue[]
  caption?: string
  kind?: 'error' | 'warning'
}) {
  const [limit, setLimit] = useState(PAGE)
  const sorted = sortIssues(issues)
  const shown = sorted.slice(0, limit)
  return (
    <div className={`issue-table issue-table--${kind}`}>
      <TableScroll label={caption}>
        <table className="data-table" data-issue-table={kind}>
          <caption>
            {caption}({issues.length} 处)
          </caption>
          <thead>
            <tr>
              <th scope="col">工作表</th>
              <th scope="col">行</th>
              <th scope="col">列</th>
              <th scope="col">问题</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((issue, i) => (
              <tr key={i} data-row={issue.row ?? ''}>
                <td className="import-table__name">{issue.sheet}</td>
                <td className="num">{issue.row === null ? '—' : `第 ${issue.row} 行`}</td>
                <td className="import-table__column">
                  {issue.column !== null
                    ? `${issue.column} 列${issue.columnName ? `(${issue.columnName})` : ''}`
                    : issue.row !== null
                      ? '整行'
                      : '—'}
                </td>
                <td className="issue-table__message">{issue.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {sorted.length > limit && (
        <button
          type="button"
          className="button button--small"
          onClick={() => setLimit(limit + PAGE * 5)}
        >
          再显示 {Math.min(PAGE * 5, sorted.length - limit)} 处(共 {sorted.length} 处)
        </button>
      )}
    </div>
  )
}
