import type { ReactNode } from 'react'
import './state-views.css'

export function LoadingState({ label = '数据加载中…' }: { label?: string }) {
  return (
    <div className="state state--loading" role="status" aria-live="polite">
      <span className="state__spinner" aria-hidden="true" />
      {label}
    </div>
  )
}

export function EmptyState({ children = '暂无数据' }: { children?: ReactNode }) {
  return <div className="state state--empty">{children}</div>
}

/** A problem in words, with a retry where one can help. Never a raw error object. */
export function ErrorState({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <div className="state state--error" role="alert">
      <span className="state__icon" aria-hidden="true">
        ⚠
      </span>
      <span>{message}</span>
      {onRetry && (
        <button type="button" className="button button--small" onClick={onRetry}>
          重试
        </button>
      )}
    </div>
  )
}

export const DEMO_TARGET_TITLE = '示例目标:报告只写结果,未给出目标值;目标与达标判断仅作演示'

export function DemoBadge({
  label = '示例',
  title = '示例数据:报告未提供,仅作演示,非报告数字',
}: {
  label?: string
  title?: string
}) {
  return (
    <span className="badge badge--demo" title={title}>
      {label}
    </span>
  )
}
