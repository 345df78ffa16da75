import type { QueryClient } from '@tanstack/react-query'
import { createContext, useContext, useMemo } from 'react'
import { userMessage } from '@/lib/user-message'
import {
  collectProblems,
  indexObservations,
  type ObservationIndex,
} from '@/domain/observation-index'
import type { Group, GroupId, Indicator, Meta, Observation, Organization } from '@/domain/schemas'
import type { ParsedCollection } from '@/lib/api-client'
import { GROUPS } from '@/domain/groups'
import { mergeObservations, mergeYears } from '@/domain/merge'
import { markedOrganization } from '@/domain/organizations'
import { indicatorsQueryOptions, useIndicators } from './get-indicators'
import { localDataQueryOptions, useLocalData, type LocalData } from './local-data'
import { metaQueryOptions, useMeta } from './get-meta'
import { observationsQueryOptions, useObservations } from './get-observations'
import { organizationsQueryOptions, useOrganizations } from './get-organizations'
import type { QueryTuning } from './query-tuning'

/** The dataset on screen: the published data with any browser-imported data applied over it. */
export interface Dataset {
  meta: Meta
  groups: Group[]
  indicators: Indicator[]
  indicatorsByGroup: Map<GroupId, Indicator[]>
  /** As shown: an organisation the report does not name carries 示例单位 in its names. */
  organizations: Organization[]
  /** As published (names as a clerk types them): the catalogue of the import page. */
  publishedOrganizations: Organization[]
  index: ObservationIndex
  /** Problems by indicator id ('*' for items whose indicator is unknown). */
  problems: Map<string, string>
  /** Years with at least one reported (not demo) value. */
  reportedYears: Set<number>
  /** The organisations with at least one reported figure (the others hold only 示例 values). */
  reportedOrgIds: Set<string>
  /** The observations shown: the published ones, with local data (if any) applied over them. */
  observations: Observation[]
  /** The observations as fetched (the published baseline). */
  publishedObservations: Observation[]
  /** Data imported in this browser and in use, or null (数据导入). */
  local: LocalData | null
}

/** Where the dataset stands: loading, failed with nothing to show, or ready (perhaps stale). */
export type DatasetState =
  | { status: 'loading' }
  | { status: 'error'; message: string; retry: () => void }
  | {
      status: 'ready'
      data: Dataset
      /** The last refresh failed: what is shown is the last good data. */
      stale: boolean
      staleReason: string | null
      /** When the data on screen was fetched (ms since epoch). */
      fetchedAt: number
      /**
       * Some of it was fetched before this page started: kept in this browser (last-good.ts) and
       * not yet replaced by a fetch of this session.
       */
      restored: boolean
      retry: () => void
    }

interface DatasetSources {
  meta: Meta
  indicators: ParsedCollection<Indicator>
  organizations: Organization[]
  observations: ParsedCollection<Observation>
  local: LocalData | null
}

/** The four fetched collections and the local data joined into one dataset (pure). */
export function joinDataset({
  meta,
  indicators,
  organizations,
  observations,
  local,
}: DatasetSources): Dataset {
  const items = indicators.items
  const published = observations.items
  const shown = local ? mergeObservations(published, local.rows) : published
  const metaShown = local ? { ...meta, years: mergeYears(meta.years, local.rows) } : meta
  const byGroup = new Map<GroupId, Indicator[]>()
  for (const g of metaShown.groups) byGroup.set(g.id, [])
  for (const i of items) byGroup.get(i.group)?.push(i)
  return {
    meta: metaShown,
    groups: metaShown.groups,
    indicators: items,
    indicatorsByGroup: byGroup,
    organizations: organizations.map(markedOrganization),
    publishedOrganizations: organizations,
    index: indexObservations(shown),
    reportedYears: new Set(shown.filter((o) => o.status === 'reported').map((o) => o.year)),
    reportedOrgIds: new Set(shown.filter((o) => o.status === 'reported').map((o) => o.orgId)),
    problems: collectProblems(items, shown, [...indicators.problems, ...observations.problems]),
    observations: shown,
    publishedObservations: published,
    local,
  }
}

/** When this page started: data fetched before it came from the browser's kept copy. */
const PAGE_STARTED_AT = Date.now()

// Every subscriber sees the same query results, so the last join is shared: the dataset is built
// once per change of data, however many panels ask for it, and they all hold the same object.
let lastJoin: { sources: DatasetSources; dataset: Dataset } | null = null

function sharedJoin(sources: DatasetSources): Dataset {
  const last = lastJoin
  if (
    last &&
    last.sources.meta === sources.meta &&
    last.sources.indicators === sources.indicators &&
    last.sources.organizations === sources.organizations &&
    last.sources.observations === sources.observations &&
    last.sources.local === sources.local
  )
    return last.dataset
  const dataset = joinDataset(sources)
  lastJoin = { sources, dataset }
  return dataset
}

/**
 * The rule for "the dataset is ready", wherever its sources are read from: every fetched collection
 * is there and the browser's imported data has been read (`localPending` false). Then the shared
 * join, else null.
 */
function readyDataset(
  fetched: Partial<Omit<DatasetSources, 'local'>>,
  localPending: boolean,
  local: LocalData | null | undefined,
): Dataset | null {
  const { meta, indicators, organizations, observations } = fetched
  if (!meta || !indicators || !organizations || !observations || localPending) return null
  return sharedJoin({ meta, indicators, organizations, observations, local: local ?? null })
}

/**
 * The dataset as the first render will see it, from what the query cache holds now (the same
 * shared join, so that render reuses it), or null while it is not ready. For main.tsx, before the
 * first render.
 */
export function cachedDataset(client: QueryClient): Dataset | null {
  const local = client.getQueryState(localDataQueryOptions().queryKey)
  return readyDataset(
    {
      meta: client.getQueryData(metaQueryOptions().queryKey),
      indicators: client.getQueryData(indicatorsQueryOptions().queryKey),
      organizations: client.getQueryData(organizationsQueryOptions().queryKey),
      observations: client.getQueryData(observationsQueryOptions().queryKey),
    },
    !local || local.status === 'pending',
    local?.data,
  )
}

/**
 * The dataset's state from the four queries and the local data. The query cache makes every
 * caller share one request per collection; `tuning` (the big screen's refresh interval) applies
 * to this caller's subscription.
 */
export function useDatasetState(tuning?: QueryTuning): DatasetState {
  const meta = useMeta(tuning)
  const indicators = useIndicators(tuning)
  const organizations = useOrganizations(tuning)
  const observations = useObservations(tuning)
  const local = useLocalData()
  const queries = [meta, indicators, organizations, observations]

  const dataset = readyDataset(
    {
      meta: meta.data,
      indicators: indicators.data,
      organizations: organizations.data,
      observations: observations.data,
    },
    local.isPending,
    local.data,
  )

  const retry = () => {
    for (const q of queries) if (q.isError) void q.refetch()
    for (const q of [indicators, observations]) if (!q.isError && q.data?.kept) void q.refetch()
  }
  const failed = queries.find((q) => q.isError)
  const named = [
    ['meta', meta],
    ['indicators', indicators],
    ['organizations', organizations],
    ['observations', observations],
  ] as const
  for (const [name, q] of named) {
    if (q.isError) lastFailure.set(name, userMessage(q.error, '数据加载失败'))
    else if (q.isSuccess) lastFailure.delete(name)
  }
  if (dataset) {
    // A refresh with malformed items keeps the items shown for them (keep-good-items.ts): stale.
    const kept = [indicators.data?.kept, observations.data?.kept].filter((k) => k !== undefined)
    const fetchedAt = Math.min(...queries.map((q) => q.dataUpdatedAt), ...kept.map((k) => k.since))
    return {
      status: 'ready',
      data: dataset,
      stale: failed !== undefined || kept.length > 0,
      staleReason: failed
        ? userMessage(failed.error, '数据刷新失败')
        : kept.length > 0
          ? kept[0]!.message
          : null,
      fetchedAt,
      restored: fetchedAt < PAGE_STARTED_AT,
      retry,
    }
  }
  if (failed) return { status: 'error', message: userMessage(failed.error, '数据加载失败'), retry }
  // A first load that failed and is being tried again (the next refresh, 重试) is still said as
  // failed: a hall screen whose source was down read 数据加载中 and 数据源暂不可用 in turn.
  const again = named.find(
    ([name, q]) => q.isPending && q.errorUpdateCount > 0 && lastFailure.has(name),
  )
  if (again) return { status: 'error', message: lastFailure.get(again[0])!, retry }
  return { status: 'loading' }
}

/** Each opening collection's last failure, in words, until it loads (see useDatasetState). */
const lastFailure = new Map<string, string>()

/** The ready dataset, provided by `DataBoundary` (src/components/data-boundary.tsx). */
export const DatasetContext = createContext<Dataset | null>(null)

const identity = (d: Dataset) => d

/**
 * What a panel needs of the dataset: `select` picks it (the whole dataset without one). Only for
 * components inside a `DataBoundary`, which shows the loading, error and stale states, so a panel
 * only ever sees ready data.
 */
export function useDataset(): Dataset
export function useDataset<T>(select: (dataset: Dataset) => T): T
export function useDataset<T>(select?: (dataset: Dataset) => T): T | Dataset {
  const dataset = useContext(DatasetContext)
  if (!dataset) throw new Error('useDataset outside a DataBoundary')
  const pick = select ?? identity
  return useMemo(() => pick(dataset), [pick, dataset])
}

/**
 * A group as the dataset names it once it has loaded, the catalogue's entry before (so a panel's
 * heading stands while its data loads); null for an id that is no group.
 */
export function useGroup(id: string): Group | null {
  const state = useDatasetState()
  const fallback = GROUPS.find((g) => g.id === id)
  if (!fallback) return null
  if (state.status !== 'ready') return fallback
  return state.data.groups.find((g) => g.id === id) ?? fallback
}
