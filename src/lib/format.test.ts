import { afterEach, describe, expect, it } from 'vitest'
import {
  formatDateTime,
  formatIndicatorValue,
  formatNumber,
  formatShare,
  formatMoment,
  formatTime,
  formatValue,
  NO_DATA,
} from './format'

describe('formatValue: figures as the report writes them', () => {
  it('keeps 余 with the number: 20余次', () => {
    expect(formatValue(20, '次', 'approx')).toEqual({ figure: '20余', unit: '次', text: '20余次' })
    expect(formatValue(240, '次', 'approx').text).toBe('240余次')
  })

  it('shows 以上 as ≥: ≥50%, ≥160课时', () => {
    expect(formatValue(50, '%', 'at-least')).toEqual({ figure: '≥50', unit: '%', text: '≥50%' })
    expect(formatValue(160, '课时', 'at-least').text).toBe('≥160课时')
  })

  it('shows plain figures with their unit and decimals', () => {
    expect(formatValue(3767, '份').text).toBe('3767份')
    expect(formatValue(86.8, '%').text).toBe('86.8%')
    expect(formatValue(100, '%').text).toBe('100%')
    expect(formatValue(23, '人次').text).toBe('23人次')
  })

  it('shows zero as 0, a real value, not as 无数据', () => {
    expect(formatValue(0, '份').text).toBe('0份')
  })

  it('takes the unit from the indicator', () => {
    expect(formatIndicatorValue({ unit: '件' }, 3815, null).text).toBe('3815件')
  })

  it.each([NaN, Infinity, -Infinity, null, undefined, '3767', '3767份', {}])(
    'shows %s as 无数据, without qualifier or unit',
    (bad) => {
      expect(formatValue(bad, '次', 'approx')).toEqual({
        figure: NO_DATA,
        unit: '',
        text: '无数据',
      })
      expect(formatNumber(bad)).toBe('无数据')
    },
  )
})

describe('formatNumber: large numbers in 万 and 亿', () => {
  it('keeps numbers below 10万 as they are', () => {
    expect(formatNumber(3767)).toBe('3767')
    expect(formatNumber(99999)).toBe('99999')
  })

  it('switches to 万 from 10万', () => {
    expect(formatNumber(100000)).toBe('10万')
    expect(formatNumber(123456)).toBe('12.3万')
    expect(formatNumber(25_000_000)).toBe('2500万')
  })

  it('switches to 亿 from 1亿', () => {
    expect(formatNumber(100_000_000)).toBe('1亿')
    expect(formatNumber(250_000_000)).toBe('2.5亿')
    expect(formatNumber(123_456_789)).toBe('1.23亿')
  })

  it('never writes 10000万 or 100000: rounding up crosses into the next unit', () => {
    expect(formatNumber(99_999_999)).toBe('1亿')
    expect(formatNumber(99_999.96)).toBe('10万')
  })

  it('keeps at most one decimal and drops trailing zeros', () => {
    expect(formatNumber(86.84)).toBe('86.8')
    expect(formatNumber(86.0)).toBe('86')
    expect(formatNumber(10)).toBe('10')
  })
})

describe('formatShare: a derived percentage', () => {
  it('gives 72 / 401 as 18%', () => {
    expect(formatShare(72, 401)).toBe('18%')
  })

  it('keeps one decimal: 65 / 3767 is 1.7%, 3 / 65 is 4.6%', () => {
    expect(formatShare(65, 3767)).toBe('1.7%')
    expect(formatShare(3, 65)).toBe('4.6%')
  })

  it('is 无数据 when it cannot be computed', () => {
    expect(formatShare(72, 0)).toBe('无数据')
    expect(formatShare(null, 401)).toBe('无数据')
    expect(formatShare(72, null)).toBe('无数据')
    expect(formatShare(NaN, 401)).toBe('无数据')
    expect(formatShare(undefined, undefined)).toBe('无数据')
  })
})

describe('formatDateTime: China time whatever the machine time zone', () => {
  const originalTz = process.env.TZ
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ
    else process.env.TZ = originalTz
  })

  it.each(['UTC', 'America/New_York', 'Asia/Shanghai', 'Pacific/Kiritimati'])(
    'shows the publication time 2026-11-27 09:00 (+08:00) the same under TZ=%s',
    (tz) => {
      process.env.TZ = tz
      expect(formatDateTime('2026-11-27T09:00:00+08:00')).toBe('2026-11-27 09:00')
      expect(formatDateTime('2026-11-27T01:00:00Z')).toBe('2026-11-27 09:00')
    },
  )

  it('rolls over to the next day in China time and writes midnight as 00', () => {
    process.env.TZ = 'America/Los_Angeles'
    expect(formatDateTime('2024-12-31T16:30:00Z')).toBe('2025-01-01 00:30')
    expect(formatTime('2024-12-31T16:30:00Z')).toBe('00:30')
  })

  it('accepts a Date and milliseconds', () => {
    process.env.TZ = 'UTC'
    const ms = Date.UTC(2024, 5, 1, 4, 5)
    expect(formatDateTime(ms)).toBe('2024-06-01 12:05')
    expect(formatDateTime(new Date(ms))).toBe('2024-06-01 12:05')
  })

  it('shows an unreadable time as 无数据', () => {
    expect(formatDateTime('not a date')).toBe('无数据')
    expect(formatDateTime(NaN)).toBe('无数据')
  })
})

describe('formatMoment: as short as it can be told apart from today (China time)', () => {
  const now = new Date('2026-11-30T06:00:00Z') // 14:00 in China
  it('gives the time alone for today, the date for another day, the year for another year', () => {
    expect(formatMoment('2026-11-30T09:05:00+08:00', now)).toBe('09:05')
    expect(formatMoment('2026-11-27T09:00:00+08:00', now)).toBe('11月27日 09:00')
    expect(formatMoment('2025-01-02T08:00:00+08:00', now)).toBe('2025年1月2日 08:00')
  })
  it('counts the day in China time: 23:30 UTC is the next morning there', () => {
    expect(formatMoment('2026-11-29T23:30:00Z', now)).toBe('07:30')
  })
  it('says 无数据 for what is not a time', () => {
    expect(formatMoment('not a date', now)).toBe('无数据')
  })
})
