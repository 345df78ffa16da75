import { useMemo, useState, type CSSProperties, type ReactNode } from 'react'
import type { DatasetState } from '@/api/dataset'
import { DataTimes } from '@/components/data-times'
import { Clock } from '@/components/clock'
import { DataBoundary } from '@/components/data-boundary'
import { findPage, planPages, type GroupInfo, type PagePlan } from './pages'
import './screen.css'
import type { ScreenParams } from './screen-params'
import { useFit } from './use-fit'
import { useFullscreen } from './use-fullscreen'
import { useRotation } from './use-rotation'

interface ScreenFrameProps {
  title: string
  params: ScreenParams
  state: DatasetState
  /** The groups in catalogue order (memoised by the caller: a new array re-plans the pages). */
  groups: readonly GroupInfo[]
  renderPage: (plan: PagePlan) => ReactNode
}

function rotationLabel(params: ScreenParams, pages: number, paused: boolean) {
  if (pages < 2) return '全部指标一屏显示 · 无需轮播'
  if (params.rotate === 0) return '轮播已关闭'
  return paused ? '轮播已暂停(无操作后自动恢复)' : `每 ${params.rotate} 秒轮播`
}

function UpdatedMark({ state }: { state: DatasetState }) {
  if (state.status === 'loading') return <span className="screen-header__updated">数据加载中…</span>
  if (state.status === 'error')
    return (
      <span className="stale-mark" role="status">
        ⚠ 数据源暂不可用,正在重试
      </span>
    )
  return (
    <span className="screen-header__updated">
      <DataTimes state={state} />
    </span>
  )
}

/** Data imported in this browser, beside the period: after the times it took a third line. */
function LocalMark({ state }: { state: DatasetState }) {
  if (state.status !== 'ready' || !state.data.local) return null
  return (
    <span className="local-data-mark" role="status" title="本浏览器正在使用导入的数据,不是发布数据">
      本机导入数据(非发布数据)
    </span>
  )
}

/**
 * The big screen: a design canvas shaped for the display (16:9, a wide wall or a portrait screen;
 * see fit.ts) and scaled to it, with the header, the pages for that layout (pages.ts) and a page
 * indicator. Only the current page is mounted, so a page that leaves releases its charts,
 * observers and timers. When the layout changes (a resize), the page showing the same group stays.
 */
export function ScreenFrame({ title, params, state, groups, renderPage }: ScreenFrameProps) {
  const { layout, canvas, box } = useFit(params.fit)
  const pages = useMemo(
    () => planPages(layout, canvas.width, groups),
    [layout, canvas.width, groups],
  )
  const rotation = useRotation(pages.length, params.rotate, findPage(pages, params.page))
  const fullscreen = useFullscreen()
  const page = pages[rotation.page] ?? pages[0]

  // Re-planned pages (another layout): show the page that holds what was on screen, in this render.
  const [planned, setPlanned] = useState(pages)
  if (planned !== pages) {
    setPlanned(pages)
    rotation.show(findPage(pages, planned[rotation.page]?.id))
  }

  const meta = state.status === 'ready' ? state.data.meta : null
  const canvasStyle: CSSProperties = {
    width: canvas.width,
    height: canvas.height,
    transform: `translate(${box.left}px, ${box.top}px) scale(${box.scaleX}, ${box.scaleY})`,
  }
  return (
    <div className="screen-viewport">
      <div
        className={`screen screen--${layout}`}
        style={canvasStyle}
        data-page={page?.id}
        data-layout={layout}
      >
        <header className="screen-header">
          <div className="screen-header__side">
            <span>
              统计期间 {meta?.period.label ?? '—'} <LocalMark state={state} />
            </span>
            <UpdatedMark state={state} />
          </div>
          <h1 className="screen-header__title">{title}</h1>
          <div className="screen-header__side screen-header__side--right">
            <Clock />
            <button
              type="button"
              className="button button--small screen-header__fullscreen"
              aria-pressed={fullscreen.active}
              onClick={fullscreen.toggle}
            >
              {fullscreen.active ? '退出全屏' : '全屏 (F)'}
            </button>
          </div>
        </header>
        <main className="screen-body" key={page?.id} aria-label={page?.title}>
          {page && (
            <DataBoundary name={page.title} autoRetry>
              {renderPage(page)}
            </DataBoundary>
          )}
        </main>
        <footer className="screen-footer">
          <span className="screen-footer__source">
            {meta ? `数据来源:《${meta.source.title}》` : ''}
          </span>
          <nav className="screen-pager" aria-label="页面">
            {pages.map((p, i) => (
              <button
                key={p.id}
                type="button"
                className="screen-pager__dot"
                aria-current={i === rotation.page ? 'page' : undefined}
                onClick={() => rotation.setPage(i)}
              >
                {p.title}
              </button>
            ))}
          </nav>
          <span className="screen-footer__rotation">
            {rotationLabel(params, pages.length, rotation.paused)}
          </span>
        </footer>
      </div>
    </div>
  )
}
