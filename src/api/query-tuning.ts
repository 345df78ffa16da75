import type { QueryFailures } from '@/lib/query-client'

/** Per-view overrides of the query defaults (the big screen sets its own refresh interval). */
export interface QueryTuning {
  /** `refreshEvery(ms)` of src/lib/query-client.ts: the refresh, with a backoff after failures. */
  refetchInterval?: (query: QueryFailures) => number | false
}
