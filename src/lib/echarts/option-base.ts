import type { ChartTheme } from './theme'

/**
 * What every chart option shares, whatever its feature: the theme's text style and tooltip look,
 * a short entrance and in-place morphing updates, and the hatching that marks demo values without
 * relying on colour. Features spread these into their own options.
 */
export function sharedBase(theme: ChartTheme) {
  return {
    backgroundColor: 'transparent',
    textStyle: { fontFamily: theme.fontFamily, fontSize: theme.fontSize, color: theme.text },
    animationDuration: 600,
    animationDurationUpdate: 400,
    tooltip: {
      confine: true,
      backgroundColor: theme.tooltipBg,
      borderColor: theme.tooltipBorder,
      textStyle: { color: theme.text, fontSize: 16, fontFamily: theme.fontFamily },
    },
  }
}

/** Diagonal hatching for demo bars and areas. */
export function demoDecal(color = 'rgba(255,255,255,0.5)') {
  return {
    symbol: 'rect',
    symbolSize: 1,
    color,
    dashArrayX: [1, 0],
    dashArrayY: [3, 5],
    rotation: -Math.PI / 4,
  }
}
