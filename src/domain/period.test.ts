import { describe, expect, it } from 'vitest'
import { isAnnual, periodLabel } from './period'

describe('periodLabel', () => {
  it('says what a figure over another period than one year covers', () => {
    expect(periodLabel({ kind: 'since', from: 2012 }, 2024)).toBe('2012年以来累计')
    expect(periodLabel({ kind: 'recent-years', years: 3 }, 2024)).toBe('近3年(2022–2024年)')
    expect(periodLabel({ kind: 'one-off' }, 2024)).toBe('2024年单次事件')
  })

  it('says nothing for a calendar year, which is the usual case', () => {
    expect(periodLabel(undefined, 2024)).toBeNull()
    expect(isAnnual({})).toBe(true)
    expect(isAnnual({ period: { kind: 'one-off' } })).toBe(false)
  })
})
