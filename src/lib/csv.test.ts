import { describe, expect, it } from 'vitest'
import { CSV_BOM, csvField, restoreCsvText, toCsv } from './csv'

describe('toCsv: a file Excel opens with the Chinese intact', () => {
  it('starts with a UTF-8 byte-order mark and ends every line with CRLF', () => {
    const csv = toCsv([
      ['单位', '2024年(件)'],
      ['三余镇', '12'],
    ])
    expect(csv).toBe('\uFEFF单位,2024年(件)\r\n三余镇,12\r\n')
    expect(csv.startsWith(CSV_BOM)).toBe(true)
    // Encoded as UTF-8, the file starts with EF BB BF.
    expect([...new TextEncoder().encode(csv).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  })

  it('writes numbers, booleans and dates as their text and nothing as an empty field', () => {
    expect(toCsv([[2025, 86.8, true, new Date('2025-01-02T03:04:05Z'), null, undefined]])).toBe(
      '\uFEFF2025,86.8,true,2025-01-02T03:04:05.000Z,,\r\n',
    )
  })
})

describe('csvField: RFC 4180 quoting', () => {
  it('quotes commas, quotes, line breaks and edge spaces, and nothing else', () => {
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField('two\nlines')).toBe('"two\nlines"')
    expect(csvField('cr\rhere')).toBe('"cr\rhere"')
    expect(csvField(' padded ')).toBe('" padded "')
    expect(csvField('无数据')).toBe('无数据')
    expect(csvField('示例 +5.6')).toBe('示例 +5.6')
  })
})

describe('csvField: formula injection is neutralised (OWASP)', () => {
  it.each([
    ['=HYPERLINK("http://x","点我")', '"\'=HYPERLINK(""http://x"",""点我"")"'],
    ["+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"],
    ['-cmd', "'-cmd"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1+2', "'\t=1+2"],
    ['\r=1+2', '"\'\r=1+2"'],
    ['=1+2', "'=1+2"],
    ['-1+2', "'-1+2"],
    ['-', "'-"],
  ])('text %j is written as %j', (text, field) => {
    expect(csvField(text)).toBe(field)
  })

  it('neutralises every cell of a row, the header included', () => {
    expect(
      toCsv([
        ['=A1', 'ok'],
        ['x', '@B2'],
      ]),
    ).toBe("\uFEFF'=A1,ok\r\nx,'@B2\r\n")
  })

  it('leaves numbers as numbers: number values and text that is only a decimal number', () => {
    expect(csvField(-3)).toBe('-3')
    expect(csvField(-0.5)).toBe('-0.5')
    expect(csvField('-12')).toBe('-12')
    expect(csvField('+5.6')).toBe('+5.6')
  })

  it('neutralises a number value that is not finite, which Excel would read as a name', () => {
    expect(csvField(-Infinity)).toBe("'-Infinity")
  })

  it('takes the quote off again on reading, so every text comes back exactly', () => {
    const texts = ['=A1', '-cmd', '@x', '\tx', "'=A1", "''-x", "'plain", '-12', 'plain', "it's"]
    for (const text of texts) {
      const field = csvField(text).replace(/^"|"$/g, '').replace(/""/g, '"')
      expect(restoreCsvText(field)).toBe(text)
    }
    // A quote before a formula-like text is kept by doubling it: "'=A1" is written "''=A1".
    expect(csvField("'=A1")).toBe("''=A1")
    expect(csvField("'plain")).toBe("'plain")
  })
})
