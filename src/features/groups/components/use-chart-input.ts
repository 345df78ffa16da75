import { useMemo } from 'react'
import { useDataset } from '@/api/dataset'
import { useFilters } from '@/stores/url-state'
import type { ChartInput } from '../charts/build-chart'

/** What every chart of a group needs: the dataset joined with the active filters. */
export function useChartInput(
  /** Fixed filters (the big screen always shows the report year for the whole district). */
  fixed?: Pick<ChartInput, 'year' | 'orgId' | 'showDemo'>,
): ChartInput {
  const data = useDataset()
  const filters = useFilters(data)
  const { year, orgId, showDemo } = fixed ?? filters
  const indicators = useMemo(
    () => new Map(data.indicators.map((i) => [i.id, i])),
    [data.indicators],
  )
  const { meta, organizations, groups } = data
  return useMemo(() => {
    const org = organizations.find((o) => o.id === orgId)
    const context = {
      organization: org?.name ?? meta.region.name,
      fileUnit: org && org.id !== meta.region.id ? org.name : null,
      period: `${year}年度`,
      source: meta.source.title,
      groupNames: Object.fromEntries(groups.map((g) => [g.id, g.name])),
    }
    return {
      indicators,
      index: data.index,
      problems: data.problems,
      orgId,
      year,
      showDemo,
      context,
    }
  }, [indicators, data.index, data.problems, orgId, year, showDemo, meta, organizations, groups])
}
