import type { ReactNode } from 'react'
import { DatasetContext, useDatasetState } from '@/api/dataset'
import { PanelBoundary } from './panel-boundary'
import { StaleNote } from './stale-note'
import { ErrorState, LoadingState } from './state-views'
import './data-boundary.css'

interface Props {
  /** What the panel shows, for its messages: "「执法队伍建设」显示出错". */
  name: string
  /**
   * Say inside the panel when the last refresh failed and the data is the last good one. Pages
   * say it once; the overview's panels leave it to the header's 数据已过期 mark.
   */
  staleNote?: boolean
  /** The data refreshes on its own (the big screen): say so instead of offering 重试. */
  autoRetry?: boolean
  children: ReactNode
}

/**
 * The one place a panel's data states are shown: 数据加载中 while the dataset loads, the failure
 * in words with 重试, and (with `staleNote`) that a failed refresh left the last good data on
 * screen. Inside it the dataset is ready: children read it with `useDataset(select)`, and a render
 * error stays in this panel (PanelBoundary).
 */
export function DataBoundary({ name, staleNote = false, autoRetry = false, children }: Props) {
  const state = useDatasetState()
  if (state.status === 'loading') return <LoadingState />
  if (state.status === 'error')
    return autoRetry ? (
      <ErrorState message="数据源暂不可用,正在自动重试" />
    ) : (
      <ErrorState message={state.message} onRetry={state.retry} />
    )
  return (
    <DatasetContext.Provider value={state.data}>
      {staleNote && state.stale && (
        <StaleNote
          what="数据"
          noun="数据"
          at={state.fetchedAt}
          reason={state.staleReason}
          onRetry={state.retry}
        />
      )}
      <PanelBoundary name={name}>{children}</PanelBoundary>
    </DatasetContext.Provider>
  )
}
