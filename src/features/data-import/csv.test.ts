// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { toCsv } from '@/lib/csv'
import { csvRows, CsvError, decodeText, parseCsv } from './csv'

const utf8 = (text: string) => new TextEncoder().encode(text)

describe('CSV (RFC 4180)', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const text = 'a,b,c\r\n"x, y","say ""hi""","line 1\nline 2"\r\nplain,,last\r\n'
    expect(parseCsv(text)).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'line 1\nline 2'],
      ['plain', '', 'last'],
    ])
  })

  it('takes LF or CR line ends and a last line without one', () => {
    expect(parseCsv('a,b\nc,d')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ])
    expect(parseCsv('a,b\rc,d\r')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ])
  })

  it('keeps empty lines as empty rows, so row numbers match the spreadsheet', () => {
    expect(csvRows('h1,h2\n\nx,y\n')).toEqual([['h1', 'h2'], [null], ['x', 'y']])
  })

  it('reads UTF-8 with and without a BOM, and GB18030 (Excel on Chinese Windows)', () => {
    const text = '指标编码,单位\nXZFW-04,通州湾示范区\n'
    expect(decodeText(utf8(text))).toBe(text)
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]))).toBe(text)
    // 单位 in GB18030/GBK: B5 A5 CE BB
    expect(decodeText(new Uint8Array([0xb5, 0xa5, 0xce, 0xbb]))).toBe('单位')
  })

  it('says which row an unclosed quote starts on', () => {
    expect(() => parseCsv('a,b\n1,"open\n2,3\n')).toThrow(CsvError)
    try {
      parseCsv('a,b\n1,"open\n2,3\n')
    } catch (err) {
      expect((err as CsvError).row).toBe(2)
      expect((err as CsvError).message).toMatch(/^第 2 行的引号没有闭合/)
    }
  })

  it('reads tab-separated text when the header has no comma', () => {
    expect(parseCsv('a\tb\n1\t2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ])
  })

  it('writes what it reads: BOM, CRLF, quotes only where needed', () => {
    const rows = [
      ['指标编码', '来源说明'],
      ['XZFW-04', '区司法局 "总结", 第 2 页'],
      ['X', ' leading space'],
      ['Y', null],
      ['Z', 2025],
    ]
    const text = toCsv(rows)
    expect(text.startsWith('\ufeff指标编码,来源说明\r\n')).toBe(true)
    expect(text).toContain('"区司法局 ""总结"", 第 2 页"')
    expect(csvRows(text)).toEqual([
      ['指标编码', '来源说明'],
      ['XZFW-04', '区司法局 "总结", 第 2 页'],
      ['X', ' leading space'],
      ['Y', null],
      ['Z', '2025'],
    ])
  })

  it('reads back formula-like text exactly, without the quote the writer put before it', () => {
    const rows = [
      ['来源说明', '数值'],
      ['=HYPERLINK("http://x")', -3],
      ['-见附件', -0.5],
      ["'=已加引号", null],
    ]
    const text = toCsv(rows)
    expect(text).toContain('"\'=HYPERLINK(""http://x"")",-3')
    expect(text).toContain("'-见附件,-0.5")
    expect(csvRows(text)).toEqual([
      ['来源说明', '数值'],
      ['=HYPERLINK("http://x")', '-3'],
      ['-见附件', '-0.5'],
      ["'=已加引号", null],
    ])
  })
})
