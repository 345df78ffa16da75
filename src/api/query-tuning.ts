/** Per-view overrides of the query defaults (the big screen sets its own refresh interval). */
export interface QueryTuning {
  refetchInterval?: number | false
}
