import type { QueryClient, QueryKey } from '@tanstack/react-query'
import type { ParsedCollection } from '@/lib/api-client'

/**
 * A refresh whose collection has malformed items does not throw away what is shown: for each key
 * (an indicator, a group of facts) with a malformed item, the items the data shown has for it
 * stay, and the collection says so (`kept`), so the page marks its data stale. When some items'
 * key cannot be read at all (a renamed field), every key the new response no longer covers keeps
 * its items the same way: a wall that refreshed into a file with `indicator_id` for `indicatorId`
 * went to 无数据 on every card, saying nothing. Only with earlier data to keep, and only for a
 * problem that data did not have: a problem there from the first load stays on its panel.
 */
export interface Kept {
  /** The keys whose items are from the earlier data. */
  keys: string[]
  /** What was wrong with the new items, in words (the first problem). */
  message: string
  /** When the kept items were fetched (ms since epoch). */
  since: number
}

export type KeptCollection<T> = ParsedCollection<T> & { kept?: Kept }

export function keepGoodItems<T>(
  shown: { data: KeptCollection<T> | undefined; dataUpdatedAt: number } | undefined,
  next: ParsedCollection<T>,
  keyOf: (item: T) => string,
): KeptCollection<T> {
  const old = shown?.data
  if (!old || next.problems.length === 0) return next
  // A problem the data shown had already is no failed refresh: its panel goes on saying it.
  const before = new Set(old.problems.map((p) => p.key))
  const broken = new Set(
    next.problems.flatMap((p) => (p.key === null || before.has(p.key) ? [] : [p.key])),
  )
  const unreadable = next.problems.some((p) => p.key === null) && !before.has(null)
  const covered = new Set(next.items.map(keyOf))
  const lost = new Set(
    old.items.map(keyOf).filter((key) => broken.has(key) || (unreadable && !covered.has(key))),
  )
  if (lost.size === 0) return next
  return {
    items: [
      ...next.items.filter((item) => !lost.has(keyOf(item))),
      ...old.items.filter((item) => lost.has(keyOf(item))),
    ],
    // A kept key's problem is said in the stale note; one whose key cannot be read stays on the
    // page as well (有数据无法识别所属指标).
    problems: next.problems.filter((p) => p.key === null || !lost.has(p.key)),
    kept: {
      keys: [...lost].sort(),
      message: next.problems[0]!.message,
      since: old.kept?.since ?? shown.dataUpdatedAt,
    },
  }
}

/** A collection query's function that keeps good items over a malformed refresh (above). */
export function keepingGoodItems<T>(
  fetch: (signal: AbortSignal) => Promise<ParsedCollection<T>>,
  keyOf: (item: T) => string,
) {
  return async ({
    client,
    queryKey,
    signal,
  }: {
    client: QueryClient
    queryKey: QueryKey
    signal: AbortSignal
  }): Promise<KeptCollection<T>> => {
    const next = await fetch(signal)
    return keepGoodItems(client.getQueryState<KeptCollection<T>>(queryKey), next, keyOf)
  }
}
