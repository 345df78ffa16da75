import { GROUPS } from '../../domain/groups'
import { FACT_KIND_TEXT } from '../../domain/facts'
import { factSchema, type Fact, type FactKind, type GroupId } from '../../domain/schemas'
import { FACT_COLUMNS, type FactColumnKey } from './columns'
import type { ImportIssue, SheetTable } from './types'
import {
  cellText,
  cellWords,
  chosen,
  describeCell,
  findColumns,
  forEachRow,
  headerNotFound,
  normalizeName,
  parseYear,
  type SheetLayout,
} from './validate'

/**
 * The sheet 定性事实: the report's statements without a number (a ranking, a zero, a trend, full
 * coverage), one per row, each with its quote inside its sentence as the contract requires. A row
 * whose 编码 is already published replaces that fact (keeping its id); a new 编码 adds one.
 */

export interface FactRow {
  row: number
  fact: Fact
}

export interface FactValidation {
  rows: FactRow[]
  errors: ImportIssue[]
  warnings: ImportIssue[]
  dataRows: number
}

const FACT_LAYOUT: SheetLayout<FactColumnKey> = {
  columns: FACT_COLUMNS,
  minKnown: 3,
  missing: (columns) =>
    FACT_COLUMNS.filter((c) => columns[c.key] === undefined).map((c) => c.header),
  notFound: headerNotFound(FACT_COLUMNS.map((c) => c.header)),
}

const CODE = /^[A-Z]{2,4}-S\d{2}$/

const KINDS = new Map<string, FactKind>(
  (Object.entries(FACT_KIND_TEXT) as [FactKind, string][]).flatMap(([kind, text]) => [
    [kind, kind],
    [text, kind],
  ]),
)

const GROUP_NAMES = new Map<string, GroupId>(
  GROUPS.flatMap((g) => [g.id, g.name, g.fullName].map((n) => [normalizeName(n), g.id] as const)),
)

const GROUP_HELP = GROUPS.map((g) => g.name).join('、')

export function validateFacts(table: SheetTable, current: Fact[]): FactValidation {
  const header = findColumns(table, FACT_LAYOUT)
  if (Array.isArray(header)) return { rows: [], errors: header, warnings: [], dataRows: 0 }
  const byCode = new Map(current.map((f) => [f.code, f]))
  const ids = new Map(current.map((f) => [f.id, f]))
  const rows: FactRow[] = []
  const seen = new Map<string, number>()

  const result = forEachRow(table, FACT_LAYOUT, header, (row) => {
    const code = cellText(row.cell('code')).toUpperCase()
    if (!code) row.issue('code', '缺少编码(形如 MDJF-S01)')
    else if (!CODE.test(code)) {
      row.issue('code', `编码${describeCell(row.cell('code'))}应形如 MDJF-S01(分组字母-S两位序号)`)
    }

    const group = chosen(GROUP_NAMES, row.cell('group'))
    if (group === undefined) {
      row.issue(
        'group',
        cellText(row.cell('group'))
          ? `分组${describeCell(row.cell('group'))}不存在:只能填${GROUP_HELP}`
          : `缺少分组(${GROUP_HELP})`,
      )
    }
    const kind = chosen(KINDS, row.cell('kind'))
    if (kind === undefined) {
      const help = Object.values(FACT_KIND_TEXT).join('、')
      row.issue(
        'kind',
        cellText(row.cell('kind'))
          ? `类型${describeCell(row.cell('kind'))}无效:只能填${help}`
          : `缺少类型(${help})`,
      )
    }
    const year = parseYear(row.cell('year'))
    if ('error' in year) row.issue('year', year.error)

    const words = (key: FactColumnKey, missing: string) => {
      const text = cellWords(row.cell(key))
      if (!text) row.issue(key, missing)
      return text
    }
    const title = words('title', '缺少标题')
    const quote = words('quote', '缺少原文(报告中的原话)')
    const sentence = words('sentence', '缺少原句(报告中含这段原文的整句)')
    const section = words('section', '缺少出处章节')
    if (quote && sentence && !sentence.includes(quote)) {
      row.issue('quote', `原文“${quote}”不在原句中:原文须是原句中逐字相同的一段`)
    }
    if (!row.ok() || group === undefined || kind === undefined || 'error' in year) return

    const first = seen.get(code)
    if (first !== undefined) {
      row.issue('code', `与第 ${first} 行重复:编码 ${code} 只能有一行`)
      return
    }
    seen.set(code, row.rowNo)
    const previous = byCode.get(code)
    const id = previous?.id ?? code.toLowerCase()
    const taken = ids.get(id)
    if (!previous && taken) {
      row.issue('code', `编码 ${code} 与已有的定性事实 ${taken.code} 的编号“${id}”冲突`)
      return
    }
    // Where the quote stands: where it stood, if it still does (it may occur more than once).
    const quoteOffset =
      previous && sentence.startsWith(quote, previous.source.quoteOffset)
        ? previous.source.quoteOffset
        : sentence.indexOf(quote)
    const fact: Fact = {
      id,
      code,
      group,
      kind,
      year: year.ok,
      title,
      source: { section, sentence, quote, quoteOffset },
    }
    // The contract itself, as the app will parse it: a last guard, never expected to fail.
    const checked = factSchema.safeParse(fact)
    if (!checked.success) {
      row.issue(null, `不符合数据规范:${checked.error.issues.map((i) => i.message).join(';')}`)
      return
    }
    rows.push({ row: row.rowNo, fact: checked.data })
  })

  return { rows, ...result }
}
