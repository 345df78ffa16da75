import { useEffect, useRef } from 'react'
import { echarts } from './core'
import type { ChartOption } from './types'

export interface EChartProps {
  option: ChartOption
  /** Backing-store pixel ratio; defaults to the display's. The big screen raises it by its scale. */
  devicePixelRatio?: number
  className?: string
}

/**
 * The one ECharts wrapper: init once per container, setOption on change (series replaced, the
 * rest merged, so updates morph in place), resize when the container changes size, dispose on
 * unmount. `data-chart-state` turns to "finished" whenever a render has completed, which the
 * browser tests and the benchmark wait for.
 */
export default function EChartImpl({ option, devicePixelRatio, className }: EChartProps) {
  const ref = useRef<HTMLDivElement>(null)
  const chartRef = useRef<echarts.ECharts | null>(null)
  const optionRef = useRef(option)
  const appliedRef = useRef<ChartOption | null>(null)

  useEffect(() => {
    const el = ref.current
    if (!el) return
    const chart = echarts.init(el, null, {
      renderer: 'canvas',
      devicePixelRatio: devicePixelRatio ?? window.devicePixelRatio,
    })
    chartRef.current = chart
    el.dataset.chartState = 'rendering'
    const onFinished = () => {
      // A render into a container that has no size yet draws nothing; the resize that follows
      // renders again, and that one counts.
      if (el.clientWidth === 0 || el.clientHeight === 0) return
      el.dataset.chartState = 'finished'
    }
    chart.on('finished', onFinished)
    // A shallow copy: ECharts rewrites some top-level keys (e.g. `media`) of what it is given.
    chart.setOption({ ...optionRef.current })
    appliedRef.current = optionRef.current
    let frame = 0
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(() => chart.resize())
    })
    observer.observe(el)
    return () => {
      cancelAnimationFrame(frame)
      observer.disconnect()
      chart.off('finished', onFinished)
      chart.dispose()
      chartRef.current = null
    }
  }, [devicePixelRatio])

  useEffect(() => {
    optionRef.current = option
    const chart = chartRef.current
    if (!chart || appliedRef.current === option) return
    if (ref.current) ref.current.dataset.chartState = 'rendering'
    chart.setOption({ ...option }, { replaceMerge: ['series'] })
    appliedRef.current = option
  }, [option])

  return <div ref={ref} className={className ?? 'echart'} data-chart-state="rendering" />
}
