import { useEffect, useState } from 'react'
import { useUiStore } from '@/stores/ui-store'
import { chartScaleFor, fitCanvas, type FitBox } from './fit'
import type { FitMode } from './screen-params'

/** Tracks the viewport (throttled to one update a frame) and the charts' pixel ratio with it. */
export function useFit(mode: FitMode): FitBox {
  const setDisplayScale = useUiStore((s) => s.setDisplayScale)
  const [box, setBox] = useState(() => fitCanvas(window.innerWidth, window.innerHeight, mode))
  useEffect(() => {
    let frame = 0
    const apply = () => {
      const next = fitCanvas(window.innerWidth, window.innerHeight, mode)
      setBox(next)
      setDisplayScale(chartScaleFor(next, window.devicePixelRatio))
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
  return box
}
