import { lazy, Suspense } from 'react'
import type { EChartProps } from './echart-impl'

const EChartImpl = lazy(() => import('./echart-impl'))

/**
 * ECharts loads in its own chunk: the header and metric cards paint first, the charts join when
 * the module arrives. The fallback has the chart's size, so nothing shifts when it does.
 */
export function EChart(props: EChartProps) {
  return (
    <Suspense fallback={<div className="echart echart--loading" aria-hidden="true" />}>
      <EChartImpl {...props} />
    </Suspense>
  )
}

export type { EChartProps }
