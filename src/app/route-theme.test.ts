import { describe, expect, it } from 'vitest'
import { routeTheme } from './route-theme'

describe('routeTheme: the route that renders chooses the theme', () => {
  it('the desk pages are the desk theme, or print while 打印本页 prints', () => {
    for (const path of ['/', '/group/admin-services', '/compare', '/import', '/nope']) {
      expect(routeTheme(path, '?year=2024', false)).toBe('desk')
      expect(routeTheme(path, '', true)).toBe('print')
    }
  })

  it('the big screen is the hall, light when its theme parameter says so', () => {
    expect(routeTheme('/screen', '', false)).toBe('hall')
    expect(routeTheme('/screen', '?theme=dark&rotate=0', false)).toBe('hall')
    expect(routeTheme('/screen', '?rotate=0&theme=light', false)).toBe('hall-light')
    // An invalid value falls back to the default, as every screen parameter does.
    expect(routeTheme('/screen', '?theme=neon', false)).toBe('hall')
    // The screen has no 打印本页.
    expect(routeTheme('/screen', '', true)).toBe('hall')
  })
})
