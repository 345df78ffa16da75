import { describe, expect, it } from 'vitest'
import type { Indicator, Observation, Organization } from './schemas'
import {
  collectProblems,
  indexObservations,
  organizationsFor,
  pickCell,
  valueProblem,
} from './observation-index'

function indicator(over: Partial<Indicator> & Pick<Indicator, 'id'>): Indicator {
  return {
    code: 'GPJZ-07',
    group: 'fair-competition',
    name: over.id,
    shortName: over.id,
    unit: '份',
    kind: 'count',
    direction: 'higher',
    target: null,
    qualifier: null,
    definition: '口径',
    breakdown: 'department',
    source: {
      section: '一、',
      sentence: '监测存量文件3767份。',
      quote: '3767份',
      quoteOffset: 6,
    } as Indicator['source'],
    ...over,
  }
}

function obs(over: Partial<Observation> & Pick<Observation, 'indicatorId' | 'value'>): Observation {
  return { orgId: 'tzw', year: 2024, qualifier: null, status: 'reported', ...over }
}

const stockDocs = indicator({ id: 'stock-docs' })
const examRate = indicator({
  id: 'exam-pass-rate',
  kind: 'rate',
  unit: '%',
  target: { value: 100, origin: { kind: 'demo' } },
  group: 'enforcement-team',
})
const NO_PROBLEMS = new Map<string, string>()

describe('pickCell: what a card shows', () => {
  const index = indexObservations([
    obs({ indicatorId: 'stock-docs', value: 3767 }),
    obs({ indicatorId: 'stock-docs', value: 3100, year: 2023, status: 'demo' }),
    obs({ indicatorId: 'stock-docs', value: 410, orgId: 'market-bureau', status: 'demo' }),
    obs({ indicatorId: 'exam-pass-rate', value: 120 }),
  ])

  it('shows the reported value', () => {
    const cell = pickCell(stockDocs, index, 'tzw', 2024, true, NO_PROBLEMS)
    expect(cell.state).toBe('value')
    expect(cell.state === 'value' && cell.observation.value).toBe(3767)
  })

  it('shows a demo value when demo data is on', () => {
    const cell = pickCell(stockDocs, index, 'tzw', 2023, true, NO_PROBLEMS)
    expect(cell.state === 'value' && cell.observation.status).toBe('demo')
  })

  it('hides a demo value when demo data is off, never passing it as reported', () => {
    expect(pickCell(stockDocs, index, 'tzw', 2023, false, NO_PROBLEMS).state).toBe('hidden-demo')
    expect(pickCell(stockDocs, index, 'market-bureau', 2024, false, NO_PROBLEMS).state).toBe(
      'hidden-demo',
    )
  })

  it('keeps reported values visible when demo data is off', () => {
    expect(pickCell(stockDocs, index, 'tzw', 2024, false, NO_PROBLEMS).state).toBe('value')
  })

  it('says missing when there is no observation (never a zero)', () => {
    expect(pickCell(stockDocs, index, 'tzw', 2022, true, NO_PROBLEMS)).toEqual({ state: 'missing' })
    expect(pickCell(stockDocs, index, 'sanyu-town', 2024, true, NO_PROBLEMS)).toEqual({
      state: 'missing',
    })
  })

  it('shows the problem of its indicator as an error, even when a value exists', () => {
    const problems = new Map([['stock-docs', '数据格式错误:数值应为数字(实际为文本)']])
    expect(pickCell(stockDocs, index, 'tzw', 2024, true, problems)).toEqual({
      state: 'error',
      message: '数据格式错误:数值应为数字(实际为文本)',
    })
    // Another indicator with a good value is not affected.
    const fine = indexObservations([obs({ indicatorId: 'exam-pass-rate', value: 100 })])
    expect(pickCell(examRate, fine, 'tzw', 2024, true, problems).state).toBe('value')
  })

  it('refuses to show an impossible value: a rate above 100%', () => {
    const cell = pickCell(examRate, index, 'tzw', 2024, true, NO_PROBLEMS)
    expect(cell.state).toBe('error')
    expect(cell.state === 'error' && cell.message).toMatch(/0–100%/)
  })
})

describe('valueProblem', () => {
  it('accepts ordinary values, 0 and 100%', () => {
    expect(valueProblem(stockDocs, 3767)).toBeNull()
    expect(valueProblem(stockDocs, 0)).toBeNull()
    expect(valueProblem(examRate, 100)).toBeNull()
    expect(valueProblem(examRate, 0)).toBeNull()
  })

  it('rejects negatives, rates above 100 and non-finite numbers in words', () => {
    expect(valueProblem(stockDocs, -1)).toMatch(/负数/)
    expect(valueProblem(examRate, 100.1)).toMatch(/0–100%/)
    expect(valueProblem(stockDocs, NaN)).toMatch(/有限数字/)
    expect(valueProblem(stockDocs, Infinity)).toMatch(/有限数字/)
  })

  it('allows a count above 100', () => {
    expect(valueProblem(stockDocs, 3815)).toBeNull()
  })
})

describe('collectProblems', () => {
  const indicators = [stockDocs, examRate]

  it('is empty for clean data', () => {
    const clean = [
      obs({ indicatorId: 'stock-docs', value: 3767 }),
      obs({ indicatorId: 'exam-pass-rate', value: 100 }),
    ]
    expect(collectProblems(indicators, clean, []).size).toBe(0)
  })

  it('flags a negative count under its indicator', () => {
    const problems = collectProblems(
      indicators,
      [
        obs({ indicatorId: 'stock-docs', value: -3 }),
        obs({ indicatorId: 'exam-pass-rate', value: 100 }),
      ],
      [],
    )
    expect([...problems.keys()]).toEqual(['stock-docs'])
    expect(problems.get('stock-docs')).toMatch(/负数/)
  })

  it('flags a rate above 100 under its indicator', () => {
    const problems = collectProblems(
      indicators,
      [obs({ indicatorId: 'exam-pass-rate', value: 101, orgId: 'market-bureau', status: 'demo' })],
      [],
    )
    expect([...problems.keys()]).toEqual(['exam-pass-rate'])
    expect(problems.get('exam-pass-rate')).toMatch(/0–100%/)
  })

  it('keeps item problems from the API under their key, and unknown ones under *', () => {
    const problems = collectProblems(
      indicators,
      [],
      [
        { key: 'stock-docs', message: '数据格式错误:数值应为数字(实际为文本)' },
        { key: null, message: '数据格式错误:缺少指标编码' },
      ],
    )
    expect(problems.get('stock-docs')).toBe('数据格式错误:数值应为数字(实际为文本)')
    expect(problems.get('*')).toBe('数据格式错误:缺少指标编码')
  })

  it('keeps the first problem of an indicator', () => {
    const problems = collectProblems(
      indicators,
      [obs({ indicatorId: 'stock-docs', value: -3 })],
      [{ key: 'stock-docs', message: '数据格式错误:数值应为数字(实际为文本)' }],
    )
    expect(problems.get('stock-docs')).toBe('数据格式错误:数值应为数字(实际为文本)')
  })

  it('ignores observations of indicators it does not know', () => {
    expect(collectProblems(indicators, [obs({ indicatorId: 'other', value: -1 })], []).size).toBe(0)
  })
})

describe('organizationsFor', () => {
  const orgs: Organization[] = [
    {
      id: 'tzw',
      name: '通州湾示范区',
      shortName: '全区',
      type: 'district',
      parentId: null,
      namedInReport: true,
    },
    {
      id: 'sanyu-town',
      name: '三余镇',
      shortName: '三余镇',
      type: 'town',
      parentId: 'tzw',
      namedInReport: true,
    },
    {
      id: 'market-bureau',
      name: '市场监督管理局',
      shortName: '市场监管',
      type: 'department',
      parentId: 'tzw',
      namedInReport: false,
    },
  ]

  it('lists the organisations an indicator is split by', () => {
    expect(organizationsFor(stockDocs, orgs).map((o) => o.id)).toEqual(['market-bureau'])
    expect(
      organizationsFor(indicator({ id: 'y', breakdown: 'town' }), orgs).map((o) => o.id),
    ).toEqual(['sanyu-town'])
  })

  it('lists none for an indicator the report gives only for the district', () => {
    expect(organizationsFor(indicator({ id: 'z', breakdown: 'none' }), orgs)).toEqual([])
  })
})
