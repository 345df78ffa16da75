import { useMemo } from 'react'
import { MetricCard, type CardTrendInput } from '@/components/metric-card'
import { PanelBoundary } from '@/components/panel-boundary'
import { useDataset } from '@/api/dataset'
import type { GroupId } from '@/domain/schemas'
import { useTheme } from '@/lib/theme/theme-context'
import { cellOf, type ChartInput } from '../charts/build-chart'
import './group-cards.css'

/** The metric cards of one group, in catalogue order. */
export function GroupCards({
  group,
  input,
  wide = false,
}: {
  group: GroupId
  input: ChartInput
  /** The group page lays cards out five to a row; the overview column two to a row. */
  wide?: boolean
}) {
  const data = useDataset()
  const indicators = data.indicatorsByGroup.get(group) ?? []
  const { accents } = useTheme()
  // Every card gains 同比 and a sparkline of the years the data has (demo years marked).
  const trend = useMemo<CardTrendInput>(
    () => ({
      index: input.index,
      problems: input.problems,
      orgId: input.orgId,
      year: input.year,
      years: data.meta.years,
      showDemo: input.showDemo,
    }),
    [input.index, input.problems, input.orgId, input.year, input.showDemo, data.meta.years],
  )
  return (
    <div className={wide ? 'card-grid card-grid--wide' : 'card-grid'}>
      {indicators.map((indicator) => (
        <PanelBoundary key={indicator.id} name={indicator.shortName}>
          <MetricCard
            indicator={indicator}
            cell={cellOf(indicator, input)}
            accent={accents[group]}
            reportTitle={data.meta.source.title}
            showDemo={input.showDemo}
            trend={trend}
          />
        </PanelBoundary>
      ))}
    </div>
  )
}
