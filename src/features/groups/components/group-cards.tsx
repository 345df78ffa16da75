import { useMemo } from 'react'
import { MetricCard, type CardTrendInput } from '@/components/metric-card'
import { PanelBoundary } from '@/components/panel-boundary'
import { useDataset } from '@/api/dataset'
import { pickCell } from '@/domain/observation-index'
import type { GroupId } from '@/domain/schemas'
import { HALL_THEME, type ChartTheme } from '@/lib/echarts/theme'
import type { ChartInput } from '../charts/build-chart'

/** The metric cards of one group, in catalogue order. */
export function GroupCards({
  group,
  input,
  wide = false,
  theme = HALL_THEME,
}: {
  group: GroupId
  input: ChartInput
  /** The group page lays cards out five to a row; the overview column two to a row. */
  wide?: boolean
  theme?: ChartTheme
}) {
  const data = useDataset()
  const indicators = data.indicatorsByGroup.get(group) ?? []
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
            cell={pickCell(
              indicator,
              input.index,
              input.orgId,
              input.year,
              input.showDemo,
              input.problems,
            )}
            accent={theme.accents[group]}
            reportTitle={data.meta.source.title}
            showDemo={input.showDemo}
            trend={trend}
          />
        </PanelBoundary>
      ))}
    </div>
  )
}
