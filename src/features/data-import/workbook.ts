import type { Indicator, Observation, Organization } from '../../domain/schemas'
import {
  CATALOGUE_SHEET,
  COLUMNS,
  DATA_SHEET,
  GUIDE_SHEET,
  QUALIFIER_TEXT,
  STATUS_TEXT,
} from './columns'
import { IMPORT_LIMITS } from './limits'
import type { Catalogue, CellValue } from './types'
import type { WorkbookSheet } from './xlsx'

/**
 * The workbooks the clerk works with: the empty template and the current data. Both have the same
 * three sheets — 数据 (one row per observation), 目录 (indicator catalogue and organisations) and
 * 填写说明 — so an exported file can be edited and imported again.
 */

const KIND_TEXT: Record<Indicator['kind'], string> = {
  rate: '比率(0–100)',
  count: '数量',
  hours: '课时',
}

const BREAKDOWN_TEXT: Record<Indicator['breakdown'], string> = {
  none: '仅全区',
  town: '全区、镇/办事处',
  department: '全区、部门',
}

const ORG_TYPE_TEXT: Record<Organization['type'], string> = {
  district: '全区',
  town: '镇/办事处',
  department: '部门',
}

const GROUP_TEXT: Record<Indicator['group'], string> = {
  'admin-services': '行政服务',
  'fair-competition': '公平竞争审查(含合法性审查)',
  'enforcement-team': '执法队伍建设',
  'dispute-resolution': '矛盾纠纷化解',
}

export const DATA_HEADER: CellValue[] = COLUMNS.map((c) => c.header)

/** Drop-down lists (限定词, 数据性质) reach the last row an import may have. */
const LIST_ROWS = IMPORT_LIMITS.rows

function dataSheet(rows: CellValue[][]): WorkbookSheet {
  const col = (key: string) => String.fromCharCode(65 + COLUMNS.findIndex((c) => c.key === key))
  return {
    name: DATA_SHEET,
    header: true,
    rows: [DATA_HEADER, ...rows],
    widths: COLUMNS.map((c) => c.width),
    lists: [
      { range: `${col('qualifier')}2:${col('qualifier')}${LIST_ROWS}`, values: ['余', '以上'] },
      { range: `${col('status')}2:${col('status')}${LIST_ROWS}`, values: ['正式', '示例'] },
    ],
  }
}

/** Indicators on the left, organisations on the right, one blank column between. */
export function catalogueSheet({ indicators, organizations }: Catalogue): WorkbookSheet {
  const left: CellValue[][] = [
    ['指标编码', '指标名称', '简称', '分组', '计量单位', '类型', '可填写的单位'],
    ...indicators.map((i) => [
      i.code,
      i.name,
      i.shortName,
      GROUP_TEXT[i.group],
      i.unit,
      KIND_TEXT[i.kind],
      BREAKDOWN_TEXT[i.breakdown],
    ]),
  ]
  const right: CellValue[][] = [
    ['单位名称', '简称', '类型', '单位编码'],
    ...organizations.map((o) => [o.name, o.shortName, ORG_TYPE_TEXT[o.type], o.id]),
  ]
  const height = Math.max(left.length, right.length)
  const rows: CellValue[][] = []
  for (let r = 0; r < height; r++) {
    const l = left[r] ?? new Array<CellValue>(7).fill(null)
    rows.push([...l, null, ...(right[r] ?? [])])
  }
  return {
    name: CATALOGUE_SHEET,
    header: true,
    rows,
    widths: [12, 34, 18, 24, 10, 12, 18, 3, 22, 12, 10, 20],
  }
}

function guideSheet(): WorkbookSheet {
  const rows: CellValue[][] = [
    ['列', '怎么填'],
    ...COLUMNS.map((c) => [c.header, c.hint]),
    [],
    [
      '说明',
      '每行一个数:某个指标、某个单位、某一年度的数值。表头(第 1 行)不要改动,列的顺序可以调整。',
    ],
    ['', '同一指标、单位和年度只能有一行;已有的数会被新值替换,表中没有的数保持不变。'],
    ['', '导入前会逐行检查,有任何错误都不会导入,并列出出错的工作表、行和列。'],
    [],
    [
      '示例',
      '指标编码 XZFW-04,指标名称 深入企业开展法治服务,单位 通州湾示范区,年度 2025,数值 25,限定词 余',
    ],
    ['', '表示 2025 年全区“深入企业开展法治服务 25余次”。'],
  ]
  return { name: GUIDE_SHEET, header: true, rows, widths: [12, 100] }
}

/** The empty template: header only on 数据, the catalogue and the guide. */
export function templateSheets(catalogue: Catalogue): WorkbookSheet[] {
  return [dataSheet([]), catalogueSheet(catalogue), guideSheet()]
}

export interface ExportInput extends Catalogue {
  observations: Observation[]
}

/** One row per observation, in the template's columns. */
export function observationRows({
  indicators,
  organizations,
  observations,
}: ExportInput): CellValue[][] {
  const indicatorById = new Map(indicators.map((i) => [i.id, i]))
  const orgById = new Map(organizations.map((o) => [o.id, o]))
  return observations.map((o) => {
    const indicator = indicatorById.get(o.indicatorId)
    const org = orgById.get(o.orgId)
    const cells: Record<string, CellValue> = {
      indicatorCode: indicator?.code ?? o.indicatorId,
      indicatorName: indicator?.name ?? null,
      org: org?.name ?? o.orgId,
      year: o.year,
      value: o.value,
      qualifier: o.qualifier ? QUALIFIER_TEXT[o.qualifier] : null,
      status: STATUS_TEXT[o.status],
      note: null,
    }
    return COLUMNS.map((c) => cells[c.key] ?? null)
  })
}

/** The current data as a workbook that imports back without a change. */
export function datasetSheets(input: ExportInput): WorkbookSheet[] {
  return [dataSheet(observationRows(input)), catalogueSheet(input), guideSheet()]
}

/** The CSV template: the header row only. */
export function templateCsvRows(): CellValue[][] {
  return [DATA_HEADER]
}
