import {
  observationSchema,
  type Indicator,
  type Observation,
  type ObservationStatus,
  type Organization,
  type Qualifier,
} from '../../domain/schemas'
import { valueProblem } from '../../domain/observation-index'
import { keyOf } from '../../domain/merge'
import { COLUMNS, columnLetter, type ColumnKey, type ColumnSpec } from './columns'
import type { Catalogue, CellValue, ImportedRow, ImportIssue, SheetTable } from './types'

/**
 * Checks every row of a sheet against the data contract and the published catalogue, and turns
 * the valid ones into observations. Pure: the CLI and the import page share it. Every problem is
 * reported (not only the first), each with its sheet, row and column.
 */

export interface ValidationResult {
  rows: ImportedRow[]
  errors: ImportIssue[]
  /** Accepted but suspicious (e.g. a rate of 0.868 that was probably meant as 86.8%). */
  warnings: ImportIssue[]
  /** Non-empty data rows in the sheet (valid or not). */
  dataRows: number
}

/** Text of a name or code as compared: NFKC (full-width → half-width), no spaces at all. */
export function normalizeName(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '')
}

/** A header as compared: also without marks such as “*”, “(必填)” or “(选填)”. */
function normalizeHeader(text: string): string {
  return normalizeName(text)
    .replace(/\(.*?\)/g, '')
    .replace(/[*]/g, '')
}

const HEADER_LOOKUP = new Map<string, ColumnSpec>()
for (const spec of COLUMNS) {
  for (const name of [spec.header, ...spec.aliases]) HEADER_LOOKUP.set(normalizeHeader(name), spec)
}

function isBlank(cell: CellValue | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '')
}

/** The cell as trimmed text (numbers as JavaScript writes them); '' for an empty cell. */
function cellText(cell: CellValue | undefined): string {
  if (cell === null || cell === undefined) return ''
  if (cell instanceof Date) return cell.toISOString().slice(0, 10)
  return String(cell).normalize('NFKC').trim()
}

function describeCell(cell: CellValue | undefined): string {
  if (cell instanceof Date) return `日期 ${cell.toISOString().slice(0, 10)}`
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE'
  return `“${cellText(cell)}”`
}

// ------------------------------------------------------------------ lookups

interface Lookup<T> {
  find(text: string): { found: T } | { ambiguous: T[] } | null
}

function lookup<T>(items: T[], keysOf: (item: T) => string[]): Lookup<T> {
  const map = new Map<string, T[]>()
  for (const item of items) {
    for (const key of new Set(keysOf(item).map(normalizeName))) {
      const list = map.get(key)
      if (list) list.push(item)
      else map.set(key, [item])
    }
  }
  return {
    find(text) {
      const list = map.get(normalizeName(text))
      if (!list) return null
      return list.length === 1 ? { found: list[0]! } : { ambiguous: list }
    },
  }
}

export interface CatalogueIndex {
  indicatorByCode: Lookup<Indicator>
  indicatorByName: Lookup<Indicator>
  organization: Lookup<Organization>
}

export function indexCatalogue(catalogue: Catalogue): CatalogueIndex {
  return {
    // The code (XZFW-04) in any case, or the id the JSON uses (enterprise-legal-services).
    indicatorByCode: lookup(catalogue.indicators, (i) => [i.code, i.code.toLowerCase(), i.id]),
    indicatorByName: lookup(catalogue.indicators, (i) => [i.name, i.shortName]),
    organization: lookup(catalogue.organizations, (o) => [o.name, o.shortName, o.id]),
  }
}

const TYPE_NAME: Record<Organization['type'], string> = {
  district: '全区',
  town: '镇、办事处',
  department: '部门',
}

/** Why an organisation cannot carry a value of this indicator, or null. (docs/api.md rule 5) */
function breakdownProblem(indicator: Indicator, org: Organization): string | null {
  if (org.type === 'district') return null
  if (indicator.breakdown === 'none') {
    return `指标「${indicator.shortName}」只有全区数据,不能填写单位「${org.name}」`
  }
  if (indicator.breakdown !== org.type) {
    return `指标「${indicator.shortName}」按${TYPE_NAME[indicator.breakdown]}细分,「${org.name}」是${TYPE_NAME[org.type]},看板不会显示这一行`
  }
  return null
}

// ------------------------------------------------------------------ cell parsers

type Parsed<T> = { ok: T } | { error: string }

const YEAR_MIN = 2000
const YEAR_MAX = 2100

export function parseYear(cell: CellValue | undefined): Parsed<number> {
  if (isBlank(cell)) return { error: '缺少年度' }
  if (cell instanceof Date) return { error: `年度应为四位年份(如 2025),不是${describeCell(cell)}` }
  let year: number | null = null
  if (typeof cell === 'number') year = cell
  else if (typeof cell === 'string') {
    const m = /^(\d{4})(?:\.0+)?(?:年度?)?$/.exec(cellText(cell))
    if (m) year = Number(m[1])
  }
  if (year === null || !Number.isInteger(year) || year < YEAR_MIN || year > YEAR_MAX) {
    return { error: `年度${describeCell(cell)}不是 ${YEAR_MIN}–${YEAR_MAX} 之间的四位年份` }
  }
  return { ok: year }
}

/** A number as a clerk may type it: 1,234 or 1234.5 or 86.8% (the % is only a unit). */
const NUMBER_TEXT = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/

export function parseValue(
  cell: CellValue | undefined,
  indicator: Indicator | null,
): Parsed<number> {
  if (isBlank(cell)) return { error: '缺少数值' }
  let value: number | null = null
  if (typeof cell === 'number') value = cell
  else if (typeof cell === 'string') {
    let text = cellText(cell)
    if (text.endsWith('%') && (indicator === null || indicator.kind === 'rate')) {
      text = text.slice(0, -1).trim()
    }
    if (NUMBER_TEXT.test(text)) value = Number(text.replace(/,/g, ''))
    else {
      const hint = /余|以上|多|约/.test(text)
        ? ';“余”“以上”请填在“限定词”列,数值列只填数字'
        : /^[+-]?[\d.,]+\s*\D+$/.test(text)
          ? ';单位不要写进数值'
          : ''
      return { error: `数值${describeCell(cell)}不是数字${hint}` }
    }
  } else {
    return { error: `数值${describeCell(cell)}不是数字` }
  }
  if (!Number.isFinite(value)) return { error: `数值${describeCell(cell)}不是有限数字` }
  if (value < 0) return { error: `数值不能为负数(实际为 ${value})` }
  if (indicator?.kind === 'rate' && value > 100) {
    return { error: `比率应在 0–100 之间(实际为 ${value});86.8% 请填 86.8` }
  }
  // Whatever else the app would refuse to draw (src/domain/observation-index.ts) is refused here too.
  const problem = indicator ? valueProblem(indicator, value) : null
  if (problem) return { error: problem.replace(/^数据(?:异常|格式错误):/, '') }
  return { ok: value }
}

const QUALIFIERS = new Map<string, Qualifier>([
  ['余', 'approx'],
  ['约', 'approx'],
  ['多', 'approx'],
  ['approx', 'approx'],
  ['以上', 'at-least'],
  ['不少于', 'at-least'],
  ['至少', 'at-least'],
  ['≥', 'at-least'],
  ['>=', 'at-least'],
  ['at-least', 'at-least'],
])

export function parseQualifier(cell: CellValue | undefined): Parsed<Qualifier | null> {
  if (isBlank(cell)) return { ok: null }
  const q = QUALIFIERS.get(normalizeName(cellText(cell)).toLowerCase())
  return q ? { ok: q } : { error: `限定词${describeCell(cell)}无效:只能填“余”或“以上”,或留空` }
}

const STATUSES = new Map<string, ObservationStatus>([
  ['正式', 'reported'],
  ['填报', 'reported'],
  ['报告', 'reported'],
  ['报告数字', 'reported'],
  ['reported', 'reported'],
  ['示例', 'demo'],
  ['示例数据', 'demo'],
  ['演示', 'demo'],
  ['demo', 'demo'],
])

export function parseStatus(cell: CellValue | undefined): Parsed<ObservationStatus> {
  if (isBlank(cell)) return { ok: 'reported' }
  const s = STATUSES.get(normalizeName(cellText(cell)).toLowerCase())
  return s ? { ok: s } : { error: `数据性质${describeCell(cell)}无效:只能填“正式”或“示例”,或留空` }
}

// ------------------------------------------------------------------ header

export interface HeaderMap {
  /** Row index (0-based) of the header in the sheet. */
  headerIndex: number
  columns: Partial<Record<ColumnKey, number>>
}

/** The header row: the first of the first 10 rows that names at least three template columns. */
export function findHeader(table: SheetTable): HeaderMap | ImportIssue[] {
  const limit = Math.min(table.rows.length, 10)
  for (let r = 0; r < limit; r++) {
    const row = table.rows[r] ?? []
    const columns: Partial<Record<ColumnKey, number>> = {}
    const issues: ImportIssue[] = []
    let known = 0
    row.forEach((cell, c) => {
      if (isBlank(cell)) return
      const spec = HEADER_LOOKUP.get(normalizeHeader(cellText(cell)))
      if (!spec) return
      known++
      if (columns[spec.key] !== undefined) {
        issues.push({
          sheet: table.sheet,
          row: r + 1,
          column: columnLetter(c),
          columnName: spec.header,
          message: `列“${spec.header}”出现了两次(另一处在 ${columnLetter(columns[spec.key]!)} 列)`,
        })
      } else columns[spec.key] = c
    })
    if (known < 3) continue
    const missing: string[] = []
    if (columns.indicatorCode === undefined && columns.indicatorName === undefined) {
      missing.push('指标编码或指标名称')
    }
    if (columns.org === undefined) missing.push('单位')
    if (columns.year === undefined) missing.push('年度')
    if (columns.value === undefined) missing.push('数值')
    if (missing.length > 0) {
      issues.push({
        sheet: table.sheet,
        row: r + 1,
        column: null,
        columnName: null,
        message: `表头缺少列:${missing.join('、')}`,
      })
    }
    return issues.length > 0 ? issues : { headerIndex: r, columns }
  }
  return [
    {
      sheet: table.sheet,
      row: null,
      column: null,
      columnName: null,
      message:
        '找不到表头:第一行应为列名“指标编码、指标名称、单位、年度、数值、限定词、数据性质、来源说明”(可从模板复制)',
    },
  ]
}

// ------------------------------------------------------------------ rows

export function validateSheet(table: SheetTable, catalogue: Catalogue): ValidationResult {
  const header = findHeader(table)
  if (Array.isArray(header)) return { rows: [], errors: header, warnings: [], dataRows: 0 }
  const index = indexCatalogue(catalogue)
  const cols = header.columns
  const headerCell = (key: ColumnKey) => COLUMNS.find((c) => c.key === key)!.header
  const rows: ImportedRow[] = []
  const errors: ImportIssue[] = []
  const warnings: ImportIssue[] = []
  const seen = new Map<string, number>()
  let dataRows = 0

  for (let r = header.headerIndex + 1; r < table.rows.length; r++) {
    const cells = table.rows[r] ?? []
    if (cells.every(isBlank)) continue
    dataRows++
    const rowNo = r + 1
    const cell = (key: ColumnKey) => {
      const c = cols[key]
      return c === undefined ? undefined : cells[c]
    }
    let rowOk = true
    const issue = (key: ColumnKey | null, message: string, list = errors) => {
      if (list === errors) rowOk = false
      const c = key === null ? undefined : cols[key]
      list.push({
        sheet: table.sheet,
        row: rowNo,
        column: c === undefined ? null : columnLetter(c),
        columnName: key === null || c === undefined ? null : headerCell(key),
        message,
      })
    }

    // Indicator: by code, by name, or both (then they must agree).
    const codeText = cellText(cell('indicatorCode'))
    const nameText = cellText(cell('indicatorName'))
    let indicator: Indicator | null = null
    let byCode: Indicator | null = null
    if (codeText) {
      const hit = index.indicatorByCode.find(codeText)
      if (hit && 'found' in hit) byCode = hit.found
      else issue('indicatorCode', `找不到指标编码“${codeText}”(编码见“目录”表)`)
    }
    if (nameText) {
      const hit = index.indicatorByName.find(nameText)
      if (hit === null) {
        if (!codeText) issue('indicatorName', `找不到指标“${nameText}”(名称见“目录”表)`)
        else if (byCode) {
          issue(
            'indicatorName',
            `指标名称“${nameText}”与指标编码 ${byCode.code}(${byCode.name})不一致`,
          )
        }
      } else if ('ambiguous' in hit) {
        const matches = hit.ambiguous
        const pick = byCode && matches.includes(byCode) ? byCode : null
        if (pick) indicator = pick
        else {
          issue(
            'indicatorName',
            `指标名称“${nameText}”对应多个指标(${matches.map((i) => i.code).join('、')}),请填写指标编码`,
          )
        }
      } else if (byCode && hit.found !== byCode) {
        issue(
          'indicatorName',
          `指标名称“${nameText}”是 ${hit.found.code},与指标编码 ${byCode.code}(${byCode.name})不一致`,
        )
      } else indicator = hit.found
    }
    if (!indicator && byCode && !nameText) indicator = byCode
    if (!codeText && !nameText) {
      issue(
        cols.indicatorCode !== undefined ? 'indicatorCode' : 'indicatorName',
        '缺少指标编码或指标名称',
      )
    }

    // Organisation.
    const orgText = cellText(cell('org'))
    let org: Organization | null = null
    if (!orgText) issue('org', '缺少单位(全区数据填“通州湾示范区”)')
    else {
      const hit = index.organization.find(orgText)
      if (hit === null) issue('org', `找不到单位“${orgText}”(单位名称见“目录”表)`)
      else if ('ambiguous' in hit) {
        issue(
          'org',
          `单位“${orgText}”对应多个单位(${hit.ambiguous.map((o) => o.name).join('、')}),请填写全称`,
        )
      } else org = hit.found
    }
    if (indicator && org) {
      const problem = breakdownProblem(indicator, org)
      if (problem) issue('org', problem)
    }

    const year = parseYear(cell('year'))
    if ('error' in year) issue('year', year.error)
    const value = parseValue(cell('value'), indicator)
    if ('error' in value) issue('value', value.error)
    const qualifier = parseQualifier(cell('qualifier'))
    if ('error' in qualifier) issue('qualifier', qualifier.error)
    const status = parseStatus(cell('status'))
    if ('error' in status) issue('status', status.error)

    if (!rowOk || !indicator || !org || 'error' in year || 'error' in value) continue
    if ('error' in qualifier || 'error' in status) continue

    const observation: Observation = {
      indicatorId: indicator.id,
      orgId: org.id,
      year: year.ok,
      value: value.ok,
      qualifier: qualifier.ok,
      status: status.ok,
    }
    const key = keyOf(observation)
    const first = seen.get(key)
    if (first !== undefined) {
      issue(
        null,
        `与第 ${first} 行重复:同一指标(${indicator.code})、单位(${org.name})和年度(${year.ok})只能有一行`,
      )
      continue
    }
    seen.set(key, rowNo)
    // The contract itself, as the app will parse it: a last guard, never expected to fail.
    const checked = observationSchema.safeParse(observation)
    if (!checked.success) {
      issue(null, `不符合数据规范:${checked.error.issues.map((i) => i.message).join(';')}`)
      continue
    }
    if (indicator.kind === 'rate' && value.ok > 0 && value.ok <= 1) {
      // Excel stores a cell typed as 86.8% as 0.868 (and 100% as 1).
      const percent = +(value.ok * 100).toFixed(4)
      issue(
        'value',
        `比率 ${value.ok} 不大于 1:若单元格是百分比格式(${percent}%),数值应填 ${percent}`,
        warnings,
      )
    }
    const note = cellText(cell('note'))
    rows.push({ row: rowNo, observation: checked.data, note: note || null })
  }

  return { rows, errors, warnings, dataRows }
}
