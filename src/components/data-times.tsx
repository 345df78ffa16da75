import type { DatasetState } from '@/api/dataset'
import { formatMoment } from '@/lib/format'
import './data-times.css'

type Ready = Extract<DatasetState, { status: 'ready' }>

/**
 * The two times of the data, each labelled, the same on every view: 数据截至 — the data's own
 * date (meta.updatedAt, when it was published) — and 最后刷新 — when this screen last fetched it.
 * After a failed refresh both stay, behind ⚠ 数据已过期. A time not of today carries its date.
 */
export function DataTimes({ state, now }: { state: Ready; now?: Date }) {
  const asOf = formatMoment(state.data.meta.updatedAt, now)
  const fetched = formatMoment(state.fetchedAt, now)
  const times = (
    <>
      <span className="data-times__item">数据截至 {asOf}</span>
      {' · '}
      <span className="data-times__item">最后刷新 {fetched}</span>
    </>
  )
  return state.stale ? (
    <span
      className="data-times stale-mark"
      role="status"
      title={state.staleReason ?? undefined}
      data-times="stale"
    >
      <span className="data-times__item">⚠ 数据已过期</span>
      {' · '}
      {times}
    </span>
  ) : (
    <span className="data-times" data-times="fresh">
      {times}
    </span>
  )
}
