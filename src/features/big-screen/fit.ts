import type { FitMode } from './screen-params'

export const DESIGN_WIDTH = 1920
export const DESIGN_HEIGHT = 1080

export interface FitBox {
  scaleX: number
  scaleY: number
  /** Offsets that centre the scaled canvas (letterboxing). */
  left: number
  top: number
}

/**
 * How the 1920×1080 design canvas sits in a viewport. `fit` keeps the aspect ratio and shows all of
 * it, letterboxed; `width` fills the width (cropping or letterboxing vertically); `stretch` fills
 * both axes, distorting the aspect ratio.
 */
export function fitCanvas(viewportWidth: number, viewportHeight: number, mode: FitMode): FitBox {
  const sx = viewportWidth / DESIGN_WIDTH
  const sy = viewportHeight / DESIGN_HEIGHT
  if (mode === 'stretch') return { scaleX: sx, scaleY: sy, left: 0, top: 0 }
  const s = mode === 'width' ? sx : Math.min(sx, sy)
  return {
    scaleX: s,
    scaleY: s,
    left: (viewportWidth - DESIGN_WIDTH * s) / 2,
    top:
      mode === 'width'
        ? Math.max(0, (viewportHeight - DESIGN_HEIGHT * s) / 2)
        : (viewportHeight - DESIGN_HEIGHT * s) / 2,
  }
}

/**
 * The pixel-ratio multiplier for charts on the scaled canvas: the backing store must hold at least
 * as many pixels as the chart covers on the display, so a 1080p design is crisp on a 4K wall.
 * Returned as a factor of the device pixel ratio (what the EChart wrapper multiplies by).
 */
export function chartScaleFor(box: FitBox, devicePixelRatio: number): number {
  const needed = devicePixelRatio * Math.max(box.scaleX, box.scaleY)
  const ratio = Math.max(devicePixelRatio, Math.ceil(needed - 1e-9))
  return ratio / devicePixelRatio
}
