import type { DashboardState } from '@/api/use-dashboard-data'
import { GROUPS } from '@/domain/groups'
import { PanelBoundary } from '@/components/panel-boundary'
import { FindingsPanel } from '@/features/findings/components/findings-panel'
import { GroupPanel } from '@/features/groups/components/group-panel'
import './overview.css'

/** The four groups side by side, then the report's shortcomings and next year's plans. */
export function OverviewRoute({ state }: { state: DashboardState }) {
  const groups = state.status === 'ready' ? state.data.groups : GROUPS
  return (
    <div className="overview">
      <div className="overview__groups">
        {groups.map((g) => (
          <GroupPanel key={g.id} group={g} state={state} />
        ))}
      </div>
      <PanelBoundary name="主要不足与下一年度安排">
        <FindingsPanel state={state} />
      </PanelBoundary>
    </div>
  )
}
