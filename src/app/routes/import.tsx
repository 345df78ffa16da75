import type { DashboardState } from '@/api/use-dashboard-data'
import { ErrorState, LoadingState } from '@/components/state-views'
import { ImportPage } from '@/features/data-import/components/import-page'

/**
 * 数据导入 for department staff (issue 8). Loaded lazily from the router; the spreadsheet reader
 * is loaded by this chunk only when a file is read or written.
 */
export default function ImportRoute({ state }: { state: DashboardState }) {
  if (state.status === 'loading') return <LoadingState />
  if (state.status === 'error') return <ErrorState message={state.message} onRetry={state.retry} />
  return <ImportPage data={state.data} />
}
