import { useMemo } from 'react'
import { ChartPanel } from '@/components/chart-panel'
import { PanelBoundary } from '@/components/panel-boundary'
import type { ChartExport } from '@/components/export-menu'
import { useUiStore } from '@/stores/ui-store'
import { BRIEFING_THEME, HALL_THEME, type ChartTheme } from '@/lib/echarts/theme'
import { buildChartOption, chartRows, type ChartInput } from '../charts/build-chart'
import { stepShares } from '../charts/funnel'
import type { ChartSpec } from '../charts/group-charts'

/**
 * Height from the chart's kind and number of rows (never from the data), so panels keep a fixed
 * size and nothing shifts when charts arrive.
 */
export function chartHeight(spec: ChartSpec): number {
  const n = spec.indicatorIds.length
  if (spec.kind === 'rings') return 180
  if (spec.kind === 'funnel') return 24 + n * 56
  return 24 + n * 40
}

interface GroupChartProps {
  spec: ChartSpec
  input: ChartInput
  /** px, or 'fill' to take the rest of a flex column (the big screen). */
  height?: number | 'fill'
  theme?: ChartTheme
}

/** One chart of a group for the chosen organisation and year, inside its own error boundary. */
export function GroupChart(props: GroupChartProps) {
  return (
    <PanelBoundary name={props.spec.title}>
      <GroupChartBody {...props} />
    </PanelBoundary>
  )
}

function GroupChartBody({ spec, input, height, theme: given }: GroupChartProps) {
  const printing = useUiStore((s) => s.printing)
  const theme = given ?? (printing ? BRIEFING_THEME : HALL_THEME)
  const { rows, error } = useMemo(() => chartRows(spec, input), [spec, input])
  const option = useMemo(
    () => (error ? null : buildChartOption(spec, rows, theme)),
    [spec, rows, error, theme],
  )
  const exportInfo = useMemo<ChartExport | undefined>(() => {
    const ctx = input.context
    if (!ctx || error) return undefined
    const units = [...new Set(spec.indicatorIds.map((id) => input.indicators.get(id)?.unit ?? ''))]
    return {
      meta: {
        group: ctx.groupNames[spec.group] ?? spec.group,
        title: spec.title,
        organization: ctx.organization,
        period: ctx.period,
        unit: units.filter(Boolean).join('、'),
        source: ctx.source,
        hasDemo: rows.some((r) => r.demo),
      },
      year: input.year,
      accent: BRIEFING_THEME.accents[spec.group],
      buildOption: () => buildChartOption(spec, rows, BRIEFING_THEME),
    }
  }, [input, spec, rows, error])
  const shares = spec.kind === 'funnel' ? stepShares(rows) : []
  const tableRows = rows.map((r, i) => ({
    key: r.id,
    label: r.label,
    text: r.text,
    demo: r.demo,
    note: shares[i] || undefined,
  }))
  return (
    <ChartPanel
      id={spec.id}
      title={spec.title}
      note={spec.note}
      rows={tableRows}
      option={option}
      error={error}
      height={height === 'fill' ? undefined : (height ?? chartHeight(spec))}
      exportInfo={exportInfo}
    />
  )
}
