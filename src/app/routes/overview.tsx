import { GROUPS } from '@/domain/groups'
import { FindingsPanel } from '@/features/findings/components/findings-panel'
import { GroupPanel } from '@/features/groups/components/group-panel'
import { usePackedColumns } from '@/lib/layout/use-packed-columns'
import { useRef } from 'react'
import './overview.css'

/** The four groups side by side, then the report's shortcomings and next year's plans. */
export function OverviewRoute() {
  const groups = useRef<HTMLDivElement>(null)
  usePackedColumns(groups)
  return (
    <div className="overview">
      <div className="overview__groups" ref={groups}>
        {GROUPS.map((g) => (
          <GroupPanel key={g.id} groupId={g.id} />
        ))}
      </div>
      <FindingsPanel />
    </div>
  )
}
