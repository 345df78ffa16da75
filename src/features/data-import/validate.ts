import {
  observationSchema,
  periodSchema,
  type Indicator,
  type Observation,
  type ObservationStatus,
  type Organization,
  type Period,
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

export function isBlank(cell: CellValue | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '')
}

/** The cell as trimmed text (numbers as JavaScript writes them); '' for an empty cell. */
export function cellText(cell: CellValue | undefined): string {
  if (cell === null || cell === undefined) return ''
  if (cell instanceof Date) return cell.toISOString().slice(0, 10)
  return String(cell).normalize('NFKC').trim()
}

/**
 * The cell as the words stand, only trimmed: for text quoted from a document (原句, 原文), whose
 * full-width punctuation NFKC would turn half-width.
 */
export function cellWords(cell: CellValue | undefined): string {
  if (typeof cell !== 'string') return cellText(cell)
  return cell.trim()
}

export function describeCell(cell: CellValue | undefined): string {
  if (cell instanceof Date) return `日期 ${cell.toISOString().slice(0, 10)}`
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE'
  return `“${cellText(cell)}”`
}

// ------------------------------------------------------------------ lookups

export interface Lookup<T> {
  find(text: string): { found: T } | { ambiguous: T[] } | null
}

export function lookup<T>(items: T[], keysOf: (item: T) => string[]): Lookup<T> {
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

export type Parsed<T> = { ok: T } | { error: string }

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

/** A number cell; `label` (数值, 目标值) names it in the messages. */
export function parseNumber(
  cell: CellValue | undefined,
  indicator: Indicator | null,
  label: string,
): Parsed<number> {
  if (isBlank(cell)) return { error: `缺少${label}` }
  let value: number | null = null
  if (typeof cell === 'number') value = cell
  else if (typeof cell === 'string') {
    let text = cellText(cell)
    if (text.endsWith('%') && (indicator === null || indicator.kind === 'rate')) {
      text = text.slice(0, -1).trim()
    }
    if (NUMBER_TEXT.test(text)) value = Number(text.replace(/,/g, ''))
    else {
      const hint =
        /余|以上|多|约/.test(text) && label === '数值'
          ? ';“余”“以上”请填在“限定词”列,数值列只填数字'
          : /^[+-]?[\d.,]+\s*\D+$/.test(text)
            ? ';单位不要写进数值'
            : ''
      return { error: `${label}${describeCell(cell)}不是数字${hint}` }
    }
  } else {
    return { error: `${label}${describeCell(cell)}不是数字` }
  }
  if (!Number.isFinite(value)) return { error: `${label} ${value} 不是有限数字` }
  if (value < 0) return { error: `${label}不能为负数(实际为 ${value})` }
  return { ok: value }
}

export function parseValue(
  cell: CellValue | undefined,
  indicator: Indicator | null,
): Parsed<number> {
  const parsed = parseNumber(cell, indicator, '数值')
  if ('error' in parsed) return parsed
  const value = parsed.ok
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

/** A cell that names one of a few choices (any case, full- or half-width); undefined if none. */
export const chosen = <T>(choices: Map<string, T>, cell: CellValue | undefined): T | undefined =>
  choices.get(normalizeName(cellText(cell)).toLowerCase())

export function parseQualifier(cell: CellValue | undefined): Parsed<Qualifier | null> {
  if (isBlank(cell)) return { ok: null }
  const q = chosen(QUALIFIERS, cell)
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
  const s = chosen(STATUSES, cell)
  return s ? { ok: s } : { error: `数据性质${describeCell(cell)}无效:只能填“正式”或“示例”,或留空` }
}

const PERIOD_HELP = '留空(当年的数),或填“2012年以来”“近3年”“单次”'

/**
 * 统计期: empty = the calendar year of 年度; 2012年以来 / 自2012年以来 = since 2012; 近3年 = the
 * 3 years ending with 年度; 单次 / 一次性 = a single event. The contract's codes are accepted too
 * (since:2012, recent-years:3, one-off).
 */
export function parsePeriod(cell: CellValue | undefined): Parsed<Period | undefined> {
  if (isBlank(cell)) return { ok: undefined }
  const text = normalizeName(cellText(cell)).toLowerCase()
  let period: Period | null = null
  let m: RegExpExecArray | null
  if ((m = /^(?:自|从)?(\d{4})年?(?:以来|至今)$|^since[:：-]?(\d{4})$/.exec(text))) {
    period = { kind: 'since', from: Number(m[1] ?? m[2]) }
  } else if ((m = /^近(\d+)年$|^recent-years[:：-]?(\d+)$/.exec(text))) {
    const years = Number(m[1] ?? m[2])
    if (years < 2) return { error: `统计期${describeCell(cell)}:近N年的N至少为 2(一年的数请留空)` }
    if (years > 30) return { error: `统计期${describeCell(cell)}:近N年的N不能超过 30` }
    period = { kind: 'recent-years', years }
  } else if (['单次', '一次性', '一次', 'one-off'].includes(text)) {
    period = { kind: 'one-off' }
  }
  if (period === null) return { error: `统计期${describeCell(cell)}无效:${PERIOD_HELP}` }
  if (period.kind === 'since' && (period.from < YEAR_MIN || period.from > YEAR_MAX)) {
    return { error: `统计期${describeCell(cell)}的起始年份不在 ${YEAR_MIN}–${YEAR_MAX} 之间` }
  }
  // The contract as the app parses it: a last guard.
  const checked = periodSchema.safeParse(period)
  return checked.success ? { ok: checked.data } : { error: checked.error.issues[0]!.message }
}

// ------------------------------------------------------------------ header

export interface HeaderMap<K extends string = ColumnKey> {
  /** Row index (0-based) of the header in the sheet. */
  headerIndex: number
  columns: Partial<Record<K, number>>
}

/** What a sheet's header must hold, and how to say it is not there. */
export interface SheetLayout<K extends string> {
  columns: ColumnSpec<K>[]
  /** The required columns missing from a header (by their names), [] when all are there. */
  missing: (columns: Partial<Record<K, number>>) => string[]
  /** How many template columns make a row the header. */
  minKnown: number
  /** Said when no header is found. */
  notFound: string
}

/** The header row: the first of the first 10 rows that names at least `minKnown` known columns. */
export function findColumns<K extends string>(
  table: SheetTable,
  layout: SheetLayout<K>,
): HeaderMap<K> | ImportIssue[] {
  const byName = new Map<string, ColumnSpec<K>>()
  for (const spec of layout.columns) {
    for (const name of [spec.header, ...spec.aliases]) byName.set(normalizeHeader(name), spec)
  }
  const limit = Math.min(table.rows.length, 10)
  for (let r = 0; r < limit; r++) {
    const row = table.rows[r] ?? []
    const columns: Partial<Record<K, number>> = {}
    const issues: ImportIssue[] = []
    let known = 0
    row.forEach((cell, c) => {
      if (isBlank(cell)) return
      const spec = byName.get(normalizeHeader(cellText(cell)))
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
    if (known < layout.minKnown) continue
    const missing = layout.missing(columns)
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
    { sheet: table.sheet, row: null, column: null, columnName: null, message: layout.notFound },
  ]
}

/**
 * 找不到表头, with the columns a header must have told apart from those it may have (a department
 * may leave those out, or add columns of its own).
 */
export function headerNotFound(required: string[], optional: string[] = []): string {
  const may = optional.length > 0 ? `;可选的列:${optional.join('、')}` : ''
  return `找不到表头:第一行应为列名(可从模板复制)。必需的列:${required.join('、')}${may}`
}

/** The columns of 数据 a header needs: the indicator (by code or name), 单位, 年度, 数值. */
const DATA_REQUIRED: ColumnKey[] = ['indicatorCode', 'indicatorName', 'org', 'year', 'value']

const DATA_LAYOUT: SheetLayout<ColumnKey> = {
  columns: COLUMNS,
  minKnown: 3,
  missing: (columns) => {
    const missing: string[] = []
    if (columns.indicatorCode === undefined && columns.indicatorName === undefined) {
      missing.push('指标编码或指标名称')
    }
    if (columns.org === undefined) missing.push('单位')
    if (columns.year === undefined) missing.push('年度')
    if (columns.value === undefined) missing.push('数值')
    return missing
  },
  notFound: headerNotFound(
    ['指标编码或指标名称(有一列即可)', '单位', '年度', '数值'],
    COLUMNS.filter((c) => !DATA_REQUIRED.includes(c.key)).map((c) => c.header),
  ),
}

/** The header of a 数据 sheet. */
export function findHeader(table: SheetTable): HeaderMap | ImportIssue[] {
  return findColumns(table, DATA_LAYOUT)
}

/**
 * The data rows of a sheet under its header, each with a way to read its cells and to report a
 * problem placed at its row and column. `visit` returns the row's problems through `issue`.
 */
export interface RowContext<K extends string> {
  rowNo: number
  cell: (key: K) => CellValue | undefined
  /** An error (or, with `warning`, a warning) at this row, in the column of `key` if any. */
  issue: (key: K | null, message: string, warning?: boolean) => void
  /** Whether no error has been reported for this row so far. */
  ok: () => boolean
}

export interface SheetRows {
  errors: ImportIssue[]
  warnings: ImportIssue[]
  dataRows: number
}

/** Calls `visit` for each non-empty row; a row `visit` calls 'skip' is not counted as data. */
export function forEachRow<K extends string>(
  table: SheetTable,
  layout: SheetLayout<K>,
  header: HeaderMap<K>,
  visit: (row: RowContext<K>) => 'skip' | void,
): SheetRows {
  const out: SheetRows = { errors: [], warnings: [], dataRows: 0 }
  const cols = header.columns
  const headerOf = (key: K) => layout.columns.find((c) => c.key === key)!.header
  for (let r = header.headerIndex + 1; r < table.rows.length; r++) {
    const cells = table.rows[r] ?? []
    if (cells.every(isBlank)) continue
    let rowOk = true
    const seen = visit({
      rowNo: r + 1,
      cell: (key) => {
        const c = cols[key]
        return c === undefined ? undefined : cells[c]
      },
      issue: (key, message, warning = false) => {
        if (!warning) rowOk = false
        const c = key === null ? undefined : cols[key]
        ;(warning ? out.warnings : out.errors).push({
          sheet: table.sheet,
          row: r + 1,
          column: c === undefined ? null : columnLetter(c),
          columnName: key === null || c === undefined ? null : headerOf(key),
          message,
        })
      },
      ok: () => rowOk,
    })
    if (seen !== 'skip') out.dataRows++
  }
  return out
}

/**
 * The indicator a row names by code (指标编码), name (指标名称) or both (then they must agree),
 * with any problem reported (the row is then refused, but the indicator found, if any, still
 * guides the checks of its other cells).
 */
export function rowIndicator(
  row: RowContext<'indicatorCode' | 'indicatorName'>,
  index: CatalogueIndex,
  hasCodeColumn: boolean,
): Indicator | null {
  const codeText = cellText(row.cell('indicatorCode'))
  const nameText = cellText(row.cell('indicatorName'))
  let indicator: Indicator | null = null
  let byCode: Indicator | null = null
  if (codeText) {
    const hit = index.indicatorByCode.find(codeText)
    if (hit && 'found' in hit) byCode = hit.found
    else row.issue('indicatorCode', `找不到指标编码“${codeText}”(编码见“目录”表)`)
  }
  if (nameText) {
    const hit = index.indicatorByName.find(nameText)
    if (hit === null) {
      if (!codeText) row.issue('indicatorName', `找不到指标“${nameText}”(名称见“目录”表)`)
      else if (byCode) {
        row.issue(
          'indicatorName',
          `指标名称“${nameText}”与指标编码 ${byCode.code}(${byCode.name})不一致`,
        )
      }
    } else if ('ambiguous' in hit) {
      const matches = hit.ambiguous
      const pick = byCode && matches.includes(byCode) ? byCode : null
      if (pick) indicator = pick
      else {
        row.issue(
          'indicatorName',
          `指标名称“${nameText}”对应多个指标(${matches.map((i) => i.code).join('、')}),请填写指标编码`,
        )
      }
    } else if (byCode && hit.found !== byCode) {
      row.issue(
        'indicatorName',
        `指标名称“${nameText}”是 ${hit.found.code},与指标编码 ${byCode.code}(${byCode.name})不一致`,
      )
    } else indicator = hit.found
  }
  if (!indicator && byCode && !nameText) indicator = byCode
  if (!codeText && !nameText) {
    row.issue(hasCodeColumn ? 'indicatorCode' : 'indicatorName', '缺少指标编码或指标名称')
  }
  return indicator
}

// ------------------------------------------------------------------ rows

export function validateSheet(table: SheetTable, catalogue: Catalogue): ValidationResult {
  const header = findHeader(table)
  if (Array.isArray(header)) return { rows: [], errors: header, warnings: [], dataRows: 0 }
  const index = indexCatalogue(catalogue)
  const rows: ImportedRow[] = []
  const seen = new Map<string, number>()

  const result = forEachRow(table, DATA_LAYOUT, header, (row) => {
    const indicator = rowIndicator(row, index, header.columns.indicatorCode !== undefined)

    // Organisation.
    const orgText = cellText(row.cell('org'))
    let org: Organization | null = null
    if (!orgText) row.issue('org', '缺少单位(全区数据填“通州湾示范区”)')
    else {
      const hit = index.organization.find(orgText)
      if (hit === null) row.issue('org', `找不到单位“${orgText}”(单位名称见“目录”表)`)
      else if ('ambiguous' in hit) {
        row.issue(
          'org',
          `单位“${orgText}”对应多个单位(${hit.ambiguous.map((o) => o.name).join('、')}),请填写全称`,
        )
      } else org = hit.found
    }
    if (indicator && org) {
      const problem = breakdownProblem(indicator, org)
      if (problem) row.issue('org', problem)
    }

    const year = parseYear(row.cell('year'))
    if ('error' in year) row.issue('year', year.error)
    const value = parseValue(row.cell('value'), indicator)
    if ('error' in value) row.issue('value', value.error)
    const qualifier = parseQualifier(row.cell('qualifier'))
    if ('error' in qualifier) row.issue('qualifier', qualifier.error)
    const status = parseStatus(row.cell('status'))
    if ('error' in status) row.issue('status', status.error)
    const period = parsePeriod(row.cell('period'))
    if ('error' in period) row.issue('period', period.error)
    else if (period.ok?.kind === 'since' && 'ok' in year && period.ok.from > year.ok) {
      row.issue('period', `统计期“${period.ok.from}年以来”的起始年份晚于年度 ${year.ok}`)
    }

    if (!row.ok() || !indicator || !org || 'error' in year || 'error' in value) return
    if ('error' in qualifier || 'error' in status || 'error' in period) return

    const observation: Observation = {
      indicatorId: indicator.id,
      orgId: org.id,
      year: year.ok,
      value: value.ok,
      qualifier: qualifier.ok,
      status: status.ok,
      ...(period.ok ? { period: period.ok } : {}),
    }
    const key = keyOf(observation)
    const first = seen.get(key)
    if (first !== undefined) {
      row.issue(
        null,
        `与第 ${first} 行重复:同一指标(${indicator.code})、单位(${org.name})和年度(${year.ok})只能有一行`,
      )
      return
    }
    seen.set(key, row.rowNo)
    // The contract itself, as the app will parse it: a last guard, never expected to fail.
    const checked = observationSchema.safeParse(observation)
    if (!checked.success) {
      row.issue(null, `不符合数据规范:${checked.error.issues.map((i) => i.message).join(';')}`)
      return
    }
    if (indicator.kind === 'rate' && value.ok > 0 && value.ok <= 1) {
      // Excel stores a cell typed as 86.8% as 0.868 (and 100% as 1).
      const percent = +(value.ok * 100).toFixed(4)
      row.issue(
        'value',
        `比率 ${value.ok} 不大于 1:若单元格是百分比格式(${percent}%),数值应填 ${percent}`,
        true,
      )
    }
    const note = cellText(row.cell('note'))
    rows.push({ row: row.rowNo, observation: checked.data, note: note || null })
  })

  return { rows, ...result }
}
