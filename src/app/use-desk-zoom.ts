import { useEffect } from 'react'
import { useUiStore } from '@/stores/ui-store'

/**
 * The desk view is designed at 1920 px wide. On larger displays (2560, 4K walls at a device pixel
 * ratio of 1) it zooms the whole page in quarter steps, so text stays readable instead of turning
 * into a postage stamp; charts raise their pixel ratio by the same factor to stay sharp.
 */
export function deskZoomFor(width: number): number {
  if (width < 2400) return 1
  return Math.min(3, Math.floor((width / 1920) * 4) / 4)
}

export function useDeskZoom() {
  const setDisplayScale = useUiStore((s) => s.setDisplayScale)
  useEffect(() => {
    const apply = () => {
      const zoom = deskZoomFor(window.innerWidth)
      document.documentElement.style.zoom = zoom === 1 ? '' : String(zoom)
      setDisplayScale(zoom)
    }
    apply()
    window.addEventListener('resize', apply)
    return () => {
      window.removeEventListener('resize', apply)
      document.documentElement.style.zoom = ''
      setDisplayScale(1)
    }
  }, [setDisplayScale])
}
