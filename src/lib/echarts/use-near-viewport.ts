import {
  createContext,
  useContext,
  useEffect,
  useLayoutEffect,
  useState,
  type RefObject,
} from 'react'

/** How far outside the viewport a chart starts initialising, so a scroll finds it drawn. */
const NEAR_PX = 300
const NEAR_MARGIN = `${NEAR_PX}px`
/** After the last chart came into view, how long the page waits before the deferred ones. */
const DEFER_MS = 300

/**
 * Charts below that initialise at once, without waiting to be seen: the big screen, whose every
 * chart is on show (an observer would only add a frame and a render before each page is drawn).
 */
export const EagerChartsContext = createContext(false)

/**
 * Charts that are not near the viewport wait: the ones in view initialise first, then the others
 * one per idle period (so print, export and a quick scroll still find every chart, without
 * holding up the first ones). Each entry wakes one chart.
 */
const deferred: (() => void)[] = []
/** Whether a chart of this page has finished its first render (set by the chart wrapper). */
let firstChartsShown = false
/** Waiting for the first charts (onFirstChartsShown). */
const firstChartsListeners: (() => void)[] = []
let timer = 0
let idle = 0

/**
 * The next idle period, or 250 ms at the latest: on a busy machine there may be no idle period for
 * seconds, and every chart must still be there soon (print, export, tests waiting for all).
 */
const requestIdle =
  typeof window !== 'undefined' && 'requestIdleCallback' in window
    ? (run: () => void) => window.requestIdleCallback(run, { timeout: 250 })
    : (run: () => void) => window.setTimeout(run, 50)

function wakeNext() {
  idle = 0
  // After the page's first charts, the waiting ones (out of view after a filter change) come
  // together in one idle period: one render, and the page settles soon after the user's action.
  if (firstChartsShown) {
    for (const wake of deferred.splice(0)) wake()
    return
  }
  const wake = deferred.shift()
  wake?.()
  if (deferred.length > 0) idle = requestIdle(wakeNext)
}

/**
 * (Re)starts the wait before the deferred charts: every chart in view pushes it back. Only while
 * the page shows its first charts: later (a filter that brings charts back, another page) the
 * charts out of view follow together in the next idle period (wakeNext), so that the whole page
 * has settled soon after the user's action.
 */
function scheduleDeferred() {
  window.clearTimeout(timer)
  if (idle) return
  timer = window.setTimeout(
    () => {
      if (deferred.length > 0) idle = requestIdle(wakeNext)
    },
    firstChartsShown ? 0 : DEFER_MS,
  )
}

/**
 * Called by the chart wrapper when any chart has finished its first render: from then on, a chart
 * that appears enters quickly and the deferred ones do not wait (see scheduleDeferred).
 */
export function markFirstChartsShown(): void {
  if (firstChartsShown) return
  firstChartsShown = true
  for (const listener of firstChartsListeners.splice(0)) listener()
}

/** Calls `listener` once, when the page's first charts have shown (at once if they have). */
export function onFirstChartsShown(listener: () => void): void {
  if (firstChartsShown) listener()
  else firstChartsListeners.push(listener)
}

/** Whether the page has shown its first charts (see markFirstChartsShown). */
export function haveFirstChartsShown(): boolean {
  return firstChartsShown
}

/** Wakes every waiting chart at once (printing: every chart must be on paper). */
export function wakeAllCharts(): void {
  for (const wake of deferred.splice(0)) wake()
}

if (typeof window !== 'undefined') window.addEventListener('beforeprint', wakeAllCharts)

/**
 * Whether the element is, or has been, near the viewport (IntersectionObserver, Chromium 58+), or
 * its turn among the deferred charts has come; true at once when `force`d or inside
 * EagerChartsContext. Never turns false again.
 */
export function useNearViewport(ref: RefObject<Element | null>, force: boolean): boolean {
  const eager = useContext(EagerChartsContext) || force
  const [near, setNear] = useState(eager || typeof IntersectionObserver === 'undefined')
  const show = near || eager
  // After the page's first charts (a filter brings a chart back, another view opens), a chart in
  // view initialises in this same commit, before the browser paints: its box costs the layout
  // that frame does anyway, and the observer's extra frame and render are saved. Not during the
  // first load, whose first layout is not forced before the cards have painted.
  useLayoutEffect(() => {
    const el = ref.current
    if (show || !el || !haveFirstChartsShown()) return
    const box = el.getBoundingClientRect()
    const inReach = box.bottom >= -NEAR_PX && box.top <= window.innerHeight + NEAR_PX
    if (box.width > 0 && inReach) setNear(true)
  }, [ref, show])
  useEffect(() => {
    const el = ref.current
    if (show || !el) return
    const wake = () => setNear(true)
    deferred.push(wake)
    scheduleDeferred()
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return
        observer.disconnect()
        const i = deferred.indexOf(wake)
        if (i >= 0) deferred.splice(i, 1)
        scheduleDeferred()
        setNear(true)
      },
      // During the first load only the charts in view: the ones just below the fold, drawn in
      // the same frame, held back the first drawn charts (7 initialised where 4 were seen on the
      // 1920×1080 overview). They come with the deferred charts, soon after; later a chart
      // starts NEAR_PX before it scrolls into view.
      { rootMargin: haveFirstChartsShown() ? NEAR_MARGIN : '0px' },
    )
    observer.observe(el)
    return () => {
      observer.disconnect()
      const i = deferred.indexOf(wake)
      if (i >= 0) deferred.splice(i, 1)
    }
  }, [ref, show])
  return show
}
