import { useState } from 'react'
import { useDataset, type Dataset } from '@/api/dataset'
import { formatDateTime } from '@/lib/format'
import { userMessage } from '@/lib/user-message'

const selectLocal = (d: Dataset) => ({
  local: d.local,
  updatedAt: d.meta.updatedAt,
  published: d.publishedObservations.length,
})

/** Which data this browser shows, and the way back to the published data. */
export function LocalDataPanel({ onRevert }: { onRevert: () => Promise<void> }) {
  const { local, updatedAt, published } = useDataset(selectLocal)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  return (
    <section
      className={`import-card${local ? ' import-card--local' : ''}`}
      aria-label="本浏览器使用的数据"
      data-local-panel={local ? 'local' : 'published'}
    >
      <h3 className="import-card__title">本浏览器使用的数据</h3>
      {local ? (
        <>
          <p>
            <strong>本机导入数据</strong>:{local.rows.length} 条导入的数据覆盖在发布数据之上,
            只有这台电脑的这个浏览器能看到。
          </p>
          <dl className="import-card__facts">
            <dt>最近应用</dt>
            <dd>{formatDateTime(local.appliedAt)}</dd>
            <dt>文件</dt>
            <dd>{local.fileName}</dd>
          </dl>
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={async () => {
              setBusy(true)
              setError(null)
              try {
                await onRevert()
              } catch (err) {
                setError(userMessage(err, '恢复失败'))
              } finally {
                setBusy(false)
              }
            }}
          >
            恢复为发布数据
          </button>
          {error && (
            <p className="import-status import-status--error" role="alert">
              ⚠ {error}
            </p>
          )}
        </>
      ) : (
        <p>
          <strong>发布数据</strong>(数据更新于 {formatDateTime(updatedAt)}),共 {published} 条。
        </p>
      )}
    </section>
  )
}
