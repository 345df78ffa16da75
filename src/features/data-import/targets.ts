import { targetSchema, type Indicator, type Target, type TargetOrigin } from '../../domain/schemas'
import { TARGET_COLUMNS, type TargetColumnKey } from './columns'
import type { Catalogue, ImportIssue, SheetTable } from './types'
import {
  cellWords,
  chosen,
  describeCell,
  findColumns,
  forEachRow,
  headerNotFound,
  indexCatalogue,
  isBlank,
  parseNumber,
  rowIndicator,
  type SheetLayout,
} from './validate'

/**
 * The sheet 目标: one row per indicator whose target is set — from a document (文件, with the
 * document's title and the sentence that sets it) or for the demo (示例) — or removed (目标值 无).
 * A row that names only the indicator (as the export writes an indicator without a target) changes
 * nothing and is not counted.
 */

export interface TargetRow {
  row: number
  indicator: Indicator
  /** null: the indicator has no target (目标值 无). */
  target: Target | null
}

export interface TargetValidation {
  rows: TargetRow[]
  errors: ImportIssue[]
  warnings: ImportIssue[]
  dataRows: number
}

const TARGET_LAYOUT: SheetLayout<TargetColumnKey> = {
  columns: TARGET_COLUMNS,
  minKnown: 2,
  missing: (columns) => [
    ...(columns.indicatorCode === undefined && columns.indicatorName === undefined
      ? ['指标编码或指标名称']
      : []),
    ...(columns.value === undefined ? ['目标值'] : []),
    ...(columns.origin === undefined ? ['目标来源'] : []),
  ],
  notFound: headerNotFound(
    ['指标编码或指标名称(有一列即可)', '目标值', '目标来源'],
    ['来源文件', '依据原句(目标来源为“文件”时这两列须填写)'],
  ),
}

const ORIGINS = new Map<string, TargetOrigin['kind']>([
  ['文件', 'document'],
  ['考核文件', 'document'],
  ['document', 'document'],
  ['示例', 'demo'],
  ['演示', 'demo'],
  ['demo', 'demo'],
])

/** 目标值 无 (or 删除): the indicator has no target. */
const NO_TARGET = new Map([
  ['无', true],
  ['删除', true],
  ['none', true],
])

/** A document title as the card shows it, in 《》 of its own: without the brackets typed. */
const documentTitle = (text: string) => text.replace(/^《(.*)》$/, '$1').trim()

export function validateTargets(table: SheetTable, catalogue: Catalogue): TargetValidation {
  const header = findColumns(table, TARGET_LAYOUT)
  if (Array.isArray(header)) return { rows: [], errors: header, warnings: [], dataRows: 0 }
  const index = indexCatalogue(catalogue)
  const rows: TargetRow[] = []
  const seen = new Map<string, number>()

  const result = forEachRow(table, TARGET_LAYOUT, header, (row) => {
    const given = (['value', 'origin', 'document', 'sentence'] as const).some(
      (key) => !isBlank(row.cell(key)),
    )
    if (!given) return 'skip'
    const indicator = rowIndicator(row, index, header.columns.indicatorCode !== undefined)

    let target: Target | null = null
    if (chosen(NO_TARGET, row.cell('value'))) {
      target = null
    } else {
      const value = parseNumber(row.cell('value'), indicator, '目标值')
      if ('error' in value) row.issue('value', value.error)
      else if (indicator?.kind === 'rate' && value.ok > 100) {
        row.issue('value', `比率的目标值应在 0–100 之间(实际为 ${value.ok});100% 请填 100`)
      }
      const kind = chosen(ORIGINS, row.cell('origin'))
      if (isBlank(row.cell('origin'))) {
        row.issue('origin', '缺少目标来源:填“文件”(考核文件规定的目标)或“示例”')
      } else if (kind === undefined) {
        row.issue('origin', `目标来源${describeCell(row.cell('origin'))}无效:只能填“文件”或“示例”`)
      }
      const document = documentTitle(cellWords(row.cell('document')))
      const sentence = cellWords(row.cell('sentence'))
      if (kind === 'demo' && (document || sentence)) {
        row.issue(
          'origin',
          '目标来源为“示例”:来源文件和依据原句不会发布;有文件依据的目标请填“文件”',
          true,
        )
      }
      if (kind === 'document') {
        if (!document) row.issue('document', '目标来源为“文件”时须填写来源文件(文件标题)')
        if (!sentence) {
          row.issue('sentence', '目标来源为“文件”时须填写依据原句(文件中规定该目标的那一句)')
        }
      }
      if (!row.ok() || 'error' in value || kind === undefined) return
      target = {
        value: value.ok,
        origin: kind === 'document' ? { kind, document, sentence } : { kind },
      }
    }
    if (!row.ok() || !indicator) return

    const first = seen.get(indicator.id)
    if (first !== undefined) {
      row.issue(null, `与第 ${first} 行重复:指标 ${indicator.code} 的目标只能有一行`)
      return
    }
    seen.set(indicator.id, row.rowNo)
    if (target !== null) {
      // The contract itself, as the app will parse it: a last guard, never expected to fail.
      const checked = targetSchema.safeParse(target)
      if (!checked.success) {
        row.issue(null, `不符合数据规范:${checked.error.issues.map((i) => i.message).join(';')}`)
        return
      }
      target = checked.data
    }
    rows.push({ row: row.rowNo, indicator, target })
  })

  return { rows, ...result }
}

/** One line for a target: 100(示例) or 100(《文件》). */
export function targetText(target: Target | null): string {
  if (target === null) return '无'
  return target.origin.kind === 'demo'
    ? `${target.value}(示例)`
    : `${target.value}(《${target.origin.document}》)`
}
