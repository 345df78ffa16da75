import type { ObservationStatus, Qualifier } from '../../domain/schemas'

/**
 * The import template: one row per observation on the sheet 数据, the codes on the sheet 目录.
 * Headers are matched by name (any order; extra columns are ignored), so a department may add its
 * own columns or reorder them.
 */

export const DATA_SHEET = '数据'
export const CATALOGUE_SHEET = '目录'
export const GUIDE_SHEET = '填写说明'

export type ColumnKey =
  'indicatorCode' | 'indicatorName' | 'org' | 'year' | 'value' | 'qualifier' | 'status' | 'note'

export interface ColumnSpec {
  key: ColumnKey
  header: string
  /** Other spellings accepted in a file's header row. */
  aliases: string[]
  width: number
  hint: string
}

export const COLUMNS: ColumnSpec[] = [
  {
    key: 'indicatorCode',
    header: '指标编码',
    aliases: ['指标代码', '编码'],
    width: 12,
    hint: '如 XZFW-04;与“指标名称”至少填一项,两项都填时须一致',
  },
  {
    key: 'indicatorName',
    header: '指标名称',
    aliases: ['指标'],
    width: 30,
    hint: '指标全称或简称,见“目录”表',
  },
  {
    key: 'org',
    header: '单位',
    aliases: ['单位名称', '组织', '部门'],
    width: 22,
    hint: '单位全称、简称或编码,见“目录”表;全区数据填“通州湾示范区”',
  },
  { key: 'year', header: '年度', aliases: ['年份'], width: 8, hint: '四位年份,如 2025' },
  {
    key: 'value',
    header: '数值',
    aliases: ['数据', '值'],
    width: 10,
    hint: '只填数字;比率填 0–100 的百分数(86.8 表示 86.8%)',
  },
  {
    key: 'qualifier',
    header: '限定词',
    aliases: ['限定'],
    width: 8,
    hint: '报告写“20余次”填“余”,写“50%以上”填“以上”,否则留空',
  },
  {
    key: 'status',
    header: '数据性质',
    aliases: ['性质', '状态'],
    width: 10,
    hint: '“正式”(默认,可留空)或“示例”(演示用,看板上标“示例”)',
  },
  {
    key: 'note',
    header: '来源说明',
    aliases: ['来源', '备注', '说明'],
    width: 40,
    hint: '数据出处,如“区司法局2025年工作总结”;仅供核对,不显示在看板上',
  },
]

export const QUALIFIER_TEXT: Record<Qualifier, string> = { approx: '余', 'at-least': '以上' }

export const STATUS_TEXT: Record<ObservationStatus, string> = { reported: '正式', demo: '示例' }

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1
  let s = ''
  while (n > 0) {
    const r = (n - 1) % 26
    s = String.fromCharCode(65 + r) + s
    n = Math.floor((n - 1) / 26)
  }
  return s
}
