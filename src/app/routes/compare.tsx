import type { DashboardState } from '@/api/use-dashboard-data'
import { PanelBoundary } from '@/components/panel-boundary'
import { ErrorState, LoadingState } from '@/components/state-views'
import { CompareView } from '@/features/compare/components/compare-view'

/** 对比分析: loaded lazily from the router, with the radar and dataZoom modules it registers. */
export default function CompareRoute({ state }: { state: DashboardState }) {
  return (
    <section className="compare-page" aria-labelledby="compare-page-title">
      <h2 className="group-page__title" id="compare-page-title">
        对比分析
      </h2>
      {state.status === 'loading' && <LoadingState />}
      {state.status === 'error' && <ErrorState message={state.message} onRetry={state.retry} />}
      {state.status === 'ready' && (
        <PanelBoundary name="对比分析">
          <CompareView data={state.data} />
        </PanelBoundary>
      )}
    </section>
  )
}
