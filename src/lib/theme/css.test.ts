// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cssVar, themeCss, themeProperties } from './css'
import { THEME_NAMES, THEMES, type ThemeName } from './themes'

/** The generated sheet read back: for each theme, its custom properties as declared. */
function parse(css: string): Map<ThemeName, Map<string, string>> {
  const rules = new Map<ThemeName, Map<string, string>>()
  for (const [, selectors, body] of css.matchAll(/([^{}]+)\{([^}]*)\}/g)) {
    const props = new Map<string, string>()
    for (const decl of body!.split(';')) {
      const at = decl.indexOf(':')
      if (at > 0) props.set(decl.slice(0, at).trim(), decl.slice(at + 1).trim())
    }
    for (const m of selectors!.matchAll(/:root\[data-theme='([a-z-]+)'\]/g)) {
      expect(rules.has(m[1] as ThemeName), `${m[1]} declared twice`).toBe(false)
      rules.set(m[1] as ThemeName, props)
    }
  }
  return rules
}

describe('virtual:theme.css: the CSS custom properties come from the theme source', () => {
  const rules = parse(themeCss())

  it('has one rule for every theme, and the desk is also plain :root', () => {
    expect([...rules.keys()].sort()).toEqual([...THEME_NAMES].sort())
    expect(themeCss()).toMatch(/^:root,\n:root\[data-theme='desk'\] \{/m)
  })

  it.each(THEME_NAMES)('%s: exactly the tokens of themes.ts, nothing else', (name) => {
    const theme = THEMES[name]
    const expected = new Map<string, string>([
      ...Object.entries(theme.palette).map(([k, v]) => [cssVar(k), v] as const),
      ...Object.entries(theme.accents).map(([id, v]) => [`--accent-${id}`, v] as const),
      ['--font', theme.font],
    ])
    expect(rules.get(name)).toEqual(expected)
    expect(new Map(themeProperties(theme))).toEqual(expected)
  })

  it.each(THEME_NAMES)('%s: the page and its ECharts theme have the same colours', (name) => {
    const css = rules.get(name)!
    const chart = THEMES[name].chart
    expect(css.get('--demo')).toBe(chart.demo)
    expect(css.get('--text')).toBe(chart.text)
    expect(css.get('--muted')).toBe(chart.muted)
    expect(css.get('--met')).toBe(chart.met)
    expect(css.get('--below')).toBe(chart.below)
    expect(css.get('--error')).toBe(chart.error)
    expect(css.get('--font')).toBe(chart.fontFamily)
    for (const [group, color] of Object.entries(chart.accents)) {
      expect(css.get(`--accent-${group}`)).toBe(color)
    }
  })

  it('the names the stylesheets use', () => {
    expect(cssVar('bg2')).toBe('--bg-2')
    expect(cssVar('panelSolid')).toBe('--panel-solid')
    expect(cssVar('borderStrong')).toBe('--border-strong')
    expect(cssVar('tooltipBg')).toBe('--tooltip-bg')
  })

  it('no hand-written stylesheet declares a theme token (it would drift again)', () => {
    const tokens = new Set(themeProperties(THEMES.desk).map(([prop]) => prop))
    const sheets = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory()
          ? sheets(join(dir, e.name))
          : e.name.endsWith('.css')
            ? [join(dir, e.name)]
            : [],
      )
    const found = sheets('src').flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/(--[a-z0-9-]+)\s*:/g)]
        .filter((m) => tokens.has(m[1]!))
        .map((m) => `${file}: ${m[1]}`),
    )
    expect(found).toEqual([])
  })
})
