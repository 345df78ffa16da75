import type { CSSProperties } from 'react'
import { Link, useHashLocation } from '@/lib/router/hash-router'
import type { DashboardModel, DashboardState } from '@/api/use-dashboard-data'
import { PanelBoundary } from '@/components/panel-boundary'
import { ErrorState, LoadingState } from '@/components/state-views'
import type { Group } from '@/domain/schemas'
import { useTheme } from '@/lib/theme/theme-context'
import { chartsOfGroup } from '../charts/group-charts'
import { GroupCards } from './group-cards'
import { GroupChart } from './group-chart'
import { useChartInput } from './use-chart-input'
import './group-panel.css'

function GroupPanelBody({ data, group }: { data: DashboardModel; group: Group }) {
  const input = useChartInput(data)
  return (
    <>
      <GroupCards data={data} group={group.id} input={input} />
      <div className="group-panel__charts">
        {chartsOfGroup(group.id).map((spec) => (
          <GroupChart key={spec.id} spec={spec} input={input} />
        ))}
      </div>
    </>
  )
}

/** One of the four groups on the overview: its cards and charts, with its own states. */
export function GroupPanel({ group, state }: { group: Group; state: DashboardState }) {
  const { search } = useHashLocation()
  const { accents } = useTheme()
  return (
    <section
      className="panel group-panel"
      data-group={group.id}
      aria-labelledby={`group-${group.id}`}
      style={{ '--accent': accents[group.id] } as CSSProperties}
    >
      <header className="panel__head">
        <h3 className="panel__title" id={`group-${group.id}`}>
          {group.fullName}
        </h3>
        <Link className="panel__link" to={{ pathname: `/group/${group.id}`, search }}>
          详情 ›
        </Link>
      </header>
      {state.status === 'loading' && <LoadingState />}
      {state.status === 'error' && <ErrorState message={state.message} onRetry={state.retry} />}
      {state.status === 'ready' && (
        <PanelBoundary name={group.fullName}>
          <GroupPanelBody data={state.data} group={group} />
        </PanelBoundary>
      )}
    </section>
  )
}
