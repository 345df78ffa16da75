import { userMessage } from '@/lib/user-message'
import { useMemo } from 'react'
import {
  collectProblems,
  indexObservations,
  type ObservationIndex,
} from '@/domain/observation-index'
import type { Group, GroupId, Indicator, Meta, Observation, Organization } from '@/domain/schemas'
import { mergeObservations, mergeYears } from '@/domain/merge'
import { useIndicators } from './get-indicators'
import { useLocalData, type LocalData } from './local-data'
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
  /** The observations shown: the published ones, with local data (if any) applied over them. */
  observations: Observation[]
  /** The observations as fetched (the published baseline). */
  publishedObservations: Observation[]
  /** Data imported in this browser and in use, or null (数据导入). */
  local: LocalData | null
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
  const local = useLocalData()
  const queries = [meta, indicators, organizations, observations]

  const model = useMemo<DashboardModel | null>(() => {
    if (!meta.data || !indicators.data || !organizations.data || !observations.data) return null
    if (local.isPending) return null
    const items = indicators.data.items
    const localData = local.data ?? null
    const published = observations.data.items
    const shown = localData ? mergeObservations(published, localData.rows) : published
    const metaShown = localData
      ? { ...meta.data, years: mergeYears(meta.data.years, localData.rows) }
      : meta.data
    const byGroup = new Map<GroupId, Indicator[]>()
    for (const g of metaShown.groups) byGroup.set(g.id, [])
    for (const i of items) byGroup.get(i.group)?.push(i)
    return {
      meta: metaShown,
      groups: metaShown.groups,
      indicators: items,
      indicatorsByGroup: byGroup,
      organizations: organizations.data,
      index: indexObservations(shown),
      reportedYears: new Set(shown.filter((o) => o.status === 'reported').map((o) => o.year)),
      problems: collectProblems(items, shown, [
        ...indicators.data.problems,
        ...observations.data.problems,
      ]),
      observations: shown,
      publishedObservations: published,
      local: localData,
    }
  }, [
    meta.data,
    indicators.data,
    organizations.data,
    observations.data,
    local.isPending,
    local.data,
  ])

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
      staleReason: failed ? userMessage(failed.error, '数据刷新失败') : null,
      fetchedAt: updated,
      retry,
    }
  }
  if (failed) return { status: 'error', message: userMessage(failed.error, '数据加载失败'), retry }
  return { status: 'loading' }
}
