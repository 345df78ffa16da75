import { describe, expect, it } from 'vitest'
import { BOM, csvField, csvFileName, toCsv } from './csv'

describe('CSV for Excel', () => {
  it('starts with a UTF-8 byte-order mark and ends lines with CRLF', () => {
    const csv = toCsv(['单位', '2024年(件)'], [['三余镇', '12']])
    expect(csv.startsWith(BOM)).toBe(true)
    expect(csv).toBe('\uFEFF单位,2024年(件)\r\n三余镇,12\r\n')
    // Encoded as UTF-8, the file starts with EF BB BF.
    expect([...new TextEncoder().encode(csv).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  })

  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField('two\nlines')).toBe('"two\nlines"')
    expect(csvField(' padded ')).toBe('" padded "')
    expect(csvField('无数据')).toBe('无数据')
  })

  it('defuses text that Excel would run as a formula, and keeps signed numbers as numbers', () => {
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"')
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvField('-cmd')).toBe("'-cmd")
    expect(csvField('+5.6')).toBe('+5.6')
    expect(csvField('-12')).toBe('-12')
    expect(csvField('示例 +5.6')).toBe('示例 +5.6')
  })

  it('names the file after the view, the year and the day (China time)', () => {
    expect(csvFileName(2024, new Date('2026-11-27T20:00:00Z'))).toBe('对比分析_2024年_20261128.csv')
  })
})
