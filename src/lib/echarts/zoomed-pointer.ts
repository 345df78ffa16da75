/**
 * The desk view zooms the whole page on large displays (CSS `zoom` on the root, use-desk-zoom.ts:
 * ×2 on a 4K screen). A mouse event's `offsetX`/`offsetY` are then in screen pixels while the
 * chart's own coordinates stay in CSS pixels, and ECharts (zrender) takes the pointer from
 * `offsetX`: at ×2 the tooltip and the highlight answered for a point twice as far from the
 * chart's corner as the pointer (Chromium 83, 103 and 156 alike). Before ECharts sees such an
 * event (a capture listener on the window), its offsets are divided by the page's zoom.
 */

const POINTER_EVENTS = [
  'click',
  'contextmenu',
  'dblclick',
  'mousedown',
  'mousemove',
  'mouseout',
  'mouseup',
  'wheel',
]

/** The zoom the root element lays the page out at (the print theme resets it to 1). */
function pageZoom(): number {
  const zoom = parseFloat(getComputedStyle(document.documentElement).zoom)
  return zoom > 0 ? zoom : 1
}

function rescale(event: Event): void {
  const target = event.target
  if (!(target instanceof Element) || !target.closest('[_echarts_instance_]')) return
  const zoom = pageZoom()
  if (zoom === 1) return
  const { offsetX, offsetY } = event as MouseEvent
  Object.defineProperty(event, 'offsetX', { value: offsetX / zoom, configurable: true })
  Object.defineProperty(event, 'offsetY', { value: offsetY / zoom, configurable: true })
}

let installed = false

/** Once per page, before the first chart: ECharts listens on each chart's own element. */
export function correctZoomedPointer(): void {
  if (installed || typeof window === 'undefined') return
  installed = true
  for (const type of POINTER_EVENTS) {
    window.addEventListener(type, rescale, { capture: true, passive: true })
  }
}
