import type { GroupId } from '@/domain/schemas'

/**
 * Design tokens shared by CSS and the chart option builders. The hall theme is the dark wall
 * screen; the briefing theme is white (for exported images and slides).
 */
export interface ChartTheme {
  name: 'hall' | 'briefing'
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

export const FONT_FAMILY =
  '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif'

const ACCENTS: Record<GroupId, string> = {
  'admin-services': '#4f9dff',
  'fair-competition': '#b48cff',
  'enforcement-team': '#3cc8f0',
  'dispute-resolution': '#ff8fab',
}

export const HALL_THEME: ChartTheme = {
  name: 'hall',
  text: '#e8f1ff',
  muted: '#9db7d8',
  axis: '#41608a',
  split: 'rgba(90, 140, 200, 0.18)',
  track: 'rgba(120, 160, 210, 0.18)',
  tooltipBg: 'rgba(8, 22, 48, 0.96)',
  tooltipBorder: '#2bc3ff',
  met: '#2fe0b5',
  below: '#ffb020',
  error: '#ff5d5d',
  demo: '#c9a86a',
  fontFamily: FONT_FAMILY,
  fontSize: 14,
  accents: ACCENTS,
}

export const BRIEFING_THEME: ChartTheme = {
  ...HALL_THEME,
  name: 'briefing',
  text: '#1b2433',
  muted: '#5a6b82',
  axis: '#9aa8bb',
  split: 'rgba(30, 50, 80, 0.1)',
  track: 'rgba(30, 50, 80, 0.1)',
  tooltipBg: '#ffffff',
  tooltipBorder: '#9aa8bb',
  met: '#0f9d7a',
  below: '#c77800',
  accents: {
    'admin-services': '#2f6fd6',
    'fair-competition': '#7a4fd6',
    'enforcement-team': '#1592b8',
    'dispute-resolution': '#d6456e',
  },
}
