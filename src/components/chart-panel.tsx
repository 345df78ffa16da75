import { useMemo, useRef } from 'react'
import { DataTable } from './data-table'
import { ExportMenu, type ChartExport } from './export-menu'
import { EChart } from '@/lib/echarts/echart'
import type { ChartOption } from '@/lib/echarts/types'
import { useUiStore } from '@/stores/ui-store'
import { DemoBadge, EmptyState, ErrorState } from './state-views'

export interface TableRow {
  key: string
  label: string
  text: string
  demo: boolean
  note?: string
}

interface ChartPanelProps {
  id: string
  title: string
  subtitle?: string
  note?: string
  rows: TableRow[]
  option: ChartOption | null
  error: string | null
  /** Height of the chart area in px; without it the chart fills its panel (flex). */
  height?: number
  /** What the 导出 menu needs; without it the chart has no export control. */
  exportInfo?: ChartExport
}

/**
 * A chart with its accessible name, a table view of the same numbers, and its error and empty
 * states. The chart stays mounted under the table, so switching views does not re-render it.
 */
export function ChartPanel({
  id,
  title,
  subtitle,
  note,
  rows,
  option,
  error,
  height,
  exportInfo,
}: ChartPanelProps) {
  const chartRef = useRef<HTMLDivElement>(null)
  const tableOpen = useUiStore((s) => Boolean(s.tableViews[id]))
  const toggle = useUiStore((s) => s.toggleTableView)
  const hasDemo = rows.some((r) => r.demo)
  const empty = !error && rows.every((r) => r.text === '无数据')
  const summary = useMemo(
    () => `${title}:${rows.map((r) => `${r.label} ${r.text}${r.demo ? '(示例)' : ''}`).join(',')}`,
    [title, rows],
  )
  return (
    <section
      className={height === undefined ? 'chart-panel chart-panel--fill' : 'chart-panel'}
      data-chart-id={id}
      aria-label={title}
    >
      <header className="chart-panel__head">
        <h4 className="chart-panel__title">
          {title}
          {subtitle && <span className="chart-panel__subtitle">{subtitle}</span>}
        </h4>
        {hasDemo && <DemoBadge label="含示例数据" />}
        {exportInfo && !error && !empty && (
          <ExportMenu info={exportInfo} chartBox={() => chartRef.current} />
        )}
        <button
          type="button"
          className="button button--ghost button--small"
          aria-pressed={tableOpen}
          onClick={() => toggle(id)}
        >
          {tableOpen ? '图表' : '表格'}
        </button>
      </header>
      {note && <p className="chart-panel__note">{note}</p>}
      <div className="chart-panel__body" style={height === undefined ? undefined : { height }}>
        {error ? (
          <ErrorState message={error} />
        ) : empty ? (
          <EmptyState />
        ) : (
          option && (
            <div className="chart-panel__chart" role="img" aria-label={summary} ref={chartRef}>
              <EChart option={option} />
            </div>
          )
        )}
        {tableOpen && !error && (
          <DataTable
            caption={title}
            columns={['指标', '数值', '说明']}
            numeric={[1]}
            rows={rows.map((r) => ({
              key: r.key,
              cells: [
                r.label,
                r.text,
                `${r.demo ? '示例数据' : '报告数字'}${r.note ? `;${r.note}` : ''}`,
              ],
            }))}
          />
        )}
      </div>
    </section>
  )
}
