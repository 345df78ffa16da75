import { lazy, Suspense, useEffect, useRef } from 'react'
import { useUiStore } from '@/stores/ui-store'
import type { EChartProps } from './echart-impl'
import { useNearViewport } from './use-near-viewport'
import './echart.css'

const loadImpl = () => import('./echart-impl')
const EChartImpl = lazy(loadImpl)

/**
 * Starts evaluating ECharts as soon as the first chart slot is on the page, whether or not its
 * chart initialises yet: the cards of that same render are in the DOM first, and the charts near
 * the viewport do not wait for the module after their observer has seen them. (Evaluating it at
 * start-up instead put its ≈ 100 ms, ×4 on a slow PC, before the cards: the data now arrives
 * during the app's own evaluation.) The same import the charts wait for, so it runs once.
 */
function preloadECharts(): void {
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
  useEffect(preloadECharts, [])
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
