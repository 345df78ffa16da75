import type { FetchQueryOptions, QueryClient, QueryKey } from '@tanstack/react-query'
import { opensOnScreen } from '@/lib/early-fetch'
import { writeCanonicalFilters } from '@/stores/url-state'
import { cachedDataset } from './dataset'
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

/**
 * Writes the desk views' canonical filters into the URL (AppLayout's useCanonicalFilters keeps
 * them so) before the first render, when the data is in the cache: that render then reads the URL
 * as it stays. Left to the layout's effect, the write after the first render changed the URL and
 * re-rendered the whole page once more between the cards and the charts (≈ 50 ms at 1×, ≈ 220 ms
 * at 4×). The big screen has no filters in its URL; without the data the effect does it later.
 */
export function canonicalizeOpeningUrl(client: QueryClient, demoAllowed: boolean): void {
  if (opensOnScreen()) return
  const dataset = cachedDataset(client)
  if (dataset) writeCanonicalFilters(dataset, demoAllowed)
}
