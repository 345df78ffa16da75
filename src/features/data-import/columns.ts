import type { ObservationStatus, Period, Qualifier, TargetOrigin } from '../../domain/schemas'

/**
 * The import template: one row per observation on the sheet 数据, the codes on the sheet 目录;
 * optionally indicator targets on 目标 and the report's statements without a number on 定性事实.
 * Headers are matched by name (any order; extra columns are ignored), so a department may add its
 * own columns or reorder them.
 */

export const DATA_SHEET = '数据'
export const TARGET_SHEET = '目标'
export const FACT_SHEET = '定性事实'
export const CATALOGUE_SHEET = '目录'
export const GUIDE_SHEET = '填写说明'

export type ColumnKey =
  | 'indicatorCode'
  | 'indicatorName'
  | 'org'
  | 'year'
  | 'value'
  | 'qualifier'
  | 'status'
  | 'note'
  | 'period'

export interface ColumnSpec<K extends string = ColumnKey> {
  key: K
  header: string
  /** Other spellings accepted in a file's header row. */
  aliases: string[]
  width: number
  hint: string
}

/** The indicator of a row of 数据 or 目标: by code, by name, or both. */
const INDICATOR_CODE: ColumnSpec<'indicatorCode'> = {
  key: 'indicatorCode',
  header: '指标编码',
  aliases: ['指标代码', '编码'],
  width: 12,
  hint: '如 XZFW-04;与“指标名称”至少填一项,两项都填时须一致',
}

const INDICATOR_NAME: ColumnSpec<'indicatorName'> = {
  key: 'indicatorName',
  header: '指标名称',
  aliases: ['指标'],
  width: 30,
  hint: '指标全称或简称,见“目录”表',
}

/** The columns of 数据. 统计期 comes last, so files written before it keep their column letters. */
export const COLUMNS: ColumnSpec[] = [
  INDICATOR_CODE,
  INDICATOR_NAME,
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
  {
    key: 'period',
    header: '统计期',
    aliases: ['统计期间', '统计口径'],
    width: 14,
    hint: '数值不是该年度一年的数时填写:累计填“2012年以来”,多年合计填“近3年”,一次性事项填“单次”;一年的数留空',
  },
]

export type TargetColumnKey =
  'indicatorCode' | 'indicatorName' | 'value' | 'origin' | 'document' | 'sentence'

/** The columns of 目标: one row per indicator whose target is set (or removed). */
export const TARGET_COLUMNS: ColumnSpec<TargetColumnKey>[] = [
  INDICATOR_CODE,
  INDICATOR_NAME,
  {
    key: 'value',
    header: '目标值',
    aliases: ['目标'],
    width: 10,
    hint: '只填数字,比率填 0–100 的百分数;填“无”表示删除该指标的目标;只写了指标、其余各列都空着的行不导入',
  },
  {
    key: 'origin',
    header: '目标来源',
    aliases: ['来源类型'],
    width: 10,
    hint: '“文件”(考核文件规定的目标)或“示例”(演示用,看板上标“示例”,隐藏示例数据时不显示)',
  },
  {
    key: 'document',
    header: '来源文件',
    aliases: ['文件', '文件名称'],
    width: 30,
    hint: '目标来源为“文件”时必填:规定该目标的文件标题',
  },
  {
    key: 'sentence',
    header: '依据原句',
    aliases: ['原句', '依据'],
    width: 60,
    hint: '目标来源为“文件”时必填:文件中规定该目标的那一句原文',
  },
]

export type FactColumnKey =
  'code' | 'group' | 'kind' | 'year' | 'title' | 'quote' | 'sentence' | 'section'

/** The columns of 定性事实: one row per statement of the report without a number. */
export const FACT_COLUMNS: ColumnSpec<FactColumnKey>[] = [
  {
    key: 'code',
    header: '编码',
    aliases: ['事实编码'],
    width: 12,
    hint: '形如 MDJF-S01(分组字母-S两位序号);与看板已有的编码相同即替换该条',
  },
  {
    key: 'group',
    header: '分组',
    aliases: ['指标分组'],
    width: 16,
    hint: '行政服务、公平竞争审查、执法队伍建设或矛盾纠纷化解',
  },
  {
    key: 'kind',
    header: '类型',
    aliases: ['事实类型'],
    width: 10,
    hint: '排名、零发生、趋势或全覆盖',
  },
  { key: 'year', header: '年度', aliases: ['年份'], width: 8, hint: '四位年份,如 2024' },
  {
    key: 'title',
    header: '标题',
    aliases: ['名称'],
    width: 24,
    hint: '卡片上的短标题,如“重点案件化解稳定率”',
  },
  {
    key: 'quote',
    header: '原文',
    aliases: ['表述'],
    width: 30,
    hint: '报告原话,如“位居全市前列”;须是“原句”中逐字相同的一段',
  },
  {
    key: 'sentence',
    header: '原句',
    aliases: ['出处原句'],
    width: 60,
    hint: '报告中含这段原文的整句',
  },
  {
    key: 'section',
    header: '出处章节',
    aliases: ['章节', '出处'],
    width: 40,
    hint: '原句所在的章节,如“一、推进法治政府建设的主要举措和成效 › (四)…”',
  },
]

export const QUALIFIER_TEXT: Record<Qualifier, string> = { approx: '余', 'at-least': '以上' }

export const STATUS_TEXT: Record<ObservationStatus, string> = { reported: '正式', demo: '示例' }

export const TARGET_ORIGIN_TEXT: Record<TargetOrigin['kind'], string> = {
  demo: '示例',
  document: '文件',
}

/** 统计期 of an imported row against the current one: 2012年以来, or “近3年 → 当年” when it changes. */
export function periodChangeText(now: Period | undefined, was: Period | undefined | null): string {
  const text = periodText(now)
  const before = was === null ? text : periodText(was)
  return before === text ? text : `${before || '当年'} → ${text || '当年'}`
}

/** 统计期 as the template writes it: 2012年以来, 近3年, 单次; '' for the calendar year. */
export function periodText(period: Period | undefined): string {
  if (!period) return ''
  switch (period.kind) {
    case 'since':
      return `${period.from}年以来`
    case 'recent-years':
      return `近${period.years}年`
    case 'one-off':
      return '单次'
  }
}

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
