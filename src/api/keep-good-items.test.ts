import { describe, expect, it } from 'vitest'
import { keepGoodItems } from './keep-good-items'

interface Row {
  ind: string
  v: number
}
const keyOf = (r: Row) => r.ind
const shown = {
  data: {
    items: [
      { ind: 'a', v: 1 },
      { ind: 'a', v: 2 },
      { ind: 'b', v: 3 },
    ],
    problems: [],
  },
  dataUpdatedAt: 1000,
}
const problem = (key: string | null) => ({ key, index: 0, message: '数据格式错误:数值应为数字' })

describe('keepGoodItems: a malformed refresh keeps what is shown', () => {
  it('passes a clean response through, and any response on a first load', () => {
    const next = { items: [{ ind: 'a', v: 9 }], problems: [] }
    expect(keepGoodItems(shown, next, keyOf)).toBe(next)
    const bad = { items: [], problems: [problem('a')] }
    expect(keepGoodItems(undefined, bad, keyOf)).toBe(bad)
  })

  it("keeps an indicator's shown items when its new ones are malformed, and says since when", () => {
    const next = {
      items: [
        { ind: 'a', v: 5 },
        { ind: 'b', v: 7 },
      ],
      problems: [problem('a')],
    }
    const merged = keepGoodItems(shown, next, keyOf)
    expect(merged.items).toEqual([
      { ind: 'b', v: 7 },
      { ind: 'a', v: 1 },
      { ind: 'a', v: 2 },
    ])
    expect(merged.problems).toEqual([])
    expect(merged.kept).toEqual({ keys: ['a'], message: problem('a').message, since: 1000 })
  })

  it('keeps every indicator the response no longer covers when an item names none', () => {
    // `indicator_id` for `indicatorId`: no item can be placed, none is shown.
    const next = { items: [], problems: [problem(null), problem(null)] }
    const merged = keepGoodItems(shown, next, keyOf)
    expect(merged.items).toEqual(shown.data.items)
    expect(merged.kept?.keys).toEqual(['a', 'b'])
    // The unplaceable items are still reported (有数据无法识别所属指标).
    expect(merged.problems).toHaveLength(2)
  })

  it('leaves a problem the data shown had already on its panel: no failed refresh, no kept items', () => {
    const withProblem = {
      data: { items: shown.data.items, problems: [problem('a'), problem(null)] },
      dataUpdatedAt: 1000,
    }
    const next = { items: [{ ind: 'b', v: 7 }], problems: [problem('a'), problem(null)] }
    expect(keepGoodItems(withProblem, next, keyOf)).toBe(next)
  })

  it('keeps nothing for an indicator that had nothing, and keeps the first time on a second bad refresh', () => {
    const next = {
      items: [
        { ind: 'a', v: 5 },
        { ind: 'b', v: 7 },
      ],
      problems: [problem('c')],
    }
    expect(keepGoodItems(shown, next, keyOf)).toBe(next)
    const once = keepGoodItems(shown, { items: [], problems: [problem('a')] }, keyOf)
    const twice = keepGoodItems(
      { data: once, dataUpdatedAt: 5000 },
      { items: [], problems: [problem('a')] },
      keyOf,
    )
    expect(twice.kept?.since).toBe(1000)
    expect(twice.items.filter((r) => r.ind === 'a')).toEqual(shown.data.items.slice(0, 2))
  })
})
