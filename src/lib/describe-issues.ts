import type { z } from 'zod'

const TYPE_NAMES: Record<string, string> = {
  string: '文本',
  number: '数字',
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
}

function pathText(path: PropertyKey[]): string {
  const last = [...path].reverse().find((p) => typeof p === 'string')
  const field = typeof last === 'string' ? (FIELD_NAMES[last] ?? last) : ''
  return field
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
      const got = TYPE_NAMES[received(issue.input)] ?? '其他类型'
      return issue.input === undefined
        ? `缺少${subject}`
        : `${subject}应为${expected}(实际为${got})`
    }
    case 'invalid_value':
      return `${subject}的取值不在允许范围内`
    case 'too_small':
      return issue.origin === 'array' ? `${subject}不能为空` : `${subject}过小`
    case 'too_big':
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
