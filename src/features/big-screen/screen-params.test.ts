import { describe, expect, it } from 'vitest'
import { parseScreenParams, SCREEN_DEFAULTS } from './screen-params'

const parse = (query: string) => parseScreenParams(new URLSearchParams(query))

describe('parseScreenParams', () => {
  it('without fit= the screen lays out for the display (auto)', () => {
    expect(parse('').fit).toBe('auto')
    expect(SCREEN_DEFAULTS.fit).toBe('auto')
  })

  it('an explicit fit mode is kept, an unknown one falls back to auto', () => {
    expect(parse('fit=fit').fit).toBe('fit')
    expect(parse('fit=width').fit).toBe('width')
    expect(parse('fit=stretch').fit).toBe('stretch')
    expect(parse('fit=auto').fit).toBe('auto')
    expect(parse('fit=zoom').fit).toBe('auto')
  })

  it('invalid numbers fall back to their defaults', () => {
    expect(parse('rotate=-5&refresh=1&page=ABC')).toEqual(SCREEN_DEFAULTS)
    expect(parse('rotate=0&refresh=60&page=fair-competition')).toMatchObject({
      rotate: 0,
      refresh: 60,
      page: 'fair-competition',
    })
  })
})
