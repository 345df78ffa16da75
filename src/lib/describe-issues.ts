import type * as z from 'zod/mini'

const TYPE_NAMES: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: '布尔值',
  array: '数组',
  object: '对象',
  null: '空值',
  undefined: '缺失',
  nan: 'NaN',
}

const FIELD_NAMES: Record<string, string> = {
  value: '数值',
  year: '年度',
  indicatorId: '指标编码',
  orgId: '单位编码',
  status: '状态',
  qualifier: '限定词',
  name: '名称',
  unit: '单位',
  target: '目标值',
  items: '列表',
  id: '编码',
  code: '指标代码',
  group: '所属分组',
  shortName: '简称',
  fullName: '全称',
  kind: '指标类型',
  direction: '优劣方向',
  definition: '口径说明',
  breakdown: '分解方式',
  source: '来源',
  section: '来源章节',
  sentence: '来源原句',
  quote: '数字原文',
  quoteOffset: '原文位置',
  type: '单位类型',
  parentId: '上级单位',
  namedInReport: '报告是否提及',
  region: '地区',
  period: '统计期间',
  label: '名称',
  years: '年度列表',
  updatedAt: '更新时间',
  groups: '分组',
  description: '说明',
  findings: '主要不足与安排',
  shortcomings: '主要不足',
  plansSection: '安排章节',
  plans: '下一年度安排',
  title: '标题',
  text: '正文',
  issuer: '发布单位',
  apiBaseUrl: '数据地址',
  showDemoData: '示例数据开关',
  refreshSeconds: '刷新间隔',
  requestTimeoutMs: '请求超时',
}

/** Inside an indicator's `target`, the same keys name other things. */
const TARGET_FIELD_NAMES: Record<string, string> = {
  target: '目标值',
  value: '目标值',
  origin: '目标来源',
  kind: '目标来源',
  document: '目标来源文件',
  sentence: '目标依据原句',
}

/** The field a problem is about, in Chinese; an unknown key is called 数据, never shown raw. */
function pathText(path: PropertyKey[]): string {
  const last = [...path].reverse().find((p) => typeof p === 'string')
  if (typeof last !== 'string') return ''
  if (path.includes('target')) return TARGET_FIELD_NAMES[last] ?? FIELD_NAMES[last] ?? '数据'
  return FIELD_NAMES[last] ?? '数据'
}

function received(input: unknown): string {
  if (input === null) return 'null'
  if (Array.isArray(input)) return 'array'
  if (typeof input === 'number' && Number.isNaN(input)) return 'nan'
  return typeof input
}

/** One readable Chinese sentence for a zod error, e.g. "数值应为数字(实际为文本)". */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const field = pathText(issue.path)
  const subject = field || '数据'
  switch (issue.code) {
    case 'invalid_type': {
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected
      if (issue.input === undefined) return `缺少${subject}`
      // 1e400 in JSON parses to Infinity: a number, but not one that can be shown or drawn.
      if (typeof issue.input === 'number' && issue.expected === 'number') {
        return `${subject}应为有限数字`
      }
      // 2024.5 where a whole number belongs (a year, a count of years, a position): zod names the
      // expected type `int`.
      if (typeof issue.input === 'number' && issue.expected === 'int') return `${subject}应为整数`
      const got = TYPE_NAMES[received(issue.input)] ?? '其他类型'
      return `${subject}应为${expected}(实际为${got})`
    }
    case 'invalid_value':
      return `${subject}的取值不在允许范围内`
    case 'too_small':
      if ((issue.origin === 'array' || issue.origin === 'string') && Number(issue.minimum) <= 1) {
        return `${subject}不能为空`
      }
      if (issue.origin === 'array') {
        return issue.exact
          ? `${subject}应为 ${issue.minimum} 项`
          : `${subject}至少应有 ${issue.minimum} 项`
      }
      return `${subject}过小`
    case 'too_big':
      if (issue.origin === 'array') {
        return issue.exact
          ? `${subject}应为 ${issue.maximum} 项`
          : `${subject}至多应有 ${issue.maximum} 项`
      }
      return `${subject}过大`
    case 'invalid_format':
      return `${subject}格式不正确`
    default:
      return `${subject}:${issue.message}`
  }
}

export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const texts = [...new Set(issues.map(describeIssue))]
  const shown = texts.slice(0, 3).join(';')
  return texts.length > 3 ? `${shown} 等 ${texts.length} 处` : shown
}
