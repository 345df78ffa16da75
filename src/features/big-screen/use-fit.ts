import { useEffect, useState } from 'react'
import { useUiStore } from '@/stores/ui-store'
import { chartScaleFor, screenFit, type ScreenFit } from './fit'
import type { FitMode } from './screen-params'

const sameFit = (a: ScreenFit, b: ScreenFit) =>
  a.layout === b.layout &&
  a.canvas.width === b.canvas.width &&
  a.canvas.height === b.canvas.height &&
  a.box.scaleX === b.box.scaleX &&
  a.box.scaleY === b.box.scaleY &&
  a.box.left === b.box.left &&
  a.box.top === b.box.top

/**
 * Tracks the viewport (throttled to one update a frame): the layout for its shape, the design
 * canvas and its placement, and the charts' pixel ratio with it. A wall that changes resolution
 * re-lays out in place; the listener and the pending frame are released on unmount.
 */
export function useFit(mode: FitMode): ScreenFit {
  const setDisplayScale = useUiStore((s) => s.setDisplayScale)
  const [fit, setFit] = useState(() => screenFit(window.innerWidth, window.innerHeight, mode))
  useEffect(() => {
    let frame = 0
    const apply = () => {
      const next = screenFit(window.innerWidth, window.innerHeight, mode)
      setFit((prev) => (sameFit(prev, next) ? prev : next))
      setDisplayScale(chartScaleFor(next.box, window.devicePixelRatio))
    }
    const onResize = () => {
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(apply)
    }
    apply()
    window.addEventListener('resize', onResize)
    return () => {
      cancelAnimationFrame(frame)
      window.removeEventListener('resize', onResize)
      setDisplayScale(1)
    }
  }, [mode, setDisplayScale])
  return fit
}
