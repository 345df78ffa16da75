import { QueryClient } from '@tanstack/react-query'
import type { RuntimeConfig } from '@/config/runtime-config'
import { ApiError } from './api-client'

/** Retry transient failures with exponential backoff (1 s, 2 s, 4 s … at most 30 s). */
export const retryDelay = (attempt: number) => Math.min(1000 * 2 ** attempt, 30_000)

export function shouldRetry(failureCount: number, error: unknown): boolean {
  // A payload that is malformed will be malformed again; do not hammer the source for it.
  if (error instanceof ApiError && (error.kind === 'schema' || error.kind === 'json')) return false
  return failureCount < 3
}

/** The first wait before trying a failed source again, and the longest wait at all. */
const FIRST_RETRY_GAP_MS = 5_000
const LONGEST_RETRY_GAP_MS = 300_000

/**
 * A query's refresh: every `intervalMs` (false: none) while the source answers; once it has
 * failed (retries spent), again after 5 s, then gaps doubling as the failures double — never slower than the refresh itself
 * (at least a minute) nor than 5 minutes — so a screen left on old data, even one that does not
 * refresh, picks up the source by itself when it is back.
 */
/** What a refresh rule reads of a query (any query's data type fits). */
export interface QueryFailures {
  state: { status: string; errorUpdateCount: number }
}

/**
 * A query's refresh: every `intervalMs` (false: none) while the source answers; once it has
 * failed (retries spent), again after 5 s, then 10 s, 20 s … — never slower than the refresh
 * itself (at least a minute) nor than 5 minutes — so a screen left on old data, even one that
 * does not refresh, picks up the source by itself when it is back. The failed refreshes in a row
 * are counted here, per query: TanStack's fetchFailureCount restarts with every fetch.
 */
export function refreshEvery(intervalMs: number | false) {
  const longest =
    intervalMs === false
      ? LONGEST_RETRY_GAP_MS
      : Math.min(Math.max(intervalMs, 60_000), LONGEST_RETRY_GAP_MS)
  /** Per query: failed refreshes in a row, and the error count when last seen. */
  const failing = new WeakMap<QueryFailures, { inARow: number; seen: number }>()
  return (query: QueryFailures): number | false => {
    const { status, errorUpdateCount } = query.state
    const gap = (inARow: number) =>
      Math.min(FIRST_RETRY_GAP_MS * 2 ** Math.min(inARow - 1, 16), longest)
    if (status === 'success') {
      failing.delete(query)
      return intervalMs
    }
    const entry = failing.get(query)
    // A query without data is 'pending' again while it retries: the count goes on.
    if (status !== 'error') return entry ? gap(entry.inARow) : intervalMs
    const counted = entry ?? { inARow: 0, seen: -1 }
    if (counted.seen !== errorUpdateCount) {
      counted.inARow += 1
      counted.seen = errorUpdateCount
      failing.set(query, counted)
    }
    return gap(counted.inARow)
  }
}

export function createQueryClient(config: Pick<RuntimeConfig, 'refreshSeconds'>): QueryClient {
  const interval = config.refreshSeconds > 0 ? config.refreshSeconds * 1000 : false
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: interval === false ? Infinity : interval,
        refetchInterval: refreshEvery(interval),
        refetchIntervalInBackground: true,
        refetchOnWindowFocus: false,
        retry: shouldRetry,
        retryDelay,
      },
    },
  })
}
