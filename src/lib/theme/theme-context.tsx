import { createContext, useContext, useLayoutEffect, type ReactNode } from 'react'
import { THEMES, type Theme, type ThemeName } from './themes'

const ThemeContext = createContext<ThemeName>('desk')

/**
 * The theme of what renders below it. It also names the theme on <html> (`data-theme`), which
 * switches the CSS custom properties of virtual:theme.css, before the browser paints. The app
 * mounts one, with the theme its route chose (src/app/route-theme.ts); without one, the desk.
 */
export function ThemeProvider({ name, children }: { name: ThemeName; children: ReactNode }) {
  useLayoutEffect(() => {
    const root = document.documentElement
    root.dataset.theme = name
    return () => {
      delete root.dataset.theme
    }
  }, [name])
  return <ThemeContext.Provider value={name}>{children}</ThemeContext.Provider>
}

/** The current theme: its tokens, accents and its ECharts theme (`chart`). */
export function useTheme(): Theme {
  return THEMES[useContext(ThemeContext)]
}
