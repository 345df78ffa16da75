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

export function createQueryClient(config: Pick<RuntimeConfig, 'refreshSeconds'>): QueryClient {
  const interval = config.refreshSeconds > 0 ? config.refreshSeconds * 1000 : false
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: interval === false ? Infinity : interval,
        refetchInterval: interval,
        refetchIntervalInBackground: true,
        refetchOnWindowFocus: false,
        retry: shouldRetry,
        retryDelay,
      },
    },
  })
}
