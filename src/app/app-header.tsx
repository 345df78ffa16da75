import type { DashboardState } from '@/api/use-dashboard-data'
import { formatDateTime, formatTime } from '@/lib/format'
import { Clock } from '@/components/clock'

export const APP_TITLE = '通州湾示范区法治政府建设指标看板'

/** Title centred; period, source and update time on the left; the clock on the right. */
export function AppHeader({ state }: { state: DashboardState }) {
  const meta = state.status === 'ready' ? state.data.meta : null
  return (
    <header className="app-header">
      <div className="app-header__side app-header__side--left">
        {meta ? (
          <>
            <span>统计期间:{meta.period.label}</span>
            <span className="app-header__source" title={meta.source.title}>
              数据来源:《{meta.source.title}》
            </span>
          </>
        ) : (
          <span>统计期间:加载中…</span>
        )}
      </div>
      <h1 className="app-header__title">{APP_TITLE}</h1>
      <div className="app-header__side app-header__side--right">
        <Clock />
        {state.status === 'ready' &&
          (state.stale ? (
            <span className="stale-mark" role="status" title={state.staleReason ?? undefined}>
              ⚠ 数据已过期 · 更新于 {formatTime(state.fetchedAt)}
            </span>
          ) : (
            <span className="app-header__updated">
              数据更新于 {formatDateTime(state.data.meta.updatedAt)}
            </span>
          ))}
      </div>
    </header>
  )
}
