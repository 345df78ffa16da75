import type { DashboardState } from '@/api/use-dashboard-data'
import { PanelBoundary } from '@/components/panel-boundary'
import { ErrorState, LoadingState } from '@/components/state-views'
import { GROUPS } from '@/domain/groups'
import { GroupDetail } from '@/features/groups/components/group-detail'
import { NotFoundRoute } from './not-found'

export function GroupRoute({ groupId, state }: { groupId: string; state: DashboardState }) {
  const fallback = GROUPS.find((g) => g.id === groupId)
  if (!fallback) return <NotFoundRoute />
  const group =
    state.status === 'ready'
      ? (state.data.groups.find((g) => g.id === groupId) ?? fallback)
      : fallback
  return (
    <section className="group-page" data-group={group.id} aria-labelledby="group-page-title">
      <h2 className="group-page__title" id="group-page-title">
        {group.fullName}
      </h2>
      {state.status === 'loading' && <LoadingState />}
      {state.status === 'error' && <ErrorState message={state.message} onRetry={state.retry} />}
      {state.status === 'ready' && (
        <PanelBoundary name={group.fullName}>
          <GroupDetail data={state.data} group={group} />
        </PanelBoundary>
      )}
    </section>
  )
}
