import { useMemo } from 'react'
import { ChartPanel } from '@/components/chart-panel'
import { PanelBoundary } from '@/components/panel-boundary'
import type { ChartInput } from '../charts/build-chart'
import type { ChartSpec } from '../charts/group-charts'
import { groupChartView } from '../charts/views'

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
}

/** One chart of a group for the chosen organisation and year, inside its own error boundary. */
export function GroupChart(props: GroupChartProps) {
  return (
    <PanelBoundary name={props.spec.title}>
      <GroupChartBody {...props} />
    </PanelBoundary>
  )
}

function GroupChartBody({ spec, input, height }: GroupChartProps) {
  const view = useMemo(() => groupChartView(spec, input), [spec, input])
  return (
    <ChartPanel
      view={view}
      height={height === 'fill' ? undefined : (height ?? chartHeight(spec))}
      tallWhenNarrow={spec.kind === 'rings' && spec.indicatorIds.length >= 4}
    />
  )
}
