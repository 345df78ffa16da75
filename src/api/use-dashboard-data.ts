import { useMemo } from 'react'
import { collectProblems, indexObservations, type ObservationIndex } from '@/domain/select'
import type { Group, GroupId, Indicator, Meta, Organization } from '@/domain/schemas'
import { useIndicators } from './get-indicators'
import { useMeta } from './get-meta'
import { useObservations } from './get-observations'
import { useOrganizations } from './get-organizations'
import type { QueryTuning } from './query-tuning'

export interface DashboardModel {
  meta: Meta
  groups: Group[]
  indicators: Indicator[]
  indicatorsByGroup: Map<GroupId, Indicator[]>
  organizations: Organization[]
  index: ObservationIndex
  /** Problems by indicator id ('*' for items whose indicator is unknown). */
  problems: Map<string, string>
  /** Years with at least one reported (not demo) value. */
  reportedYears: Set<number>
}

export type DashboardState =
  | { status: 'loading' }
  | { status: 'error'; message: string; retry: () => void }
  | {
      status: 'ready'
      data: DashboardModel
      /** The last refresh failed: what is shown is the last good data. */
      stale: boolean
      staleReason: string | null
      /** When the data on screen was fetched (ms since epoch). */
      fetchedAt: number
      retry: () => void
    }

/**
 * The four dataset queries joined into one model. Each panel calls this and shows its own
 * loading, error or stale state; the query cache makes the calls share one request each.
 */
export function useDashboardData(tuning?: QueryTuning): DashboardState {
  const meta = useMeta(tuning)
  const indicators = useIndicators(tuning)
  const organizations = useOrganizations(tuning)
  const observations = useObservations(tuning)
  const queries = [meta, indicators, organizations, observations]

  const model = useMemo<DashboardModel | null>(() => {
    if (!meta.data || !indicators.data || !organizations.data || !observations.data) return null
    const items = indicators.data.items
    const byGroup = new Map<GroupId, Indicator[]>()
    for (const g of meta.data.groups) byGroup.set(g.id, [])
    for (const i of items) byGroup.get(i.group)?.push(i)
    return {
      meta: meta.data,
      groups: meta.data.groups,
      indicators: items,
      indicatorsByGroup: byGroup,
      organizations: organizations.data,
      index: indexObservations(observations.data.items),
      reportedYears: new Set(
        observations.data.items.filter((o) => o.status === 'reported').map((o) => o.year),
      ),
      problems: collectProblems(items, observations.data.items, [
        ...indicators.data.problems,
        ...observations.data.problems,
      ]),
    }
  }, [meta.data, indicators.data, organizations.data, observations.data])

  const retry = () => {
    for (const q of queries) if (q.isError) void q.refetch()
  }
  const failed = queries.find((q) => q.isError)
  if (model) {
    const updated = Math.min(...queries.map((q) => q.dataUpdatedAt))
    return {
      status: 'ready',
      data: model,
      stale: failed !== undefined,
      staleReason: failed?.error?.message ?? null,
      fetchedAt: updated,
      retry,
    }
  }
  if (failed) return { status: 'error', message: failed.error?.message ?? '数据加载失败', retry }
  return { status: 'loading' }
}
