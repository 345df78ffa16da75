import { useMemo } from 'react'
import { useMeta } from '@/api/get-meta'
import { RegisteredCharts } from '@/components/chart-panel'
import { compareCharts } from '../charts/views'
import type { CompareModel } from '../compare-model'

const CHART_HEIGHT = 340

/** The charts of the comparison (../charts/views.ts), each in its own error boundary. */
export function CompareCharts({
  model,
  onAddTargets,
}: {
  model: CompareModel
  onAddTargets: (() => void) | null
}) {
  const source = useMeta().data?.source.title ?? ''
  const input = useMemo(() => ({ model, source, onAddTargets }), [model, source, onAddTargets])
  return (
    <div className="compare__charts">
      <RegisteredCharts
        entries={compareCharts.entries()}
        input={input}
        height={CHART_HEIGHT}
        level={3}
        className="compare-panel"
      />
    </div>
  )
}
