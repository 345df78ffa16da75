import { useGroup } from '@/api/dataset'
import { DataBoundary } from '@/components/data-boundary'
import { GroupDetail } from '@/features/groups/components/group-detail'
import { NotFoundRoute } from './not-found'

export function GroupRoute({ groupId }: { groupId: string }) {
  const group = useGroup(groupId)
  if (!group) return <NotFoundRoute />
  return (
    <section className="group-page" data-group={group.id} aria-labelledby="group-page-title">
      <h2 className="group-page__title" id="group-page-title">
        {group.fullName}
      </h2>
      <DataBoundary name={group.fullName} staleNote>
        <GroupDetail group={group} />
      </DataBoundary>
    </section>
  )
}
