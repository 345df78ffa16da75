import { describe, expect, it } from 'vitest'
import { metTarget, shownTarget } from './targets'
import type { Target } from './schemas'

const demo: Target = { value: 100, origin: { kind: 'demo' } }
const documented: Target = {
  value: 95,
  origin: { kind: 'document', document: '2025年度法治政府建设考核细则', sentence: '达到95%以上。' },
}

describe('shownTarget', () => {
  it('shows a demo target only with the demo data, marked demo', () => {
    expect(shownTarget({ target: demo }, true)).toEqual({ ...demo, demo: true })
    expect(shownTarget({ target: demo }, false)).toBeNull()
  })

  it('shows a target from a document whatever the demo switch, unmarked', () => {
    expect(shownTarget({ target: documented }, false)).toEqual({ ...documented, demo: false })
    expect(shownTarget({ target: documented }, true)?.demo).toBe(false)
  })

  it('has nothing to show without a target', () => {
    expect(shownTarget({ target: null }, true)).toBeNull()
  })
})

describe('metTarget', () => {
  it('meets a higher-is-better target at or above it', () => {
    expect(metTarget(demo, 'higher', 100)).toBe(true)
    expect(metTarget(demo, 'higher', 99.9)).toBe(false)
  })

  it('meets a lower-is-better target at or below it', () => {
    expect(metTarget({ value: 10 }, 'lower', 10)).toBe(true)
    expect(metTarget({ value: 10 }, 'lower', 11)).toBe(false)
  })

  it('has no verdict without a target', () => {
    expect(metTarget(null, 'higher', 3767)).toBeNull()
  })
})
