import { useRef, type ReactNode } from 'react'
import { DataTable } from '@/components/data-table'
import { ExportMenu, type ChartExport } from '@/components/export-menu'
import { DemoBadge, EmptyState, ErrorState } from '@/components/state-views'
import { EChart } from '@/lib/echarts/echart'
import { useUiStore } from '@/stores/ui-store'
import type { CompareOption } from '../charts/common'

export interface PanelTable {
  columns: string[]
  rows: { key: string; cells: string[] }[]
}

/** A chart's export without hasDemo, which the panel adds: it knows if its chart shows demo values. */
export type PanelExport = Omit<ChartExport, 'meta'> & { meta: Omit<ChartExport['meta'], 'hasDemo'> }

interface ComparePanelProps {
  id: string
  title: string
  subtitle?: string
  note?: ReactNode
  option: CompareOption | null
  error: string | null
  /** Why there is nothing to draw (shown instead of an empty chart); null when there is. */
  empty: string | null
  /** The chart's accessible name: what it shows, in words, with 示例 marks. */
  summary: string
  hasDemo: boolean
  table: PanelTable
  height: number
  /** What the 导出 menu needs (the option rebuilt in the briefing theme). */
  exportInfo?: PanelExport
}

/**
 * A comparison chart with its accessible name, a 表格 view of the same numbers, a 含示例数据 mark,
 * and its error and empty states. The chart stays mounted under the table view.
 */
export function ComparePanel({
  id,
  title,
  subtitle,
  note,
  option,
  error,
  empty,
  summary,
  hasDemo,
  table,
  height,
  exportInfo,
}: ComparePanelProps) {
  const chartRef = useRef<HTMLDivElement>(null)
  const tableOpen = useUiStore((s) => Boolean(s.tableViews[id]))
  const toggle = useUiStore((s) => s.toggleTableView)
  const drawable = !error && !empty && option
  return (
    <section className="chart-panel compare-panel" data-chart-id={id} aria-label={title}>
      <header className="chart-panel__head">
        <h3 className="chart-panel__title">
          {title}
          {subtitle && <span className="chart-panel__subtitle">{subtitle}</span>}
        </h3>
        {hasDemo && !error && <DemoBadge label="含示例数据" />}
        {exportInfo && drawable && (
          <ExportMenu
            info={{ ...exportInfo, meta: { ...exportInfo.meta, hasDemo } }}
            chartBox={() => chartRef.current}
          />
        )}
        <button
          type="button"
          className="button button--ghost button--small"
          aria-pressed={tableOpen}
          onClick={() => toggle(id)}
          disabled={Boolean(error)}
        >
          {tableOpen ? '图表' : '表格'}
        </button>
      </header>
      {note && <p className="chart-panel__note">{note}</p>}
      <div className="chart-panel__body" style={{ height }}>
        {error ? (
          <ErrorState message={error} />
        ) : empty ? (
          <EmptyState>{empty}</EmptyState>
        ) : (
          drawable && (
            <div className="chart-panel__chart" role="img" aria-label={summary} ref={chartRef}>
              {/* The wrapper's type names the core modules; radar and dataZoom are registered by this view. */}
              <EChart option={option} />
            </div>
          )
        )}
        {tableOpen && !error && (
          <DataTable caption={title} columns={table.columns} rows={table.rows} />
        )}
      </div>
    </section>
  )
}

/** "A、B、C 等 N 个" — long lists are cut in accessible names, never left unbounded. */
export function summarize(items: string[], max = 20): string {
  if (items.length <= max) return items.join(',')
  return `${items.slice(0, max).join(',')}……共 ${items.length} 项`
}
