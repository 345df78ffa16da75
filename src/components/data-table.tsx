import './data-table.css'
export interface DataTableProps {
  caption: string
  columns: string[]
  rows: { key: string; cells: string[] }[]
  /** Columns (by index) whose cells are numbers: tabular figures, no wrapping. Default: all but the first. */
  numeric?: number[]
}

/**
 * The table view behind a chart: the first cell of a row is its header, the rest are text (React
 * text, never markup). Shared by every chart panel.
 */
export function DataTable({ caption, columns, rows, numeric }: DataTableProps) {
  const isNumeric = (i: number) => (numeric ? numeric.includes(i) : i > 0)
  return (
    // A table wider or taller than its panel scrolls in this box: in the tab order and named, so
    // the keyboard can reach it and scroll it (对比分析's 同比变化 on an office screen or a phone).
    <div className="chart-panel__table" role="region" aria-label={`${caption}(表格)`} tabIndex={0}>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th scope="col" key={c}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              {r.cells.map((c, i) =>
                i === 0 ? (
                  <th scope="row" key={i}>
                    {c}
                  </th>
                ) : (
                  <td key={i} className={isNumeric(i) ? 'num' : undefined}>
                    {c}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
