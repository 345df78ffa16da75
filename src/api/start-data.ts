import type { FetchQueryOptions, QueryClient, QueryKey } from '@tanstack/react-query'
import { opensOnScreen } from '@/lib/early-fetch'
import { factsQueryOptions } from './get-facts'
import { indicatorsQueryOptions } from './get-indicators'
import { localDataQueryOptions } from './local-data'
import { metaQueryOptions } from './get-meta'
import { observationsQueryOptions } from './get-observations'
import { organizationsQueryOptions } from './get-organizations'

/**
 * Puts the opening view's data into the query cache before the first render, waiting at most
 * `maxWaitMs`. The requests are usually answered by then (src/lib/early-fetch.ts starts them
 * before the app is evaluated), so the first render is the page with its figures: no render of
 * the loading state first, then a second one, each with its layout (≈ 80 ms at 1×, 4× that on a
 * slow PC). Slower data, or failing data, does not hold the page back longer than `maxWaitMs`:
 * the views then render their loading state and take the data when it comes, as before. Nothing
 * fetched here is fetched again: the queries are fresh for `staleTime`, and a query that failed
 * here shows its error when the page mounts instead of being asked again at once (TanStack's
 * `retryOnMount`, for that error only): a malformed answer stays asked for once, and a failing
 * source has had its retries here already. 重试 and the refresh's backoff still ask again.
 */
export function prefetchOpeningData(client: QueryClient, maxWaitMs: number): Promise<void> {
  let waiting = true
  const prefetch = <T, K extends QueryKey>(options: FetchQueryOptions<T, Error, T, K>) =>
    client.prefetchQuery(options).then(() => {
      const state = client.getQueryState(options.queryKey)
      if (!waiting || state?.status !== 'error') return
      const failedAt = state.errorUpdatedAt
      client.setQueryDefaults(options.queryKey, {
        retryOnMount: (query) => query.state.errorUpdatedAt !== failedAt,
      })
    })
  const all = Promise.all([
    prefetch(metaQueryOptions()),
    prefetch(indicatorsQueryOptions()),
    prefetch(organizationsQueryOptions()),
    prefetch(observationsQueryOptions()),
    // Data imported in this browser (IndexedDB): the dataset waits for it too.
    prefetch(localDataQueryOptions()),
    opensOnScreen() ? undefined : prefetch(factsQueryOptions()),
  ])
  let timer = 0
  const deadline = new Promise<void>((resolve) => {
    timer = window.setTimeout(resolve, maxWaitMs)
  })
  return Promise.race([all.then(() => undefined), deadline]).finally(() => {
    waiting = false
    window.clearTimeout(timer)
  })
}
