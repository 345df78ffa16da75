import { formatMoment } from '@/lib/format'
import './data-boundary.css'

/**
 * A failed refresh, said where its data is shown: ⚠ 数据刷新失败,显示的是 08:06 取得的数据, with
 * 重试. The reason (in words) is its title.
 */
export function StaleNote({
  what,
  noun,
  at,
  reason,
  onRetry,
}: {
  /** What failed to refresh: 数据, 定性事实. */
  what: string
  /** What is shown instead: 数据, 内容. */
  noun: string
  /** When the data shown was fetched. */
  at: number
  reason: string | null
  onRetry: () => void
}) {
  return (
    <p className="stale-note" role="status" title={reason ?? undefined}>
      ⚠ {what}刷新失败,显示的是 {formatMoment(at)} 取得的{noun}
      <button type="button" className="button button--small" onClick={onRetry}>
        重试
      </button>
    </p>
  )
}
