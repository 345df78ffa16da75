import { parseScreenParams } from '@/features/big-screen/screen-params'
import { matchPath, useHashLocation } from '@/lib/router/hash-router'
import type { ThemeName } from '@/lib/theme/themes'
import { useUiStore } from '@/stores/ui-store'

/**
 * The one place a theme is chosen, from the route that renders: the big screen (#/screen) is the
 * hall, light when its `theme=light` parameter says so; every desk page is the desk, or print
 * while 打印本页 prints it. Exported images and the deck are drawn in the briefing theme by their
 * own code (src/lib/export), whatever the page shows.
 */
export function routeTheme(pathname: string, search: string, printing: boolean): ThemeName {
  if (matchPath('/screen', pathname)) {
    return parseScreenParams(new URLSearchParams(search)).theme === 'light' ? 'hall-light' : 'hall'
  }
  return printing ? 'print' : 'desk'
}

export function useRouteTheme(): ThemeName {
  const { pathname, search } = useHashLocation()
  const printing = useUiStore((s) => s.printing)
  return routeTheme(pathname, search, printing)
}
