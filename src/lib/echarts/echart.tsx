import { lazy, Suspense } from 'react'
import { useUiStore } from '@/stores/ui-store'
import type { EChartProps } from './echart-impl'
import './echart.css'

const EChartImpl = lazy(() => import('./echart-impl'))

/**
 * ECharts loads in its own chunk: the header and metric cards paint first, the charts join when
 * the module arrives. The fallback has the chart's size, so nothing shifts when it does.
 */
export function EChart(props: EChartProps) {
  const displayScale = useUiStore((s) => s.displayScale)
  const ratio = props.devicePixelRatio ?? window.devicePixelRatio * displayScale
  return (
    <Suspense fallback={<div className="echart echart--loading" aria-hidden="true" />}>
      <EChartImpl {...props} devicePixelRatio={ratio} />
    </Suspense>
  )
}

export type { EChartProps }
