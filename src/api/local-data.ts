import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect } from 'react'
import type { Observation } from '@/domain/schemas'
import {
  indexedDbStore,
  LOCAL_DATA_CHANNEL,
  type LocalData,
  type LocalDataStore,
} from './local-store'
import { mergeObservations } from '@/domain/merge'

/**
 * Data imported in this browser (数据导入 → 应用到本机). The fetched dataset stays the published
 * baseline; when local data exists the dashboard shows the published observations with the local
 * ones applied over them. Reverting deletes the local copy. Only the small IndexedDB store is
 * loaded here — the spreadsheet code stays in the import page's chunk.
 */

export type { LocalData } from './local-store'

let store: LocalDataStore = indexedDbStore()

/**
 * The first read starts when the app loads, in parallel with config.json and the data requests,
 * so that it has long finished when the data arrives: the dashboard is not held up by it.
 */
let firstRead: Promise<LocalData | null> | null =
  typeof window === 'undefined' ? null : store.load()

/** Tests swap the store (jsdom has no IndexedDB). */
export function setLocalDataStore(next: LocalDataStore): void {
  store = next
  firstRead = null
}

const LOCAL_DATA_KEY = ['local-data'] as const

export const localDataQueryOptions = () =>
  queryOptions({
    queryKey: LOCAL_DATA_KEY,
    queryFn: (): Promise<LocalData | null> => {
      const read = firstRead ?? store.load()
      firstRead = null
      return read
    },
    // It only changes through apply/revert (here or in another tab, see the channel below).
    staleTime: Infinity,
    refetchInterval: false,
    retry: false,
  })

function broadcast() {
  if (typeof BroadcastChannel === 'undefined') return
  const channel = new BroadcastChannel(LOCAL_DATA_CHANNEL)
  channel.postMessage('changed')
  channel.close()
}

/** The local data of this browser, or null; kept in step with other tabs. */
export function useLocalData() {
  const queryClient = useQueryClient()
  const query = useQuery(localDataQueryOptions())
  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return
    const channel = new BroadcastChannel(LOCAL_DATA_CHANNEL)
    channel.onmessage = () => {
      void queryClient.invalidateQueries({ queryKey: LOCAL_DATA_KEY })
    }
    return () => channel.close()
  }, [queryClient])
  return query
}

/** Apply imported observations (over any applied before) or drop them all. */
export function useLocalDataActions() {
  const queryClient = useQueryClient()
  const apply = useCallback(
    async (rows: Observation[], fileName: string, previous: LocalData | null) => {
      const data: LocalData = {
        appliedAt: new Date().toISOString(),
        fileName,
        rows: previous ? mergeObservations(previous.rows, rows) : rows,
      }
      await store.save(data)
      queryClient.setQueryData(LOCAL_DATA_KEY, data)
      broadcast()
      return data
    },
    [queryClient],
  )
  const revert = useCallback(async () => {
    await store.clear()
    queryClient.setQueryData(LOCAL_DATA_KEY, null)
    broadcast()
  }, [queryClient])
  return { apply, revert }
}
