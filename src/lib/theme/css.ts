// With its extension: vite.config.ts loads this module too (scripts/theme-plugin.ts).
import { THEME_NAMES, THEMES, type Theme, type ThemeName } from './themes.ts'

/**
 * The CSS custom properties of the themes, generated from ./themes.ts at build time (vite.config.ts
 * serves this text as the module `virtual:theme.css`; nothing is injected at run time, so the
 * strict CSP's `style-src 'self'` holds). Each theme is one rule on `:root[data-theme=…]`; the desk
 * theme is also plain `:root`, the look before a route has chosen (the boot message).
 */

/** `bg2` → `--bg-2`, `panelSolid` → `--panel-solid`, `admin-services` → `--admin-services`. */
export const cssVar = (token: string) =>
  `--${token.replace(/([a-z])([A-Z0-9])/g, '$1-$2').toLowerCase()}`

/** Every custom property of a theme, in order: its palette, its group accents, its font. */
export function themeProperties(theme: Theme): [string, string][] {
  return [
    ...Object.entries(theme.palette).map(([k, v]): [string, string] => [cssVar(k), v]),
    ...Object.entries(theme.accents).map(([id, v]): [string, string] => [
      cssVar(`accent-${id}`),
      v,
    ]),
    ['--font', theme.font],
  ]
}

export function themeSelector(name: ThemeName): string {
  const own = `:root[data-theme='${name}']`
  return name === 'desk' ? `:root,\n${own}` : own
}

export function themeCss(themes: Record<ThemeName, Theme> = THEMES): string {
  const rules = THEME_NAMES.map((name) => {
    const body = themeProperties(themes[name])
      .map(([prop, value]) => `  ${prop}: ${value};`)
      .join('\n')
    return `${themeSelector(name)} {\n${body}\n}`
  })
  return `/* Generated from src/lib/theme/themes.ts (src/lib/theme/css.ts): do not edit. */\n${rules.join('\n\n')}\n`
}
