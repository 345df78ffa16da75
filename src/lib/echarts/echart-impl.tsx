import EChartsReactCore from 'echarts-for-react/esm/core'
import isEqual from 'fast-deep-equal'
import { useCallback, useMemo, useRef, useState } from 'react'
import type { EChartsReactProps } from 'echarts-for-react/esm/types'
import { echarts } from './core'
import { UPDATE_MS } from './option-base'
import type { ChartOption } from './types'
import { haveFirstChartsShown, markFirstChartsShown } from './use-near-viewport'
import { correctZoomedPointer } from './zoomed-pointer'

correctZoomedPointer()

export interface EChartProps {
  option: ChartOption
  /** Backing-store pixel ratio; defaults to the display's. The big screen raises it by its scale. */
  devicePixelRatio?: number
  className?: string
}

type Instance = ReturnType<typeof echarts.init>

/**
 * echarts-for-react's core with two changes. The chart is initialised once: since 3.0.4 the
 * library first creates a temporary instance, waits for it to render (`finished`, a frame later),
 * disposes it and creates the real one with the size the box has by then. Our boxes are sized by
 * CSS before the chart mounts, so the first size is the final one: the temporary chart cost a
 * second `echarts.init` and a frame per chart before anything was drawn. And a resize goes through
 * only when the box's size has changed: the size sensor also calls it with the size unchanged
 * (the library's first-call guard is not enough once charts mount in the page's first render), and
 * a resize re-renders without animation, which cut the entrance short.
 */
class EChartsReactOnce extends EChartsReactCore {
  constructor(props: EChartsReactProps) {
    super(props)
    // `resize` and `isInitialResize` are private in the library's types, hence the cast. A
    // skipped call still counts as the library's first one, after which it resizes. Should a
    // later version rename them, the library's own resize stays (charts still draw and resize).
    const self = this as unknown as { resize?: () => void; isInitialResize?: boolean }
    if (typeof self.resize !== 'function' || typeof self.isInitialResize !== 'boolean') return
    const resize = self.resize.bind(this)
    self.resize = () => {
      const instance = this.getEchartsInstance() as Instance | undefined
      const box = this.ele
      if (
        instance &&
        box &&
        instance.getWidth() === box.clientWidth &&
        instance.getHeight() === box.clientHeight
      ) {
        self.isInitialResize = false
        return
      }
      resize()
    }
  }

  override initEchartsInstance(): ReturnType<EChartsReactCore['initEchartsInstance']> {
    const init = this.echarts.init as (...args: unknown[]) => Instance
    const instance = init(this.ele, this.props.theme, this.props.opts)
    return Promise.resolve(
      instance as unknown as Awaited<ReturnType<EChartsReactCore['initEchartsInstance']>>,
    )
  }
}

/**
 * The one ECharts wrapper, over echarts-for-react's core entry with our own `echarts/core`
 * registration (core.ts), so the bundle carries only the charts we use. echarts-for-react inits
 * the chart, sets the option on change (series replaced, the rest merged, so updates morph in
 * place), resizes it when its container changes size and disposes it on unmount; a new pixel
 * ratio re-creates it. The size comes from CSS (`.echart`), never an inline height.
 *
 * `data-chart-state` turns to "finished" whenever a render has completed (ECharts' `finished`
 * event), which the browser tests and the benchmark wait for; it is "rendering" from a new option
 * until then. The instance is taken from `onChartReady`: since echarts-for-react 3.0.4 the
 * component's ref may still hold its temporary sizing instance.
 */
export default function EChartImpl({ option, devicePixelRatio, className }: EChartProps) {
  const domRef = useRef<HTMLElement | null>(null)

  const markFinished = useCallback(() => {
    const el = domRef.current
    // A render into a container that has no size yet draws nothing; the resize that follows
    // renders again, and that one counts.
    if (!el || el.clientWidth === 0 || el.clientHeight === 0) return
    el.dataset.chartState = 'finished'
    markFirstChartsShown()
  }, [])

  // Only the page's first charts make an entrance (600 ms). A chart that appears after them (a
  // filter that brings it back, the big screen's next page), and the series an update adds (back
  // from a town to the whole district), answer what the user or the rotation did: they enter as
  // quickly as an update morphs, so the page settles within the issue #16 budgets.
  const [quickEntrance] = useState(haveFirstChartsShown)
  const [firstOption] = useState(option)

  // Called right after the first setOption, before ECharts has painted: the `finished` handler
  // bound with it sees the first render.
  const onChartReady = useCallback((instance: Instance) => {
    domRef.current = instance.getDom()
  }, [])

  // Stable identities: echarts-for-react re-binds events or re-creates the chart when these change.
  const onEvents = useMemo(() => ({ finished: markFinished }), [markFinished])
  const opts = useMemo(
    () => ({
      renderer: 'canvas' as const,
      devicePixelRatio: devicePixelRatio ?? window.devicePixelRatio,
    }),
    [devicePixelRatio],
  )

  // ECharts keeps the last `media` list (withNarrow's overrides for narrow charts) when a new
  // option has none, and applies it again: overrides naming series the new option dropped
  // (分年度对比 with demo data hidden: one year instead of three) then broke the chart
  // ("Cannot read properties of undefined"). Such an option replaces the chart's whole option.
  const [previous, setPrevious] = useState({ option, notMerge: false })
  let notMerge = previous.notMerge
  if (previous.option !== option) {
    notMerge = Boolean(previous.option.media) && !option.media
    setPrevious({ option, notMerge })
  }

  /** Whether ECharts will render again: a new option that differs from the last one. */
  const shouldSetOption = useCallback((prev: EChartsReactProps, next: EChartsReactProps) => {
    const changed = prev.option !== next.option && !isEqual(prev.option, next.option)
    if (changed && domRef.current) domRef.current.dataset.chartState = 'rendering'
    return true
  }, [])

  return (
    <EChartsReactOnce
      echarts={echarts}
      // A shallow copy: ECharts rewrites some top-level keys (e.g. `media`) of what it is given.
      // Compared by content: the same option built again (a re-render, a refresh with the same
      // data) is no update, and must not become one by its entrance duration (that setOption
      // would cut the first entrance short).
      option={useMemo(
        () =>
          quickEntrance || (option !== firstOption && !isEqual(option, firstOption))
            ? { ...option, animationDuration: UPDATE_MS }
            : { ...option },
        [option, quickEntrance, firstOption],
      )}
      replaceMerge={REPLACE_SERIES}
      notMerge={notMerge}
      // Render on the next frame, not inside setOption: echarts-for-react binds the `finished`
      // handler after its first setOption, and a chart without animation (city-scale data) would
      // otherwise finish before anyone listens. It also folds quick successive updates into one.
      lazyUpdate
      opts={opts}
      onEvents={onEvents}
      onChartReady={onChartReady}
      shouldSetOption={shouldSetOption}
      className={className ?? 'echart'}
      // echarts-for-react sets `height: 300` unless told otherwise; the CSS class sizes the chart.
      style={NO_INLINE_SIZE}
      data-chart-state="rendering"
    />
  )
}

const REPLACE_SERIES = ['series']
const NO_INLINE_SIZE = { height: undefined }
