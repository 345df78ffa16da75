import { useMemo } from 'react'
import { useDataset } from '@/api/dataset'
import { MetricCard, type CardTrendInput } from '@/components/metric-card'
import { PanelBoundary } from '@/components/panel-boundary'
import { pickCell } from '@/domain/observation-index'
import type { Indicator } from '@/domain/schemas'
import { useTheme } from '@/lib/theme/theme-context'

/**
 * The selected indicators for the filter bar's organisation and year, as metric cards with their
 * year-over-year change and a sparkline of the years, in one scrolling row.
 */
export function CompareCards({
  indicators,
  orgId,
  year,
  showDemo,
}: {
  indicators: Indicator[]
  orgId: string
  year: number
  showDemo: boolean
}) {
  const data = useDataset()
  const trend = useMemo<CardTrendInput>(
    () => ({
      index: data.index,
      problems: data.problems,
      orgId,
      year,
      years: data.meta.years,
      showDemo,
    }),
    [data.index, data.problems, data.meta.years, orgId, year, showDemo],
  )
  const org = data.organizations.find((o) => o.id === orgId)
  const { accents } = useTheme()
  if (indicators.length === 0) return null
  return (
    <section className="compare-cards" aria-label={`${org?.name ?? ''} ${year}年 所选指标`}>
      <h3 className="compare-cards__title">
        {org?.name} · {year}年
        <span className="compare-cards__hint">(筛选栏「单位」「年度」;卡片含同比与近年走势)</span>
      </h3>
      <div className="compare-cards__row">
        {indicators.map((indicator) => (
          <PanelBoundary key={indicator.id} name={indicator.shortName}>
            <MetricCard
              indicator={indicator}
              cell={pickCell(indicator, data.index, orgId, year, showDemo, data.problems)}
              accent={accents[indicator.group]}
              reportTitle={data.meta.source.title}
              showDemo={showDemo}
              trend={trend}
            />
          </PanelBoundary>
        ))}
      </div>
    </section>
  )
}
