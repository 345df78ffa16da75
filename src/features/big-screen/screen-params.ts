import * as z from 'zod/mini'

/**
 * The big screen's URL parameters. A hall technician types them once; anything invalid
 * (rotate=-5, refresh=abc, fit=zoom) falls back to its default instead of breaking the screen.
 */
/** `auto` lays out for the display's shape (see fit.ts); the others scale the 16:9 canvas. */
export const FIT_MODES = ['auto', 'fit', 'width', 'stretch'] as const
export const SCREEN_THEMES = ['dark', 'light'] as const

export type FitMode = (typeof FIT_MODES)[number]
export type ScreenTheme = (typeof SCREEN_THEMES)[number]

export interface ScreenParams {
  /** Seconds per page; 0 = stay on the current page. */
  rotate: number
  /** Seconds between data refreshes (at least 2). */
  refresh: number
  fit: FitMode
  theme: ScreenTheme
  /** The page to start on (overview or a group id); unknown ids start on the overview. */
  page: string
}

export const SCREEN_DEFAULTS: ScreenParams = {
  rotate: 30,
  refresh: 300,
  fit: 'auto',
  theme: 'dark',
  page: 'overview',
}

const seconds = (min: number, max: number) =>
  z.pipe(
    z.pipe(z.string().check(z.regex(/^\d+$/)), z.transform(Number)),
    z.int().check(z.minimum(min), z.maximum(max)),
  )

const fields = {
  rotate: seconds(0, 3600),
  refresh: seconds(2, 86400),
  fit: z.enum(FIT_MODES),
  theme: z.enum(SCREEN_THEMES),
  page: z.string().check(z.regex(/^[a-z-]{1,40}$/)),
}

export function parseScreenParams(params: URLSearchParams): ScreenParams {
  const pick = <K extends keyof ScreenParams>(key: K): ScreenParams[K] => {
    const raw = params.get(key)
    if (raw === null) return SCREEN_DEFAULTS[key]
    const parsed = fields[key].safeParse(raw.trim())
    return parsed.success ? (parsed.data as ScreenParams[K]) : SCREEN_DEFAULTS[key]
  }
  return {
    rotate: pick('rotate'),
    refresh: pick('refresh'),
    fit: pick('fit'),
    theme: pick('theme'),
    page: pick('page'),
  }
}
