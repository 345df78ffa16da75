import type { ChartTheme } from '@/lib/theme/themes'
import type { DataZoomOption } from '@/lib/echarts/types'

/**
 * A dataZoom on a category axis, shown only when there are more than `window` categories: a
 * slider and mouse-wheel zoom that draw only the categories in view. Always present (hidden when
 * not needed), because the chart wrapper merges components: a zoom left over from a larger
 * selection would otherwise keep cutting a smaller one.
 */
export function categoryZoom(
  axis: 'x' | 'y',
  count: number,
  window: number,
  theme: ChartTheme,
): DataZoomOption[] {
  const needed = count > window
  const axisKey = axis === 'x' ? 'xAxisIndex' : 'yAxisIndex'
  const position =
    axis === 'x'
      ? { left: 48, right: 24, bottom: 6, height: 16 }
      : { right: 6, top: 24, bottom: 12, width: 14 }
  return [
    {
      type: 'slider',
      id: 'zoom-slider',
      [axisKey]: 0,
      show: needed,
      startValue: 0,
      endValue: needed ? window - 1 : Math.max(count - 1, 0),
      zoomLock: false,
      brushSelect: false,
      showDetail: false,
      filterMode: 'filter',
      borderColor: theme.axis,
      fillerColor: 'rgba(43,195,255,0.18)',
      handleStyle: { color: theme.muted },
      textStyle: { color: theme.muted },
      ...position,
    },
    {
      type: 'inside',
      id: 'zoom-inside',
      [axisKey]: 0,
      disabled: !needed,
      filterMode: 'filter',
      // The wheel scrolls the page; Shift + wheel or dragging moves through the categories.
      zoomOnMouseWheel: false,
      moveOnMouseWheel: 'shift',
      moveOnMouseMove: true,
    },
  ] as DataZoomOption[]
}
