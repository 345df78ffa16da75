import type { DashboardState } from '@/api/use-dashboard-data'
import { EmptyState } from '@/components/state-views'

/** 数据导入 for department staff (issue 8). Loaded lazily from the router. */
export default function ImportRoute({ state: _state }: { state: DashboardState }) {
  return <EmptyState>数据导入建设中</EmptyState>
}
