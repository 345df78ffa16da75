// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { themeCss } from '../src/lib/theme/css'
import { THEME_CSS_MODULE, themeCssPlugin } from './theme-plugin'

describe('themeCssPlugin', () => {
  it('serves the generated theme CSS as virtual:theme.css', () => {
    const plugin = themeCssPlugin()
    const resolveId = plugin.resolveId as (id: string) => string | null
    const load = plugin.load as (id: string) => string | null
    const id = resolveId(THEME_CSS_MODULE)
    expect(id).toMatch(/\.css$/)
    expect(resolveId('./other.css')).toBeNull()
    expect(load(id!)).toBe(themeCss())
  })
})
