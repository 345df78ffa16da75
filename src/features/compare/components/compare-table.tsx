import { useMemo, useRef, useState, type UIEvent } from 'react'
import type { CompareModel } from '../compare-model'
import { CSV_TYPE } from '@/lib/csv'
import { downloadBlob } from '@/lib/download'
import { csvFileName, tableCsv } from '../csv'
import type { SortState } from '../selection'
import { cellText, DEMO_MARK, nextSort, sortRows, tableColumns, type Column } from '../table-model'

/** Row height in px (CSS .compare-table td matches it); rows beyond the view are not rendered. */
export const ROW_HEIGHT = 34
const VIEW_HEIGHT = 520
/** Up to this many rows the table renders them all; above it, only the rows in view. */
export const VIRTUAL_FROM = 200
const OVERSCAN = 8

interface CompareTableProps {
  model: CompareModel
  sort: SortState | null
  onSort: (sort: SortState | null) => void
}

function ariaSort(sort: SortState | null, column: Column) {
  if (!sort || sort.key !== column.key) return 'none' as const
  return sort.dir === 'asc' ? ('ascending' as const) : ('descending' as const)
}

/**
 * The numbers behind the charts, one row per organisation and indicator, sortable by any column
 * (无数据 always last), exportable as CSV. Above VIRTUAL_FROM rows only the rows in view are in
 * the DOM (50,000 rows at city scale), with their row index for assistive technology.
 */
export function CompareTable({ model, sort, onSort }: CompareTableProps) {
  const columns = useMemo(() => tableColumns(model), [model])
  const rows = useMemo(() => sortRows(model.rows, sort), [model.rows, sort])
  const [scrollTop, setScrollTop] = useState(0)
  const frame = useRef(0)
  const virtual = rows.length > VIRTUAL_FROM

  const onScroll = (e: UIEvent<HTMLDivElement>) => {
    const top = e.currentTarget.scrollTop
    cancelAnimationFrame(frame.current)
    frame.current = requestAnimationFrame(() => setScrollTop(top))
  }

  const first = virtual ? Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN) : 0
  const last = virtual
    ? Math.min(rows.length, Math.ceil((scrollTop + VIEW_HEIGHT) / ROW_HEIGHT) + OVERSCAN)
    : rows.length
  const visible = rows.slice(first, last)
  // Stops at the first demo value: with demo data that is the first row.
  const hasDemo = useMemo(
    () => model.rows.some((r) => r.current.demo || r.cells.some((c) => c.demo)),
    [model.rows],
  )

  const exportCsv = () =>
    downloadBlob(new Blob([tableCsv(columns, rows)], { type: CSV_TYPE }), csvFileName(model.year))

  return (
    <section className="panel compare-table" aria-labelledby="compare-table-title">
      <header className="panel__head">
        <h3 className="panel__title" id="compare-table-title">
          对比明细表
        </h3>
        <p className="compare-table__meta" role="status">
          共 {rows.length} 行({model.indicators.length} 个指标 × {model.orgs.length} 个单位)
          {hasDemo && <span className="badge badge--demo">含示例数据</span>}
          ;点列名排序;{hasDemo && '标“示例”的为示例数据,'}派生列为计算所得
        </p>
        <button
          type="button"
          className="button button--small"
          onClick={exportCsv}
          disabled={rows.length === 0}
        >
          导出 CSV
        </button>
      </header>
      {rows.length === 0 ? (
        <p className="state state--empty">请选择至少一个指标和一个单位</p>
      ) : (
        <div
          className="compare-table__scroll"
          style={{ maxHeight: VIEW_HEIGHT }}
          onScroll={virtual ? onScroll : undefined}
          tabIndex={0}
          role="group"
          aria-label="对比明细表(可滚动)"
        >
          <table aria-rowcount={rows.length + 1}>
            <caption className="visually-hidden">
              对比明细表,{model.year}年同比、达成度与排名;共 {rows.length} 行
            </caption>
            <thead>
              <tr aria-rowindex={1}>
                {columns.map((c) => (
                  <th
                    key={c.key}
                    scope="col"
                    aria-sort={ariaSort(sort, c)}
                    className={c.numeric ? 'num' : undefined}
                    data-column={c.key}
                  >
                    <button type="button" onClick={() => onSort(nextSort(sort, c))}>
                      <span>{c.header}</span>
                      <span className="compare-table__sort" aria-hidden="true">
                        {sort?.key === c.key ? (sort.dir === 'asc' ? '↑' : '↓') : '↕'}
                      </span>
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {virtual && first > 0 && (
                <tr
                  aria-hidden="true"
                  className="compare-table__spacer"
                  style={{ height: first * ROW_HEIGHT }}
                />
              )}
              {visible.map((row, n) => (
                <tr key={row.key} aria-rowindex={first + n + 2} data-row-key={row.key}>
                  {columns.map((c, i) => {
                    const cell = cellText(row, c.key)
                    // textContent is exactly the CSV cell: "示例 96" or "96".
                    const content = cell.demo ? (
                      <>
                        <span className="compare-table__demo">{DEMO_MARK}</span> {cell.text}
                      </>
                    ) : (
                      cell.text
                    )
                    return i === 0 ? (
                      <th key={c.key} scope="row">
                        {content}
                      </th>
                    ) : (
                      <td
                        key={c.key}
                        className={
                          [
                            c.numeric ? 'num' : '',
                            cell.tone ? `compare-tone--${cell.tone}` : '',
                            cell.text === '无数据' ? 'compare-table__none' : '',
                          ]
                            .filter(Boolean)
                            .join(' ') || undefined
                        }
                        data-sign={cell.sign}
                      >
                        {content}
                      </td>
                    )
                  })}
                </tr>
              ))}
              {virtual && last < rows.length && (
                <tr
                  aria-hidden="true"
                  className="compare-table__spacer"
                  style={{ height: (rows.length - last) * ROW_HEIGHT }}
                />
              )}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
