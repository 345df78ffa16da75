import { createElement, useEffect, useRef, useState, type ComponentType } from 'react'
import { useUiStore } from '@/stores/ui-store'
import type { EChartProps } from './echart-impl'
import { useNearViewport } from './use-near-viewport'
import './echart.css'

type Impl = ComponentType<EChartProps>

/** The ECharts chunk's component once it has been evaluated (the same for every chart). */
let loadedImpl: Impl | undefined
let loading: Promise<Impl> | undefined

/**
 * Loads and evaluates the ECharts chunk, once. Started as soon as the first chart slot is on the
 * page, whether or not its chart initialises yet: the cards of that same render are in the DOM
 * first, and the charts near the viewport do not wait for the module after their observer has
 * seen them. (Evaluating it at start-up instead put its ≈ 100 ms, ×4 on a slow PC, before the
 * cards: the data now arrives during the app's own evaluation.)
 */
function loadImpl(): Promise<Impl> {
  loading ??= import('./echart-impl').then(
    (module) => (loadedImpl = module.default),
    (error: unknown) => {
      loading = undefined // a later chart may try again (e.g. after a network failure)
      throw error
    },
  )
  return loading
}

/**
 * Whether the chart component's chunk is there (then `loadedImpl`, one component for the page's
 * lifetime, so its identity never changes between renders). Not `React.lazy` + `<Suspense>`: React holds back
 * the reveal of a Suspense boundary until 300 ms after the last fallback it showed (so that
 * content does not pop in piece by piece), and on a page whose charts all wait for one chunk that
 * held every first chart back by up to 300 ms after ECharts had arrived. A failed load is thrown in
 * render, so the chart panel's error boundary shows it as before.
 */
function useImplLoaded(): boolean {
  const [loaded, setLoaded] = useState(() => loadedImpl !== undefined)
  const [failure, setFailure] = useState<{ error: unknown }>()
  useEffect(() => {
    if (loaded) return
    let live = true
    loadImpl().then(
      () => live && setLoaded(true),
      (error: unknown) => live && setFailure({ error }),
    )
    return () => {
      live = false
    }
  }, [loaded])
  if (failure) throw failure.error
  return loaded
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
  const loaded = useImplLoaded()
  const ratio = props.devicePixelRatio ?? window.devicePixelRatio * displayScale
  if (!near || !loaded || !loadedImpl) {
    return <div ref={placeholder} className="echart echart--loading" aria-hidden="true" />
  }
  return createElement(loadedImpl, { ...props, devicePixelRatio: ratio })
}

export type { EChartProps }
export { EagerChartsContext } from './use-near-viewport'
