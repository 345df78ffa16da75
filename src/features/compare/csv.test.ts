import { describe, expect, it } from 'vitest'
import { csvFileName } from './csv'

describe('CSV of the comparison table', () => {
  it('names the file after the view, the year and the day (China time)', () => {
    expect(csvFileName(2024, new Date('2026-11-27T20:00:00Z'))).toBe('对比分析_2024年_20261128.csv')
  })
})
