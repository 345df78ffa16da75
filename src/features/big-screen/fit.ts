import type { FitMode } from './screen-params'

export const DESIGN_WIDTH = 1920
export const DESIGN_HEIGHT = 1080

/**
 * What the screen lays out for the shape of its display (with `fit=auto`, the default):
 * - `standard`: the 1920×1080 canvas, an overview page and one page per group (16:9, 16:10, 4:3,
 *   21:9: anything from 10:16 up to 2.4:1);
 * - `wide`: walls of 2.4:1 or wider get a canvas 1080 high and as wide as the wall, showing whole
 *   groups side by side (two pages on 3840×1080, everything on one page from about 4.2:1);
 * - `tall`: portrait displays (10:16 or narrower) get a canvas 1080 wide and as high as the
 *   display, with the groups stacked.
 */
export type ScreenLayout = 'standard' | 'wide' | 'tall'

export const WIDE_MIN_ASPECT = 2.4
export const TALL_MAX_ASPECT = 10 / 16

export interface CanvasSize {
  width: number
  height: number
}

export interface FitBox {
  scaleX: number
  scaleY: number
  /** Offsets that centre the scaled canvas (letterboxing). */
  left: number
  top: number
}

export interface ScreenFit {
  layout: ScreenLayout
  canvas: CanvasSize
  box: FitBox
}

/** The layout for a viewport; an explicit fit mode (fit, width, stretch) keeps the 16:9 canvas. */
export function layoutFor(
  viewportWidth: number,
  viewportHeight: number,
  mode: FitMode,
): ScreenLayout {
  if (mode !== 'auto' || !(viewportWidth > 0) || !(viewportHeight > 0)) return 'standard'
  const aspect = viewportWidth / viewportHeight
  if (aspect >= WIDE_MIN_ASPECT - 1e-9) return 'wide'
  if (aspect <= TALL_MAX_ASPECT + 1e-9) return 'tall'
  return 'standard'
}

/**
 * The design canvas of a layout: wide keeps the height (1080) and tall the width (1080) of the
 * 16:9 canvas, so type and cards are drawn at the same scale as on a 16:9 display of that height
 * or width, and the canvas takes the display's shape.
 */
export function canvasFor(
  layout: ScreenLayout,
  viewportWidth: number,
  viewportHeight: number,
): CanvasSize {
  if (layout === 'wide')
    return {
      width: Math.round((DESIGN_HEIGHT * viewportWidth) / viewportHeight),
      height: DESIGN_HEIGHT,
    }
  if (layout === 'tall')
    return {
      width: DESIGN_HEIGHT,
      height: Math.round((DESIGN_HEIGHT * viewportHeight) / viewportWidth),
    }
  return { width: DESIGN_WIDTH, height: DESIGN_HEIGHT }
}

/**
 * How a design canvas sits in a viewport. `fit` and `auto` keep the aspect ratio and show all of
 * it, letterboxed; `width` fills the width (cropping or letterboxing vertically); `stretch` fills
 * both axes, distorting the aspect ratio.
 */
export function fitCanvas(
  viewportWidth: number,
  viewportHeight: number,
  mode: FitMode,
  canvas: CanvasSize = { width: DESIGN_WIDTH, height: DESIGN_HEIGHT },
): FitBox {
  const sx = viewportWidth / canvas.width
  const sy = viewportHeight / canvas.height
  if (mode === 'stretch') return { scaleX: sx, scaleY: sy, left: 0, top: 0 }
  const s = mode === 'width' ? sx : Math.min(sx, sy)
  return {
    scaleX: s,
    scaleY: s,
    left: (viewportWidth - canvas.width * s) / 2,
    top:
      mode === 'width'
        ? Math.max(0, (viewportHeight - canvas.height * s) / 2)
        : (viewportHeight - canvas.height * s) / 2,
  }
}

/** Layout, canvas and placement for a viewport in one step. */
export function screenFit(viewportWidth: number, viewportHeight: number, mode: FitMode): ScreenFit {
  const layout = layoutFor(viewportWidth, viewportHeight, mode)
  const canvas = canvasFor(layout, viewportWidth, viewportHeight)
  return { layout, canvas, box: fitCanvas(viewportWidth, viewportHeight, mode, canvas) }
}

/**
 * The pixel-ratio multiplier for charts on the scaled canvas: the backing store must hold at least
 * as many pixels as the chart covers on the display, so a 1080p design is crisp on a 4K wall —
 * and no more than that where the canvas is shrunk: a phone showing the whole big screen at a
 * third of its size kept the device's 3× for the full design size, nine times the pixels it
 * shows (five charts of 3000×2550). Enlarged, whole multiples; shrunk, quarter steps, never below 1.
 * Returned as a factor of the device pixel ratio (what the EChart wrapper multiplies by).
 */
export function chartScaleFor(box: FitBox, devicePixelRatio: number): number {
  const needed = devicePixelRatio * Math.max(box.scaleX, box.scaleY)
  const ratio =
    needed > devicePixelRatio
      ? Math.ceil(needed - 1e-9)
      : Math.max(1, Math.ceil(needed * 4 - 1e-9) / 4)
  return ratio / devicePixelRatio
}
