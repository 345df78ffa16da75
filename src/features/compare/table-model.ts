import { formatValue, NO_DATA } from '@/lib/format'
import {
  changeUnit,
  formatAttainment,
  formatDelta,
  formatPct,
  TONE_WORD,
  type ChangeTone,
} from './compare-maths'
import type { CompareModel, TableRow, ValueCell } from './compare-model'
import type { SortState } from './selection'

/**
 * The comparison table: its columns (Chinese headers with units), the text of every cell, and
 * sorting. The on-screen table and the CSV both read `cellText`, so the file holds exactly what
 * the table shows.
 */

/**
 * Demo values are written "示例 96": the mark goes first so a signed demo change ("示例 +5.6")
 * never starts with + or -, which Excel would read as a formula. Reported values stay plain
 * numbers that Excel reads as numbers.
 */
export const DEMO_MARK = '示例'

export interface Column {
  key: string
  header: string
  numeric: boolean
  /** Derived figures (differences, ratios) are labelled 派生 in the header. */
  derived?: boolean
}

export interface CellText {
  text: string
  /** A demo value: shown with a 示例 mark, written as "示例 …". */
  demo: boolean
  /** For the change columns: better or worse by the indicator's direction. */
  tone?: ChangeTone
  /** For the change columns: which way the value moved. */
  sign?: 'up' | 'down' | 'flat'
}

/** The unit all selected indicators share, or null when they differ. */
export function sharedUnit(model: Pick<CompareModel, 'indicators'>): string | null {
  const units = new Set(model.indicators.map((i) => i.unit))
  return units.size === 1 ? [...units][0]! : null
}

export function tableColumns(
  model: Pick<CompareModel, 'indicators' | 'years' | 'year' | 'hasTargets'>,
): Column[] {
  const unit = sharedUnit(model)
  const u = unit ? `(${unit})` : '(见计量单位列)'
  const du = unit
    ? `(${changeUnit(unit) === '个百分点' ? '百分点' : unit},派生)`
    : '(派生,比率为百分点)'
  const y = model.year
  return [
    { key: 'org', header: '单位', numeric: false },
    { key: 'indicator', header: '指标', numeric: false },
    { key: 'unit', header: '计量单位', numeric: false },
    ...model.years.map((year) => ({ key: `y${year}`, header: `${year}年${u}`, numeric: true })),
    { key: 'delta', header: `${y}年同比增减${du}`, numeric: true, derived: true },
    { key: 'pct', header: `${y}年同比增减率(%,派生)`, numeric: true, derived: true },
    { key: 'tone', header: `${y}年同比评价`, numeric: false },
    // No target to show (demo targets with demo data hidden): no target columns at all.
    ...(model.hasTargets
      ? [
          { key: 'target', header: `目标值${u}`, numeric: true },
          { key: 'attain', header: `${y}年目标达成度(%,派生)`, numeric: true, derived: true },
        ]
      : []),
    { key: 'rank', header: `${y}年排名`, numeric: true },
  ]
}

const figureText = (c: ValueCell): CellText => ({ text: c.figure, demo: c.demo })

function signOf(delta: number | null): CellText['sign'] {
  if (delta === null) return undefined
  return delta > 0 ? 'up' : delta < 0 ? 'down' : 'flat'
}

/** Strips the unit from a formatted change: "+12次" → "+12", "-1.5个百分点" → "-1.5". */
function deltaNumber(row: TableRow): string {
  const text = formatDelta(row.change, row.indicator.unit)
  if (row.change.delta === null) return text
  return text.slice(0, text.length - changeUnit(row.indicator.unit).length)
}

export function cellText(row: TableRow, key: string): CellText {
  const { change } = row
  switch (key) {
    case 'org':
      return { text: row.org.name, demo: false }
    case 'indicator':
      return { text: row.indicator.shortName, demo: false }
    case 'unit':
      return { text: row.indicator.unit, demo: false }
    case 'delta':
      return {
        text:
          change.reason === 'no-current' || change.reason === 'no-base'
            ? NO_DATA
            : deltaNumber(row),
        demo: change.delta !== null && change.demo,
        tone: change.tone,
        sign: signOf(change.delta),
      }
    case 'pct': {
      const text = formatPct(change)
      return {
        text: text.endsWith('%') ? text.slice(0, -1) : text,
        demo: change.pct !== null && change.demo,
        tone: change.tone,
        sign: signOf(change.delta),
      }
    }
    case 'tone':
      return {
        text: change.delta === null ? NO_DATA : TONE_WORD[change.tone],
        demo: false,
        tone: change.tone,
      }
    case 'target':
      return row.target === null
        ? { text: '无目标', demo: false }
        : { text: formatValue(row.target.value, '').figure, demo: row.target.demo }
    case 'attain': {
      if (row.target === null) return { text: '无目标', demo: false }
      const text = formatAttainment(row.attain)
      return {
        text: text.endsWith('%') ? text.slice(0, -1) : text,
        demo: row.attain.percent !== null && (row.current.demo || row.target.demo),
      }
    }
    case 'rank':
      if (row.org.type === 'district') return { text: '不参与排名', demo: false }
      if (row.rank === null) return { text: NO_DATA, demo: false }
      return { text: row.tied ? `${row.rank}(并列)` : String(row.rank), demo: false }
    default: {
      const m = /^y(\d{4})$/.exec(key)
      if (!m) return { text: '', demo: false }
      const cell = row.cells[row.years.indexOf(Number(m[1]))]
      return cell ? figureText(cell) : { text: NO_DATA, demo: false }
    }
  }
}

/** What a cell reads as, in full: the text and the demo mark. The CSV writes exactly this. */
export function cellString(c: CellText): string {
  return c.demo ? `${DEMO_MARK} ${c.text}` : c.text
}

// ------------------------------------------------------------------ sorting

const TONE_ORDER: Record<ChangeTone, number> = {
  better: 0,
  flat: 1,
  neutral: 2,
  uncertain: 3,
  worse: 4,
  none: 5,
}

const collator = new Intl.Collator('zh-Hans-CN', { numeric: true })

/** A number to sort by, or null (无数据, 数据错误, 无目标): those always go last. */
function sortValue(row: TableRow, key: string): number | null {
  switch (key) {
    case 'delta':
      return row.change.delta
    case 'pct':
      return row.change.pct
    case 'target':
      return row.target?.value ?? null
    case 'attain':
      return row.attain.percent
    case 'rank':
      return row.rank
    case 'tone':
      return row.change.delta === null ? null : TONE_ORDER[row.change.tone]
    default: {
      const m = /^y(\d{4})$/.exec(key)
      if (!m) return null
      return row.cells[row.years.indexOf(Number(m[1]))]?.value ?? null
    }
  }
}

/**
 * The rows in table order. Without a sort: by indicator (catalogue order), then organisation
 * (district, towns, departments). Text columns sort by their Chinese collation; number columns by
 * value, with 无数据 last in either direction; ties keep the default order.
 */
export function sortRows(rows: readonly TableRow[], sort: SortState | null): TableRow[] {
  const base = (a: TableRow, b: TableRow) =>
    a.indicatorOrder - b.indicatorOrder || a.orgOrder - b.orgOrder
  if (!sort) return [...rows].sort(base)
  const dir = sort.dir === 'asc' ? 1 : -1
  if (sort.key === 'org' || sort.key === 'indicator' || sort.key === 'unit') {
    // Collate each distinct name once, then sort by its position: cheap for 50,000 rows.
    const names = [...new Set(rows.map((r) => cellText(r, sort.key).text))].sort(collator.compare)
    const pos = new Map(names.map((n, i) => [n, i]))
    const keyed = rows.map((r) => ({ r, k: pos.get(cellText(r, sort.key).text)! }))
    keyed.sort((a, b) => (a.k - b.k) * dir || base(a.r, b.r))
    return keyed.map((x) => x.r)
  }
  const keyed = rows.map((r) => ({ r, v: sortValue(r, sort.key) }))
  keyed.sort((a, b) => {
    if (a.v === null || b.v === null) {
      if (a.v === null && b.v === null) return base(a.r, b.r)
      return a.v === null ? 1 : -1
    }
    return (a.v - b.v) * dir || base(a.r, b.r)
  })
  return keyed.map((x) => x.r)
}

/** Next sort on a click of a column header: descending first for numbers, ascending for text. */
export function nextSort(current: SortState | null, column: Column): SortState | null {
  const first = column.numeric ? 'desc' : 'asc'
  if (!current || current.key !== column.key) return { key: column.key, dir: first }
  if (current.dir === first) return { key: column.key, dir: first === 'desc' ? 'asc' : 'desc' }
  return null
}
