import type { CSSProperties } from 'react'
import { Link, useHashLocation } from '@/lib/router/hash-router'
import { useDataset, useGroup, type Dataset } from '@/api/dataset'
import { DataBoundary } from '@/components/data-boundary'
import { FactCards } from '@/components/fact-cards'
import type { Group, GroupId } from '@/domain/schemas'
import { useTheme } from '@/lib/theme/theme-context'
import { chartsOfGroup } from '../charts/group-charts'
import { GroupCards } from './group-cards'
import { GroupChart } from './group-chart'
import { useChartInput } from './use-chart-input'
import './group-panel.css'

const reportTitleOf = (d: Dataset) => d.meta.source.title

function GroupPanelBody({ group }: { group: Group }) {
  const input = useChartInput()
  const reportTitle = useDataset(reportTitleOf)
  const { accents } = useTheme()
  return (
    <>
      <GroupCards group={group.id} input={input} />
      <FactCards
        group={group.id}
        year={input.year}
        orgId={input.orgId}
        reportTitle={reportTitle}
        accent={accents[group.id]}
      />
      <div className="group-panel__charts">
        {chartsOfGroup(group.id).map((spec) => (
          <GroupChart key={spec.id} spec={spec} input={input} />
        ))}
      </div>
    </>
  )
}

/** One of the four groups on the overview: its cards and charts, with its own states. */
export function GroupPanel({ groupId }: { groupId: GroupId }) {
  const { search } = useHashLocation()
  const group = useGroup(groupId)
  const { accents } = useTheme()
  if (!group) return null
  return (
    <section
      className="panel group-panel"
      data-group={group.id}
      aria-labelledby={`group-${group.id}`}
      style={{ '--accent': accents[group.id] } as CSSProperties}
    >
      <header className="panel__head">
        <h3 className="panel__title" id={`group-${group.id}`}>
          {group.fullName}
        </h3>
        <Link className="panel__link" to={{ pathname: `/group/${group.id}`, search }}>
          详情 ›
        </Link>
      </header>
      <DataBoundary name={group.fullName}>
        <GroupPanelBody group={group} />
      </DataBoundary>
    </section>
  )
}
