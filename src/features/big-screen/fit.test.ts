import { describe, expect, it } from 'vitest'
import { canvasFor, chartScaleFor, fitCanvas, layoutFor, screenFit } from './fit'

describe('layoutFor', () => {
  it.each([
    [1920, 1080, 'standard'],
    [1280, 720, 'standard'],
    [1920, 1200, 'standard'], // 16:10
    [1024, 768, 'standard'], // 4:3
    [2560, 1080, 'standard'], // 21:9 (2.37) is still below 2.4
    [1080, 1080, 'standard'],
    [2592, 1080, 'wide'], // exactly 2.4
    [3840, 1080, 'wide'],
    [5760, 1080, 'wide'],
    [7680, 2160, 'wide'],
    [1080, 1920, 'tall'],
    [2160, 3840, 'tall'],
    [1200, 1920, 'tall'], // 10:16
    [768, 1024, 'standard'], // 3:4 portrait tablet: too short for stacked groups
  ] as const)('%i×%i → %s', (w, h, layout) => {
    expect(layoutFor(w, h, 'auto')).toBe(layout)
  })

  it('an explicit fit mode keeps the 16:9 canvas on any display', () => {
    for (const mode of ['fit', 'width', 'stretch'] as const) {
      expect(layoutFor(5760, 1080, mode)).toBe('standard')
      expect(layoutFor(1080, 1920, mode)).toBe('standard')
    }
  })

  it('a viewport without a size (a hidden window) stays standard', () => {
    expect(layoutFor(0, 0, 'auto')).toBe('standard')
    expect(layoutFor(1920, 0, 'auto')).toBe('standard')
  })
})

describe('canvasFor', () => {
  it('wide keeps the height, so type is the size it is on 16:9', () => {
    expect(canvasFor('wide', 5760, 1080)).toEqual({ width: 5760, height: 1080 })
    expect(canvasFor('wide', 3840, 1080)).toEqual({ width: 3840, height: 1080 })
    expect(canvasFor('wide', 7680, 2160)).toEqual({ width: 3840, height: 1080 })
  })

  it('tall keeps the width', () => {
    expect(canvasFor('tall', 1080, 1920)).toEqual({ width: 1080, height: 1920 })
    expect(canvasFor('tall', 2160, 3840)).toEqual({ width: 1080, height: 1920 })
  })

  it('standard is the 1920×1080 design canvas', () => {
    expect(canvasFor('standard', 1280, 720)).toEqual({ width: 1920, height: 1080 })
  })
})

describe('screenFit', () => {
  it('a wide wall is filled edge to edge at the height scale', () => {
    const fit = screenFit(7680, 2160, 'auto')
    expect(fit.layout).toBe('wide')
    expect(fit.box).toEqual({ scaleX: 2, scaleY: 2, left: 0, top: 0 })
  })

  it('a portrait display is filled edge to edge', () => {
    const fit = screenFit(1080, 1920, 'auto')
    expect(fit.box).toEqual({ scaleX: 1, scaleY: 1, left: 0, top: 0 })
  })

  it('16:9 is unchanged: the default and fit=fit place the canvas alike', () => {
    expect(screenFit(3840, 2160, 'auto').box).toEqual(fitCanvas(3840, 2160, 'fit'))
    expect(screenFit(1366, 768, 'auto').box).toEqual(fitCanvas(1366, 768, 'fit'))
  })

  it('fit=fit on a wide wall letterboxes the 16:9 canvas as before', () => {
    const fit = screenFit(5760, 1080, 'fit')
    expect(fit.canvas).toEqual({ width: 1920, height: 1080 })
    expect(fit.box).toEqual({ scaleX: 1, scaleY: 1, left: 1920, top: 0 })
  })
})

describe('fitCanvas', () => {
  it('fit letterboxes, width fills the width, stretch fills both', () => {
    expect(fitCanvas(1920, 1200, 'fit')).toEqual({ scaleX: 1, scaleY: 1, left: 0, top: 60 })
    expect(fitCanvas(3840, 1080, 'width')).toEqual({ scaleX: 2, scaleY: 2, left: 0, top: 0 })
    expect(fitCanvas(3840, 1080, 'stretch')).toEqual({ scaleX: 2, scaleY: 1, left: 0, top: 0 })
  })
})

describe('chartScaleFor', () => {
  it('raises the pixel ratio to cover the display pixels', () => {
    expect(chartScaleFor(screenFit(3840, 2160, 'auto').box, 1)).toBe(2)
    expect(chartScaleFor(screenFit(7680, 2160, 'auto').box, 1)).toBe(2)
    expect(chartScaleFor(screenFit(2160, 3840, 'auto').box, 1)).toBe(2)
    expect(chartScaleFor(screenFit(5760, 1080, 'auto').box, 1)).toBe(1)
  })

  it('stores no more pixels than a shrunk canvas shows, and never under 1× of the design', () => {
    // A 2× laptop window of 1280×720 shows the 1920×1080 design at 2/3: 1.33 device px per design
    // px, stored at 1.5 (was the full 2).
    expect(chartScaleFor(screenFit(1280, 720, 'auto').box, 2) * 2).toBe(1.5)
    // A phone (390×844 at 3×) shows the whole screen at about a third.
    const phone = screenFit(390, 844, 'auto').box
    const shown = 3 * Math.max(phone.scaleX, phone.scaleY)
    const stored = chartScaleFor(phone, 3) * 3
    expect(stored).toBeGreaterThanOrEqual(shown)
    expect(stored).toBeLessThan(shown + 0.25)
    expect(stored).toBeLessThan(3 / 2)
    // A 1× office screen smaller than the design: never below 1.
    expect(chartScaleFor(screenFit(1024, 768, 'auto').box, 1)).toBe(1)
  })
})
