import { describe, expect, it } from 'vitest'
import { findPage, packGroups, planPages, widthNeeded, type GroupInfo } from './pages'

/** The catalogue's four groups with their chart counts. */
const GROUPS: GroupInfo[] = [
  { id: 'admin-services', title: '行政服务', charts: 2 },
  { id: 'fair-competition', title: '公平竞争审查', charts: 3 },
  { id: 'enforcement-team', title: '执法队伍建设', charts: 3 },
  { id: 'dispute-resolution', title: '矛盾纠纷化解', charts: 2 },
]

const ids = (plans: { id: string }[]) => plans.map((p) => p.id)

describe('planPages', () => {
  it('16:9 and portrait: 总览 and one page per group', () => {
    for (const layout of ['standard', 'tall'] as const) {
      const plans = planPages(layout, 1920, GROUPS)
      expect(ids(plans)).toEqual(['overview', ...GROUPS.map((g) => g.id)])
      expect(plans[0]).toMatchObject({ kind: 'overview', title: '总览' })
      expect(plans[2]).toMatchObject({ kind: 'groups', groups: ['fair-competition'], weights: [3] })
    }
  })

  it('5760×1080: everything on one page, columns as wide as their charts', () => {
    const plans = planPages('wide', 5760, GROUPS)
    expect(plans).toEqual([
      {
        id: 'all',
        title: '全部指标',
        kind: 'groups',
        groups: GROUPS.map((g) => g.id),
        weights: [2, 3, 3, 2],
      },
    ])
  })

  it('3840×1080 (and 7680×2160): two pages of two groups, split evenly by charts', () => {
    const plans = planPages('wide', 3840, GROUPS)
    expect(ids(plans)).toEqual([
      'admin-services+fair-competition',
      'enforcement-team+dispute-resolution',
    ])
    expect(plans.map((p) => p.title)).toEqual([
      '行政服务 · 公平竞争审查',
      '执法队伍建设 · 矛盾纠纷化解',
    ])
  })

  it('the narrowest wide wall (2.4:1) still takes two groups a page', () => {
    expect(planPages('wide', 2592, GROUPS)).toHaveLength(2)
  })

  it('everything fits on one page from about 4.2:1', () => {
    const oneColumnEach = widthNeeded(GROUPS) + 48
    expect(planPages('wide', oneColumnEach, GROUPS)).toHaveLength(1)
    expect(planPages('wide', oneColumnEach - 1, GROUPS)).toHaveLength(2)
    expect(oneColumnEach / 1080).toBeGreaterThan(4)
    expect(oneColumnEach / 1080).toBeLessThan(4.4)
  })
})

describe('packGroups', () => {
  it('a group too wide for the canvas gets a page of its own', () => {
    const big = [{ id: 'a', title: 'A', charts: 20 }, ...GROUPS.slice(0, 1)]
    expect(packGroups(big, 2600).map((p) => p.map((g) => g.id))).toEqual([
      ['a'],
      ['admin-services'],
    ])
  })

  it('keeps the catalogue order and balances the chart load', () => {
    const five = [...GROUPS, { id: 'e', title: 'E', charts: 1 }]
    const pages = packGroups(five, 3840).map((p) => p.map((g) => g.id))
    expect(pages).toEqual([
      ['admin-services', 'fair-competition'],
      ['enforcement-team', 'dispute-resolution', 'e'],
    ])
  })
})

describe('findPage', () => {
  const standard = planPages('standard', 1920, GROUPS)
  const wide = planPages('wide', 3840, GROUPS)
  const all = planPages('wide', 5760, GROUPS)

  it('finds a page by id, a group by its page, else the first page', () => {
    expect(findPage(standard, 'fair-competition')).toBe(2)
    expect(findPage(wide, 'enforcement-team')).toBe(1)
    expect(findPage(wide, 'fair-competition')).toBe(0)
    expect(findPage(all, 'dispute-resolution')).toBe(0)
    expect(findPage(wide, 'overview')).toBe(0)
    expect(findPage(standard, 'nope')).toBe(0)
    expect(findPage(standard, undefined)).toBe(0)
  })

  it('after a resize, the page that was showing maps to the page holding its group', () => {
    expect(findPage(standard, 'enforcement-team+dispute-resolution')).toBe(3)
    expect(findPage(standard, 'all')).toBe(0)
  })
})
