import { describe, expect, it } from 'vitest'
import { sameObservation } from './merge'
import type { Observation } from './schemas'

const base: Observation = {
  indicatorId: 'contracts-rechecked',
  orgId: 'tzw',
  year: 2024,
  value: 283,
  qualifier: null,
  status: 'reported',
  period: { kind: 'since', from: 2012 },
}

describe('sameObservation', () => {
  it('tells a figure over another period from the same number for the year', () => {
    expect(sameObservation(base, { ...base })).toBe(true)
    expect(sameObservation(base, { ...base, period: { kind: 'since', from: 2012 } })).toBe(true)
    const { period: _period, ...annual } = base
    expect(sameObservation(base, annual)).toBe(false)
    expect(sameObservation(base, { ...base, period: { kind: 'since', from: 2015 } })).toBe(false)
  })

  it('compares value, qualifier and status', () => {
    expect(sameObservation(base, { ...base, value: 284 })).toBe(false)
    expect(sameObservation(base, { ...base, qualifier: 'approx' })).toBe(false)
    expect(sameObservation(base, { ...base, status: 'demo' })).toBe(false)
  })
})
