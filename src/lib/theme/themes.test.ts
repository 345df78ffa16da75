import { describe, expect, it } from 'vitest'
import { THEME_NAMES, THEMES } from './themes'

describe('THEMES: each ECharts theme is derived from its own tokens', () => {
  it.each(THEME_NAMES)('%s', (name) => {
    const { palette, accents, font, chartFontSize, chart } = THEMES[name]
    expect(chart).toEqual({
      name,
      text: palette.text,
      muted: palette.muted,
      axis: palette.axis,
      split: palette.split,
      track: palette.track,
      tooltipBg: palette.tooltipBg,
      tooltipBorder: palette.tooltipBorder,
      met: palette.met,
      below: palette.below,
      error: palette.error,
      demo: palette.demo,
      fontFamily: font,
      fontSize: chartFontSize,
      accents,
    })
  })

  it('the hall is the desk drawn larger; print and the light hall share their colours', () => {
    expect(THEMES.hall.palette).toEqual(THEMES.desk.palette)
    expect(THEMES.hall.chart.fontSize).toBeGreaterThan(THEMES.desk.chart.fontSize)
    expect(THEMES['hall-light'].chart.text).toBe(THEMES.print.chart.text)
    expect(THEMES['hall-light'].accents).toEqual(THEMES.print.accents)
  })

  it('one demo colour everywhere', () => {
    expect(new Set(THEME_NAMES.map((n) => THEMES[n].palette.demo))).toEqual(new Set(['#e0bd79']))
  })
})
