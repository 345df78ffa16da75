import { useDatasetState, type Dataset } from '@/api/dataset'
import { useFilters } from '@/stores/url-state'
import { DataTimes } from '@/components/data-times'
import { Clock } from '@/components/clock'
import { APP_TITLE } from '@/config/app'
import './app-header.css'

export { APP_TITLE }

/** The year on screen: the report's period, or another year (示例 when the report gives none of it). */
function Period({ data }: { data: Dataset }) {
  const { year } = useFilters(data)
  const { period } = data.meta
  if (year === period.year) return <span>统计期间:{period.label}</span>
  return (
    <span>
      统计期间:{year}年度{data.reportedYears.has(year) ? '' : '(示例)'}
    </span>
  )
}

/** Title centred; period, source and update time on the left; the clock on the right. */
export function AppHeader() {
  const state = useDatasetState()
  const data = state.status === 'ready' ? state.data : null
  return (
    <header className="app-header">
      <div className="app-header__side app-header__side--left">
        {data ? (
          <>
            <Period data={data} />
            <span className="app-header__source">
              数据来源:<span className="app-header__report">《{data.meta.source.title}》</span>
            </span>
          </>
        ) : state.status === 'error' ? (
          // Not 加载中… beside the panels' errors: nothing is loading until 重试 or the next try.
          <span>统计期间:数据未能加载</span>
        ) : (
          <span>统计期间:加载中…</span>
        )}
      </div>
      <h1 className="app-header__title">{APP_TITLE}</h1>
      <div className="app-header__side app-header__side--right">
        <Clock />
        {state.status === 'ready' && (
          <span className="app-header__status">
            {state.data.local && (
              <a
                className="local-data-mark"
                href="#/import"
                title={`本浏览器正在使用导入的数据(${state.data.local.fileName},${state.data.local.rows.length} 条),不是发布数据。点此查看或恢复为发布数据。`}
              >
                本机导入数据
              </a>
            )}
            <DataTimes state={state} />
          </span>
        )}
      </div>
    </header>
  )
}
