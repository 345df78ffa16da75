import { useEffect, useMemo, useRef, type ReactNode, type RefObject } from 'react'
import { NavLink, useHashLocation } from '@/lib/router/hash-router'
import { useDatasetState, type Dataset } from '@/api/dataset'
import { DataBoundary } from '@/components/data-boundary'
import { useRuntimeConfig } from '@/config/runtime-config-context'
import { GROUPS } from '@/domain/groups'
import { sourceLineOf } from '@/lib/briefing/model'
import { useCanonicalFilters, useFilters } from '@/stores/url-state'
import { AppHeader, APP_TITLE } from './app-header'
import { FilterBar } from './filter-bar'
import { BriefingDocButton, DeckButton } from '@/features/groups/components/export-buttons'
import { usePrintShortcut } from '@/lib/print-page'
import { useDeskZoom } from './use-desk-zoom'
import { useDocumentTitle } from './use-document-title'
import './layout.css'

/** Problems that belong to no panel (an item whose indicator cannot be read). */
function DataProblems({ problems, known }: { problems: Map<string, string>; known: Set<string> }) {
  const orphans = [...problems.entries()].filter(([key]) => !known.has(key))
  if (orphans.length === 0) return null
  return (
    <div className="data-problems" role="alert">
      {orphans.map(([key, message]) => (
        <p key={key}>
          ⚠ {key === '*' ? '有数据无法识别所属指标' : `指标「${key}」未能读取`}:{message}
        </p>
      ))}
    </div>
  )
}

/**
 * On a narrow screen the tabs scroll sideways: bring the current page's tab into view (centred
 * when it can be) whenever the page changes, so the user sees where they are.
 */
function useActiveTabInView(nav: RefObject<HTMLElement | null>, pathname: string, ready: boolean) {
  // `ready`: the tabs move when the data arrives (生成汇报PPT appears among them).
  // In the next frame, not in the effect: reading the layout there forced the whole page's first
  // layout inside the render's task (≈ 40–70 ms before anything could paint, ×4 on a slow PC); in
  // a frame it is the layout the frame does anyway.
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      const bar = nav.current
      const tab = bar?.querySelector<HTMLElement>('[aria-current="page"]')
      if (!bar || !tab || bar.scrollWidth <= bar.clientWidth) return
      const b = bar.getBoundingClientRect()
      const t = tab.getBoundingClientRect()
      bar.scrollBy({ left: t.left - b.left - (b.width - t.width) / 2 })
    })
    return () => cancelAnimationFrame(frame)
  }, [nav, pathname, ready])
}

/**
 * On a narrow screen the tabs scroll sideways with no scrollbar: `data-more` on the bar says on
 * which side tabs are out of view ('left', 'right', 'both'), and layout.css fades that edge, so a
 * portrait kiosk or a phone shows that 数据导入 and 大屏模式 are there. Read in a frame after a
 * scroll, a change of size, or a change of the tabs (`tabs`: the report buttons come with the
 * data), never in the render.
 */
function useScrollEdges(nav: RefObject<HTMLElement | null>, tabs: unknown) {
  useEffect(() => {
    const bar = nav.current
    if (!bar) return
    let frame = 0
    const read = () => {
      frame = 0
      const left = bar.scrollLeft > 1
      const right = bar.scrollLeft + bar.clientWidth < bar.scrollWidth - 1
      const more = left && right ? 'both' : left ? 'left' : right ? 'right' : null
      if (more) bar.dataset.more = more
      else delete bar.dataset.more
    }
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(read)
    }
    schedule()
    bar.addEventListener('scroll', schedule, { passive: true })
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(schedule)
    observer?.observe(bar)
    return () => {
      cancelAnimationFrame(frame)
      bar.removeEventListener('scroll', schedule)
      observer?.disconnect()
    }
  }, [nav, tabs])
}

/** The report, and what 示例 means while demo data is shown. */
function SourceLine({ data }: { data: Dataset }) {
  return sourceLineOf(data.meta.source, useFilters(data).showDemo)
}

/** The desk view's frame: header, navigation, filters; the page comes from the router. */
export function AppLayout({ children }: { children: ReactNode }) {
  const state = useDatasetState()
  const { warning } = useRuntimeConfig()
  const { pathname, search } = useHashLocation()
  const navRef = useRef<HTMLElement>(null)
  const data = state.status === 'ready' ? state.data : null
  useActiveTabInView(navRef, pathname, data !== null)
  useScrollEdges(navRef, data !== null)
  useCanonicalFilters(data)
  useDocumentTitle()
  useDeskZoom()
  usePrintShortcut()
  const known = useMemo(() => new Set(data?.indicators.map((i) => i.id)), [data])

  return (
    <div className="app">
      <AppHeader />
      <nav className="app-nav" aria-label="页面" ref={navRef}>
        <NavLink to={{ pathname: '/', search }} end>
          总览
        </NavLink>
        {GROUPS.map((g) => (
          <NavLink key={g.id} to={{ pathname: `/group/${g.id}`, search }}>
            {g.name}
          </NavLink>
        ))}
        <NavLink to={{ pathname: '/compare', search }}>对比分析</NavLink>
        <NavLink to={{ pathname: '/briefing', search }}>简报</NavLink>
        <span className="app-nav__spacer" />
        {data && (
          <DataBoundary name="生成汇报材料">
            <BriefingDocButton />
          </DataBoundary>
        )}
        {data && (
          <DataBoundary name="生成汇报PPT">
            <DeckButton title={APP_TITLE} />
          </DataBoundary>
        )}
        <NavLink to={{ pathname: '/import', search }}>数据导入</NavLink>
        <a className="app-nav__screen" href="#/screen" target="_blank" rel="noopener">
          大屏模式 ↗
        </a>
      </nav>
      <FilterBar />
      {warning && (
        <p className="config-warning" role="status">
          ⚠ {warning}
        </p>
      )}
      {data && <DataProblems problems={data.problems} known={known} />}
      <main className="app-main">{children}</main>
      {/* The 简报 ends with its own source line, the same words. */}
      {pathname !== '/briefing' && (
        <footer className="app-footer">
          {data ? <SourceLine data={data} /> : '数据来源:通州湾示范区法治政府建设情况报告'}
        </footer>
      )}
    </div>
  )
}
