import type { GroupId } from '@/domain/schemas'

/**
 * The one source of the dashboard's looks. Each theme's tokens become the CSS custom properties of
 * `:root[data-theme=…]` at build time (./css.ts, served as `virtual:theme.css` by vite.config.ts)
 * and its ECharts theme (`chart`, for the option builders) is derived from the same tokens, so the
 * page and its charts cannot drift apart.
 *
 *   desk        the dark desk view (#/, #/group/…, #/compare, #/import)
 *   hall        the dark big screen (#/screen); larger chart text
 *   hall-light  the big screen in a bright hall (#/screen?theme=light)
 *   print       a page printed with 打印本页: light, A4 landscape
 *   briefing    exported images and the PPT deck (drawn on canvas, not in the page)
 *
 * Which theme a route shows is decided in one place: src/app/route-theme.ts.
 */
export const THEME_NAMES = ['desk', 'hall', 'hall-light', 'print', 'briefing'] as const
export type ThemeName = (typeof THEME_NAMES)[number]

/** The colours of a theme; each is the CSS custom property `--kebab-case-name` (bg2 → --bg-2). */
export interface Palette {
  /** Page ground (and the lower end of its gradient). */
  bg: string
  /** Upper end of the page's gradient. */
  bg2: string
  /** Panels (may be translucent over the ground). */
  panel: string
  /** Opaque panel colour: popovers, table backgrounds, controls. */
  panelSolid: string
  border: string
  /** Links, focus rings, corner marks, selected controls. */
  borderStrong: string
  text: string
  muted: string
  /** Target met. */
  met: string
  /** Below target. */
  below: string
  error: string
  /** Demo (示例) values. */
  demo: string
  /** Chart axis lines, split lines, gauge tracks, tooltips. */
  axis: string
  split: string
  track: string
  tooltipBg: string
  tooltipBorder: string
}

export interface ThemeTokens {
  palette: Palette
  /** One accent per group: card edges, panel marks, the group's series. */
  accents: Record<GroupId, string>
  /** CSS font-family list: system CJK fonts only (no web-font download). */
  font: string
  /** The charts' base font size in px (the wall is read from further away). */
  chartFontSize: number
}

/** What the chart option builders read: one theme's tokens in the shape ECharts options need. */
export interface ChartTheme {
  name: ThemeName
  text: string
  muted: string
  axis: string
  split: string
  track: string
  tooltipBg: string
  tooltipBorder: string
  met: string
  below: string
  error: string
  demo: string
  fontFamily: string
  fontSize: number
  accents: Record<GroupId, string>
}

export interface Theme extends ThemeTokens {
  name: ThemeName
  chart: ChartTheme
}

export const FONT_FAMILY =
  '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif'

/** Deep navy ground, panels a step lighter with a thin cyan border. */
const DARK: Palette = {
  bg: '#071328',
  bg2: '#0a1b38',
  panel: 'rgba(14, 36, 72, 0.78)',
  panelSolid: '#0e2448',
  border: 'rgba(43, 195, 255, 0.35)',
  borderStrong: '#2bc3ff',
  text: '#e8f1ff',
  muted: '#9db7d8',
  met: '#2fe0b5',
  below: '#ffb020',
  error: '#ff5d5d',
  demo: '#e0bd79',
  axis: '#41608a',
  split: 'rgba(90, 140, 200, 0.18)',
  track: 'rgba(120, 160, 210, 0.18)',
  tooltipBg: 'rgba(8, 22, 48, 0.96)',
  tooltipBorder: '#2bc3ff',
}

const DARK_ACCENTS: Record<GroupId, string> = {
  'admin-services': '#4f9dff',
  'fair-competition': '#b48cff',
  'enforcement-team': '#3cc8f0',
  'dispute-resolution': '#ff8fab',
}

/** White paper: navy text, darker accents and status colours that print. */
const LIGHT: Palette = {
  ...DARK,
  bg: '#ffffff',
  bg2: '#ffffff',
  panel: '#ffffff',
  panelSolid: '#ffffff',
  border: 'rgba(30, 80, 140, 0.3)',
  borderStrong: '#1f6fd1',
  text: '#14213a',
  muted: '#4d5e78',
  met: '#0f9d7a',
  below: '#c77800',
  axis: '#9aa8bb',
  split: 'rgba(30, 50, 80, 0.1)',
  track: 'rgba(30, 50, 80, 0.1)',
  tooltipBg: '#ffffff',
  tooltipBorder: '#9aa8bb',
}

const LIGHT_ACCENTS: Record<GroupId, string> = {
  'admin-services': '#2f6fd6',
  'fair-competition': '#7a4fd6',
  'enforcement-team': '#1592b8',
  'dispute-resolution': '#d6456e',
}

const TOKENS: Record<ThemeName, ThemeTokens> = {
  desk: { palette: DARK, accents: DARK_ACCENTS, font: FONT_FAMILY, chartFontSize: 14 },
  hall: { palette: DARK, accents: DARK_ACCENTS, font: FONT_FAMILY, chartFontSize: 16 },
  'hall-light': {
    palette: { ...LIGHT, bg: '#f4f7fb', border: 'rgba(30, 80, 140, 0.25)' },
    accents: LIGHT_ACCENTS,
    font: FONT_FAMILY,
    chartFontSize: 16,
  },
  print: { palette: LIGHT, accents: LIGHT_ACCENTS, font: FONT_FAMILY, chartFontSize: 14 },
  briefing: {
    // Cards are drawn on a pale ground; a thin rule above the footer.
    palette: {
      ...LIGHT,
      panel: '#f4f7fb',
      panelSolid: '#f4f7fb',
      border: 'rgba(30, 50, 80, 0.15)',
      text: '#1b2433',
      muted: '#5a6b82',
    },
    accents: LIGHT_ACCENTS,
    font: FONT_FAMILY,
    chartFontSize: 14,
  },
}

function chartTheme(name: ThemeName, t: ThemeTokens): ChartTheme {
  const p = t.palette
  return {
    name,
    text: p.text,
    muted: p.muted,
    axis: p.axis,
    split: p.split,
    track: p.track,
    tooltipBg: p.tooltipBg,
    tooltipBorder: p.tooltipBorder,
    met: p.met,
    below: p.below,
    error: p.error,
    demo: p.demo,
    fontFamily: t.font,
    fontSize: t.chartFontSize,
    accents: t.accents,
  }
}

export const THEMES = Object.fromEntries(
  THEME_NAMES.map((name) => [
    name,
    { name, ...TOKENS[name], chart: chartTheme(name, TOKENS[name]) },
  ]),
) as Record<ThemeName, Theme>
