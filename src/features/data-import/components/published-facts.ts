import { useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import { factsQueryOptions, useFacts } from '@/api/get-facts'
import type { Fact } from '@/domain/schemas'

/**
 * The published facts (facts.json): what a file's 定性事实 are compared with, and what the export
 * writes. Fetched from the time the page shows (so a file dropped later need not wait for them);
 * undefined when they cannot be had (the facts' own cards say why).
 */
export function usePublishedFacts(): () => Promise<Fact[] | undefined> {
  useFacts()
  const client = useQueryClient()
  return useCallback(() => {
    const options = factsQueryOptions()
    // Failed already (and retried): not asked for again, so that reading a file does not wait.
    if (client.getQueryState(options.queryKey)?.status === 'error') {
      return Promise.resolve(undefined)
    }
    return client.ensureQueryData(options).then(
      (facts) => facts.items,
      () => undefined,
    )
  }, [client])
}
