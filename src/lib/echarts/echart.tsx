import { lazy, Suspense, useRef } from 'react'
import { useUiStore } from '@/stores/ui-store'
import type { EChartProps } from './echart-impl'
import { useNearViewport } from './use-near-viewport'
import './echart.css'

const loadImpl = () => import('./echart-impl')
const EChartImpl = lazy(loadImpl)

/**
 * Starts evaluating ECharts now (main.tsx, at start-up) rather than at the first chart's render:
 * the module is evaluated while the data is on its way, so the charts can initialise as soon as
 * their data is there. The same import the charts wait for, so it is evaluated once.
 */
export function preloadECharts(): void {
  loadImpl().catch(() => undefined)
}

/**
 * ECharts loads in its own chunk: the header and metric cards paint first, the charts join when
 * the module arrives. A chart far below the fold waits until it comes near the viewport or the
 * page is idle (use-near-viewport.ts); printing wakes every chart. The placeholder has the
 * chart's size, so nothing shifts when the chart replaces it.
 */
export function EChart(props: EChartProps) {
  const displayScale = useUiStore((s) => s.displayScale)
  const printing = useUiStore((s) => s.printing)
  const placeholder = useRef<HTMLDivElement>(null)
  const near = useNearViewport(placeholder, printing)
  const ratio = props.devicePixelRatio ?? window.devicePixelRatio * displayScale
  const fallback = <div ref={placeholder} className="echart echart--loading" aria-hidden="true" />
  if (!near) return fallback
  return (
    <Suspense fallback={fallback}>
      <EChartImpl {...props} devicePixelRatio={ratio} />
    </Suspense>
  )
}

export type { EChartProps }
export { EagerChartsContext } from './use-near-viewport'
