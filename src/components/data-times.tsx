import type { DatasetState } from '@/api/dataset'
import { formatMoment } from '@/lib/format'
import './data-times.css'

type Ready = Extract<DatasetState, { status: 'ready' }>

/** What the data on screen is, when it is not the source's current answer. */
function notCurrent(state: Ready): { text: string; kind: 'offline' | 'restored' | 'stale' } | null {
  // Kept in this browser from an earlier visit (a restart with the source down).
  if (state.restored && state.stale) return { text: '离线', kind: 'offline' }
  if (state.restored) return { text: '正在连接数据源', kind: 'restored' }
  if (state.stale) return { text: '⚠ 数据已过期', kind: 'stale' }
  return null
}

/**
 * The two times of the data, each labelled, the same on every view: 数据截至 — the data's own
 * date (meta.updatedAt, when it was published) — and 最后刷新 — when it was last fetched. Data
 * that is not the source's current answer says so first: ⚠ 数据已过期 after a failed refresh,
 * 离线 for data kept in this browser from an earlier visit while the source cannot be reached
 * (正在连接数据源 while it is being asked). A time not of today carries its date.
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
  const mark = notCurrent(state)
  if (!mark)
    return (
      <span className="data-times" data-times="fresh">
        {times}
      </span>
    )
  const why =
    mark.kind === 'stale'
      ? state.staleReason
      : `显示的是本机保存的 ${fetched} 取得的数据${state.staleReason ? `;${state.staleReason}` : ''}`
  return (
    <span
      className="data-times stale-mark"
      role="status"
      title={why ?? undefined}
      data-times={mark.kind}
    >
      <span className="data-times__item">{mark.text}</span>
      {' · '}
      {times}
    </span>
  )
}
