import type { DashboardState } from '@/api/use-dashboard-data'
import { EmptyState } from '@/components/state-views'

/** 对比分析 (issue 4). Loaded lazily from the router. */
export default function CompareRoute({ state: _state }: { state: DashboardState }) {
  return <EmptyState>对比分析建设中</EmptyState>
}
