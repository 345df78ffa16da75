import type { Plugin } from 'vite'
import { themeCss } from '../src/lib/theme/css.ts'

export const THEME_CSS_MODULE = 'virtual:theme.css'
/** Rollup's convention for virtual ids; it still ends in .css, so Vite treats it as a stylesheet. */
const RESOLVED = `\0${THEME_CSS_MODULE}`

/**
 * `import 'virtual:theme.css'` (src/main.tsx): the themes' CSS custom properties, generated when
 * the build runs from src/lib/theme/themes.ts, the same module the ECharts themes come from. The
 * text goes through Vite's CSS pipeline like any stylesheet, so it lands in the built .css file
 * (no inline style, as the production CSP requires). In dev, a change to themes.ts restarts the
 * server (it is a dependency of vite.config.ts) and the new values are served.
 */
export function themeCssPlugin(): Plugin {
  return {
    name: 'theme-css',
    resolveId(id) {
      return id === THEME_CSS_MODULE ? RESOLVED : null
    },
    load(id) {
      return id === RESOLVED ? themeCss() : null
    },
  }
}
