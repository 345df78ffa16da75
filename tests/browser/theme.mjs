/**
 * The theme a page shows, checked against the theme source (src/lib/theme/themes.ts): the name on
 * <html data-theme> and every colour custom property of the built CSS (virtual:theme.css), each
 * compared as the browser resolves it (the build may write rgba(…) as #rrggbbaa).
 */
import { themeProperties } from '../../src/lib/theme/css.ts'
import { THEMES } from '../../src/lib/theme/themes.ts'

/** The theme's tokens whose custom property on <html> does not resolve to its colour in themes.ts. */
export async function themeMismatches(page, name) {
  const colours = themeProperties(THEMES[name]).filter(([prop]) => prop !== '--font')
  const font = THEMES[name].font
  return page.evaluate(
    ({ colours, font }) => {
      const probe = document.createElement('i')
      document.body.append(probe)
      const resolve = (value) => {
        probe.style.color = ''
        probe.style.color = value
        return getComputedStyle(probe).color
      }
      const root = getComputedStyle(document.documentElement)
      const wrong = colours
        .map(([prop, value]) => [prop, resolve(`var(${prop})`), resolve(value)])
        .filter(([, got, want]) => got !== want)
        .map(([prop, got, want]) => `${prop}: ${got}, not ${want}`)
      probe.remove()
      if (root.getPropertyValue('--font').trim() !== font) wrong.push('--font')
      if (document.documentElement.dataset.theme === undefined) wrong.push('no data-theme')
      return wrong
    },
    { colours, font },
  )
}

export const themeOf = (page) => page.evaluate(() => document.documentElement.dataset.theme)
