import { useMemo, useRef, type CSSProperties } from 'react'
import type { ChartEntry, ChartView } from '@/lib/charts/chart-view'
import { EChart } from '@/lib/echarts/echart'
import { useTheme } from '@/lib/theme/theme-context'
import { useUiStore } from '@/stores/ui-store'
import { DataTable } from './data-table'
import { ExportMenu } from './export-menu'
import { PanelBoundary } from './panel-boundary'
import { DemoBadge, EmptyState, ErrorState } from './state-views'
import './chart-panel.css'

interface ChartPanelProps {
  view: ChartView
  /** Height of the chart area in px; without it the chart fills its panel (flex). */
  height?: number
  /**
   * The chart stands its elements two by two when narrow (under 480 px: four rings): the area is
   * then about three quarters as tall as wide, never less than `height` (chart-panel.css).
   */
  tallWhenNarrow?: boolean
  /** The title's heading level where the panel stands (3 on 对比分析, 4 inside a group panel). */
  level?: 3 | 4
  className?: string
}

/**
 * Any chart view: its title, 导出 menu, 表格 toggle, 含示例数据 mark, accessible name, and its
 * empty and problem states. The chart stays mounted under the table, so switching views does not
 * re-render it.
 */
export function ChartPanel({
  view,
  height,
  tallWhenNarrow = false,
  level = 4,
  className,
}: ChartPanelProps) {
  const chartRef = useRef<HTMLDivElement>(null)
  const tableOpen = useUiStore((s) => Boolean(s.tableViews[view.id]))
  const toggle = useUiStore((s) => s.toggleTableView)
  const theme = useTheme().chart
  const { state } = view
  const ready = state.kind === 'ready'
  const option = useMemo(() => (ready ? view.option(theme) : null), [ready, view, theme])
  const Heading = level === 3 ? 'h3' : 'h4'
  const grows = tableOpen && height !== undefined
  // Sized by its width in CSS (no measuring in script), the same with its table open.
  const tall = tallWhenNarrow && height !== undefined
  const bodyStyle =
    height === undefined ? undefined : grows || tall ? { minHeight: height } : { height }
  const classes = ['chart-panel', height === undefined && 'chart-panel--fill', className]
  return (
    <section
      className={classes.filter(Boolean).join(' ')}
      data-chart-id={view.id}
      data-derived={view.hasDerived || undefined}
      aria-label={view.title}
    >
      <header className="chart-panel__head">
        <Heading className="chart-panel__title">
          {view.title}
          {view.subtitle && <span className="chart-panel__subtitle">{view.subtitle}</span>}
        </Heading>
        {/* Only over a drawn chart: 暂无数据 beside 含示例数据 (a demo target of nothing) said more than was there. */}
        {view.hasDemo && ready && <DemoBadge label="含示例数据" />}
        {view.export && ready && <ExportMenu view={view} chartBox={() => chartRef.current} />}
        <button
          type="button"
          className="button button--ghost button--small"
          aria-pressed={tableOpen}
          onClick={() => toggle(view.id)}
          disabled={state.kind === 'problem'}
        >
          {tableOpen ? '图表' : '表格'}
        </button>
      </header>
      {(view.note || view.action) && (
        <p className="chart-panel__note">
          {view.note}
          {view.action && (
            <button
              type="button"
              className="button button--small chart-panel__action"
              onClick={view.action.run}
            >
              {view.action.label}
            </button>
          )}
        </p>
      )}
      {/* A panel of a given height grows with its open table, so that every row shows (up to
          most of the screen); the chart under the table keeps its size and is not redrawn. A
          panel that fills its place (the big screen) keeps the table inside. */}
      <div
        className={`chart-panel__body${grows ? ' chart-panel__body--table' : ''}`}
        style={bodyStyle}
      >
        {state.kind === 'problem' ? (
          <ErrorState message={state.message} />
        ) : state.kind === 'empty' ? (
          <EmptyState>{state.message}</EmptyState>
        ) : (
          option && (
            <div
              className={`chart-panel__chart${tall ? ' chart-panel__chart--tall-narrow' : ''}`}
              role="img"
              aria-label={view.summary}
              ref={chartRef}
              style={
                height === undefined
                  ? undefined
                  : tall
                    ? ({ '--chart-min-height': `${height}px` } as CSSProperties)
                    : { height }
              }
            >
              <EChart option={option} />
            </div>
          )
        )}
        {tableOpen && state.kind !== 'problem' && (
          <DataTable
            caption={view.title}
            columns={view.table.columns}
            rows={view.table.rows}
            numeric={view.table.numeric}
          />
        )}
      </div>
    </section>
  )
}

/** One registered chart: its view built from the input (again only when the input changes). */
function RegisteredChart<I>({
  entry,
  input,
  ...panel
}: { entry: ChartEntry<I>; input: I } & Omit<ChartPanelProps, 'view'>) {
  const view = useMemo(() => entry.build(input), [entry, input])
  return view && <ChartPanel view={view} {...panel} />
}

/** Every chart of a registry's entries, each in its own error boundary. */
export function RegisteredCharts<I>({
  entries,
  input,
  ...panel
}: { entries: readonly ChartEntry<I>[]; input: I } & Omit<ChartPanelProps, 'view'>) {
  return entries.map((entry) => (
    <PanelBoundary key={entry.id} name={entry.name}>
      <RegisteredChart entry={entry} input={input} {...panel} />
    </PanelBoundary>
  ))
}
