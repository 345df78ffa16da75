import { describe, expect, it } from 'vitest'
import { shortChange } from '@/lib/year-change'
import {
  attainment,
  changeArrow,
  ATTAINMENT_CAP,
  changeTone,
  describeChange,
  formatAttainment,
  formatDelta,
  formatPct,
  mean,
  rankByDirection,
  yearOverYear,
  type YearPoint,
} from './compare-maths'

const p = (year: number, value: number | null, over: Partial<YearPoint> = {}): YearPoint => ({
  year,
  value,
  demo: false,
  qualifier: null,
  annual: true,
  ...over,
})

describe('yearOverYear', () => {
  it('gives the absolute and the relative change on the year before', () => {
    const c = yearOverYear([p(2023, 200), p(2024, 250)], 2024, 'higher')
    expect(c).toMatchObject({ delta: 50, pct: 25, tone: 'better', reason: 'ok', baseYear: 2023 })
    expect(formatDelta(c, '件')).toBe('+50件')
    expect(formatPct(c)).toBe('+25%')
  })

  it('has no percentage from a base of 0, but still the absolute change', () => {
    const c = yearOverYear([p(2023, 0), p(2024, 5)], 2024, 'higher')
    expect(c).toMatchObject({ delta: 5, pct: null, reason: 'zero-base', tone: 'better' })
    expect(formatPct(c)).toBe('基数为0')
    expect(formatDelta(c, '次')).toBe('+5次')
  })

  it('reads 0 → 0 as no change (0 %), and a fall to 0 as −100 %', () => {
    expect(yearOverYear([p(2023, 0), p(2024, 0)], 2024, 'higher')).toMatchObject({
      delta: 0,
      pct: 0,
      tone: 'flat',
      reason: 'ok',
    })
    const fall = yearOverYear([p(2023, 5), p(2024, 0)], 2024, 'higher')
    expect(fall).toMatchObject({ delta: -5, pct: -100, tone: 'worse' })
    expect(formatPct(fall)).toBe('-100%')
  })

  it('gives no change when either year is missing, never a change from or to 0', () => {
    const noBase = yearOverYear([p(2023, null), p(2024, 7)], 2024, 'higher')
    expect(noBase).toMatchObject({ delta: null, pct: null, tone: 'none', reason: 'no-base' })
    expect(formatDelta(noBase, '件')).toBe('无数据')
    expect(formatPct(noBase)).toBe('无数据')
    const noCurrent = yearOverYear([p(2023, 7), p(2024, null)], 2024, 'higher')
    expect(noCurrent).toMatchObject({ delta: null, reason: 'no-current' })
  })

  it('compares with the calendar year before, not the last year that has data', () => {
    // 2023 is not in the data at all: 2024 has no year-over-year change against 2022.
    const c = yearOverYear([p(2022, 10), p(2024, 20)], 2024, 'higher')
    expect(c).toMatchObject({ delta: null, reason: 'no-base', baseYear: 2023 })
    expect(describeChange(c, '件')).toContain('2023年无数据')
  })

  it('does not turn float noise into a change', () => {
    const c = yearOverYear([p(2023, 0.1 + 0.2), p(2024, 0.3)], 2024, 'higher')
    expect(c.delta).toBe(0)
    expect(c.tone).toBe('flat')
  })

  it('marks a change demo when either year is demo, and a bound (超过, never 约) after a 余 figure', () => {
    const c = yearOverYear(
      [p(2023, 200, { demo: true }), p(2024, 240, { qualifier: 'approx' })],
      2024,
      'higher',
    )
    expect(c.demo).toBe(true)
    expect(c.bound).toBe('more')
    expect(formatDelta(c, '次')).toBe('>+40次')
    expect(formatPct(c)).toBe('>+20%')
    expect(shortChange(c, '次')).toBe('>20%')
    expect(changeArrow(c)).toBe('▲')
    expect(describeChange(c, '次')).toContain('超过+40次')
    expect(describeChange(c, '次')).not.toContain('约')
    expect(describeChange(c, '次')).toContain('含示例数据')
  })

  it('states a change from 20余 to a lower figure as an upper bound', () => {
    const c = yearOverYear([p(2023, 20, { qualifier: 'approx' }), p(2024, 18)], 2024, 'higher')
    expect(c.bound).toBe('less')
    expect(formatDelta(c, '次')).toBe('<-2次')
    expect(c.tone).toBe('worse')
    expect(changeArrow(c)).toBe('▼')
  })

  it('gives no direction when the bound leaves the sign open', () => {
    // ≥160 against 170: the true value may be above 170.
    const c = yearOverYear([p(2023, 170), p(2024, 160, { qualifier: 'at-least' })], 2024, 'higher')
    expect(c.bound).toBe('at-least')
    expect(c.tone).toBe('uncertain')
    expect(changeArrow(c)).toBe('')
    expect(shortChange(c, '课时')).toBe('≥-10课时')
    expect(describeChange(c, '课时')).toContain('增减不确定')
  })

  it('makes no change between two bounds (≥160 and ≥160)', () => {
    const c = yearOverYear(
      [p(2023, 160, { qualifier: 'at-least' }), p(2024, 160, { qualifier: 'at-least' })],
      2024,
      'neutral',
    )
    expect(c).toMatchObject({ delta: null, pct: null, tone: 'none', reason: 'both-bounds' })
    expect(shortChange(c, '课时')).toBe('不作同比')
    expect(describeChange(c, '课时')).toContain('两年均非确数(余、以上),不作同比')
  })

  it('makes no change from a figure that is not one calendar year (近3年, 2012年以来, a single event)', () => {
    const c = yearOverYear([p(2023, 150), p(2024, 169, { annual: false })], 2024, 'neutral')
    expect(c).toMatchObject({ delta: null, tone: 'none', reason: 'not-annual' })
    expect(shortChange(c, '件')).toBe('不作同比')
    expect(describeChange(c, '件')).toContain('非单一年度数据,不作同比')
  })

  it('measures rates in percentage points', () => {
    const c = yearOverYear([p(2023, 96.5), p(2024, 100)], 2024, 'higher')
    expect(formatDelta(c, '%')).toBe('+3.5个百分点')
    expect(shortChange(c, '%')).toBe('3.5百分点')
    expect(shortChange(yearOverYear([p(2023, 200), p(2024, 250)], 2024, 'higher'), '件')).toBe(
      '25%',
    )
  })
})

describe('direction: arrow and colour follow what is better', () => {
  it('higher is better: a rise is better, a fall worse', () => {
    expect(changeTone(3, 'higher')).toBe('better')
    expect(changeTone(-3, 'higher')).toBe('worse')
  })

  it('lower can be better: a fall is better, a rise worse', () => {
    expect(changeTone(-3, 'lower')).toBe('better')
    expect(changeTone(3, 'lower')).toBe('worse')
    const c = yearOverYear([p(2023, 12), p(2024, 9)], 2024, 'lower')
    expect(c.tone).toBe('better')
    expect(describeChange(c, '件')).toContain('向好')
  })

  it('neutral indicators are not judged; no change is flat; nothing is none', () => {
    expect(changeTone(3, 'neutral')).toBe('neutral')
    expect(changeTone(0, 'lower')).toBe('flat')
    expect(changeTone(null, 'higher')).toBe('none')
  })
})

describe('attainment: a value normalised to its target', () => {
  it('is value ÷ target when higher is better', () => {
    expect(attainment(96.5, 100, 'higher')).toEqual({ percent: 96.5, capped: false })
    expect(attainment(176, 160, 'higher').percent).toBeCloseTo(110)
    expect(attainment(50, 100, 'neutral').percent).toBe(50)
  })

  it('is target ÷ value when lower is better', () => {
    expect(attainment(20, 10, 'lower').percent).toBe(50)
    expect(attainment(8, 10, 'lower').percent).toBe(125)
  })

  it('caps what is far beyond the target and says so', () => {
    expect(attainment(500, 100, 'higher')).toEqual({ percent: ATTAINMENT_CAP, capped: true })
    expect(formatAttainment(attainment(500, 100, 'higher'))).toBe('≥200%')
    // Zero against a positive target, lower is better: beyond any ratio, never Infinity.
    expect(attainment(0, 10, 'lower')).toEqual({ percent: ATTAINMENT_CAP, capped: true })
  })

  it('handles a target of 0 for lower-is-better: 0 meets it, anything above misses it', () => {
    expect(attainment(0, 0, 'lower').percent).toBe(100)
    expect(attainment(3, 0, 'lower').percent).toBe(0)
  })

  it('cannot normalise without a value or a usable target (never 0, never Infinity)', () => {
    expect(attainment(null, 100, 'higher').percent).toBeNull()
    expect(attainment(80, null, 'higher').percent).toBeNull()
    expect(attainment(80, 0, 'higher').percent).toBeNull()
    expect(formatAttainment(attainment(80, 0, 'higher'))).toBe('无数据')
  })
})

describe('rankByDirection', () => {
  const items = [
    { id: 'a', label: '甲', value: 90 },
    { id: 'b', label: '乙', value: 95 },
    { id: 'c', label: '丙', value: 90 },
    { id: 'd', label: '丁', value: null },
    { id: 'e', label: '戊', value: 80 },
  ]

  it('ranks best first, ties share a rank and skip the next (1, 2, 2, 4)', () => {
    const r = rankByDirection(items, 'higher')
    expect(r.map((x) => [x.id, x.rank])).toEqual([
      ['b', 1],
      ['c', 2],
      ['a', 2],
      ['e', 4],
      ['d', null],
    ])
  })

  it('ranks smallest first when lower is better', () => {
    const r = rankByDirection(items, 'lower')
    expect(r.map((x) => x.rank)).toEqual([1, 2, 2, 4, null])
    expect(r[0]!.id).toBe('e')
  })

  it('puts 无数据 last without a rank, whatever the direction', () => {
    expect(rankByDirection(items, 'lower').at(-1)).toMatchObject({ id: 'd', rank: null })
  })

  it('does not depend on the input order (ties by name)', () => {
    const a = rankByDirection(items, 'higher').map((x) => x.id)
    const b = rankByDirection([...items].reverse(), 'higher').map((x) => x.id)
    expect(b).toEqual(a)
  })

  it('treats float noise as a tie', () => {
    const r = rankByDirection(
      [
        { id: 'x', label: 'x', value: 0.1 + 0.2 },
        { id: 'y', label: 'y', value: 0.3 },
      ],
      'higher',
    )
    expect(r.map((x) => x.rank)).toEqual([1, 1])
  })
})

describe('mean', () => {
  it('averages the values there are, and has none without values (not 0)', () => {
    expect(mean([1, null, 3])).toBe(2)
    expect(mean([null, null])).toBeNull()
    expect(mean([])).toBeNull()
  })
})
