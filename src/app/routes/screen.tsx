import { useMemo, type CSSProperties } from 'react'
import { useSearchParams } from '@/lib/router/hash-router'
import { useDataset, useDatasetState, type Dataset } from '@/api/dataset'
import { GROUPS } from '@/domain/groups'
import type { Group } from '@/domain/schemas'
import type { GroupInfo, PagePlan } from '@/features/big-screen/pages'
import { ScreenFrame } from '@/features/big-screen/screen-frame'
import { parseScreenParams } from '@/features/big-screen/screen-params'
import { chartsOfGroup } from '@/features/groups/charts/group-charts'
import { GroupCards } from '@/features/groups/components/group-cards'
import { GroupChart } from '@/features/groups/components/group-chart'
import { useChartInput } from '@/features/groups/components/use-chart-input'
import { EagerChartsContext } from '@/lib/echarts/echart'
import { refreshEvery } from '@/lib/query-client'
import { useTheme } from '@/lib/theme/theme-context'
import { APP_TITLE } from '../app-header'

/** The chart each group shows on the overview page of the big screen. */
const OVERVIEW_CHART: Record<Group['id'], string> = {
  'admin-services': 'admin-rates',
  'fair-competition': 'fair-stock',
  'enforcement-team': 'enforcement-rates',
  'dispute-resolution': 'dispute-rates',
}

const selectGroups = (d: Dataset) => d.groups

function useScreenInput() {
  const data = useDataset()
  const fixed = useMemo(
    () => ({ year: data.meta.period.year, orgId: data.meta.region.id, showDemo: false }),
    [data.meta.period.year, data.meta.region.id],
  )
  return useChartInput(fixed)
}

function OverviewPage() {
  const groups = useDataset(selectGroups)
  const input = useScreenInput()
  const { accents } = useTheme()
  return (
    <div className="screen-overview">
      {groups.map((group) => {
        const spec = chartsOfGroup(group.id).find((c) => c.id === OVERVIEW_CHART[group.id])
        return (
          <section
            key={group.id}
            className="panel screen-column"
            data-group={group.id}
            style={{ '--accent': accents[group.id] } as CSSProperties}
          >
            <h2 className="panel__title">{group.fullName}</h2>
            <GroupCards group={group.id} input={input} />
            {spec && <GroupChart spec={spec} input={input} height="fill" />}
          </section>
        )
      })}
    </div>
  )
}

function GroupPage({ group }: { group: Group }) {
  const input = useScreenInput()
  const { accents } = useTheme()
  return (
    <section
      className="panel screen-group"
      data-group={group.id}
      style={{ '--accent': accents[group.id] } as CSSProperties}
    >
      <h2 className="panel__title">{group.fullName}</h2>
      <GroupCards group={group.id} input={input} wide />
      <div className="screen-group__charts">
        {chartsOfGroup(group.id).map((spec) => (
          <GroupChart key={spec.id} spec={spec} input={input} height="fill" />
        ))}
      </div>
    </section>
  )
}

/** Whole groups side by side, each column as wide as its charts need (one group: the full body). */
function GroupsPage({ plan }: { plan: PagePlan }) {
  const groups = useDataset(selectGroups)
  const columns = plan.weights.map((w) => `minmax(0, ${w}fr)`).join(' ')
  return (
    <div className="screen-groups" style={{ gridTemplateColumns: columns }}>
      {plan.groups.map((id) => {
        const group = groups.find((g) => g.id === id)
        return group && <GroupPage key={id} group={group} />
      })}
    </div>
  )
}

/**
 * The command-hall screen (#/screen?rotate=30&refresh=300&fit=auto&theme=dark): pages of the
 * groups laid out for the display's shape (16:9, wide wall, portrait), rotating, refreshing on
 * their own.
 */
export function ScreenRoute() {
  const [search] = useSearchParams()
  const params = useMemo(() => parseScreenParams(search), [search])
  const tuning = useMemo(
    () => ({ refetchInterval: refreshEvery(params.refresh > 0 ? params.refresh * 1000 : false) }),
    [params.refresh],
  )
  const state = useDatasetState(tuning)
  const groups = state.status === 'ready' ? state.data.groups : GROUPS
  const groupsKey = groups.map((g) => `${g.id}:${g.name}`).join('|')
  const groupInfo = useMemo<GroupInfo[]>(
    () => groups.map((g) => ({ id: g.id, title: g.name, charts: chartsOfGroup(g.id).length })),
    // The list is re-planned only when the groups themselves change, not on every refresh.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [groupsKey],
  )

  const renderPage = (plan: PagePlan) =>
    plan.kind === 'overview' ? <OverviewPage /> : <GroupsPage plan={plan} />

  // Every chart of a page is on show: each initialises at once, not when an observer has seen it.
  return (
    <EagerChartsContext.Provider value={true}>
      <ScreenFrame
        title={APP_TITLE}
        params={params}
        state={state}
        groups={groupInfo}
        renderPage={renderPage}
      />
    </EagerChartsContext.Provider>
  )
}
