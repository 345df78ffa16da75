import { FACT_KIND_TEXT } from '../../domain/facts'
import { GROUPS } from '../../domain/groups'
import type { Fact, Indicator, Observation, Organization } from '../../domain/schemas'
import {
  CATALOGUE_SHEET,
  COLUMNS,
  columnLetter,
  DATA_SHEET,
  FACT_COLUMNS,
  FACT_SHEET,
  GUIDE_SHEET,
  periodText,
  QUALIFIER_TEXT,
  STATUS_TEXT,
  TARGET_COLUMNS,
  TARGET_ORIGIN_TEXT,
  TARGET_SHEET,
  type ColumnSpec,
} from './columns'
import { IMPORT_LIMITS } from './limits'
import type { Catalogue, CellValue } from './types'
import type { WorkbookSheet } from './xlsx'

/**
 * The workbooks the clerk works with: the empty template and the current data. Both have the same
 * five sheets — 数据 (one row per observation), 目标 (indicator targets), 定性事实 (statements
 * without a number), 目录 (indicator catalogue and organisations) and 填写说明 — so an exported
 * file can be edited and imported again.
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

/**
 * A sheet of the template's columns with its rows; drop-down lists reach the last row an import
 * may have on that sheet.
 */
function columnSheet<K extends string>(
  name: string,
  columns: ColumnSpec<K>[],
  rows: CellValue[][],
  lists: Partial<Record<K, string[]>>,
  lastRow: number,
): WorkbookSheet {
  return {
    name,
    header: true,
    rows: [columns.map((c) => c.header), ...rows],
    widths: columns.map((c) => c.width),
    lists: columns.flatMap((c, i) => {
      const values = lists[c.key]
      const col = columnLetter(i)
      return values ? [{ range: `${col}2:${col}${lastRow}`, values }] : []
    }),
  }
}

const dataSheet = (rows: CellValue[][]) =>
  columnSheet(
    DATA_SHEET,
    COLUMNS,
    rows,
    { qualifier: ['余', '以上'], status: ['正式', '示例'] },
    IMPORT_LIMITS.rows,
  )

const targetSheet = (rows: CellValue[][]) =>
  columnSheet(
    TARGET_SHEET,
    TARGET_COLUMNS,
    rows,
    { origin: Object.values(TARGET_ORIGIN_TEXT) },
    IMPORT_LIMITS.sideRows,
  )

const factSheet = (rows: CellValue[][]) =>
  columnSheet(
    FACT_SHEET,
    FACT_COLUMNS,
    rows,
    { group: GROUPS.map((g) => g.name), kind: Object.values(FACT_KIND_TEXT) },
    IMPORT_LIMITS.sideRows,
  )

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
  const columns = (sheet: string, specs: ColumnSpec<string>[]) =>
    specs.map((c, i) => [i === 0 ? sheet : '', c.header, c.hint])
  const rows: CellValue[][] = [
    ['表', '列', '怎么填'],
    ...columns(DATA_SHEET, COLUMNS),
    [],
    ...columns(TARGET_SHEET, TARGET_COLUMNS),
    [],
    ...columns(FACT_SHEET, FACT_COLUMNS),
    [],
    [
      '说明',
      '',
      '“数据”表每行一个数:某个指标、某个单位、某一年度的数值。表头(第 1 行)不要改动,列的顺序可以调整。',
    ],
    ['', '', '同一指标、单位和年度只能有一行;已有的数会被新值替换,表中没有的数保持不变。'],
    [
      '',
      '',
      '“统计期”说明数值覆盖的时间:留空为该年度一年;“2012年以来”为累计到该年度;“近3年”为到该年度为止的3年合计;“单次”为一次性事项。这样的数看板不画逐年走势、不算同比。',
    ],
    [
      '',
      '',
      '“目标”表和“定性事实”表可以不填或删除。目标只填有依据的:来自考核文件的填“文件”并写明文件和原句;演示用的填“示例”。',
    ],
    [
      '',
      '',
      '“定性事实”是报告中没有数字的表述(排名、零发生、趋势、全覆盖);“原文”须与“原句”中的一段逐字相同。',
    ],
    ['', '', '导入前会逐行检查,有任何错误都不会导入,并列出出错的工作表、行和列。'],
    [],
    [
      '示例',
      '数据',
      '指标编码 XZFW-04,指标名称 深入企业开展法治服务,单位 通州湾示范区,年度 2025,数值 25,限定词 余',
    ],
    ['', '', '表示 2025 年全区“深入企业开展法治服务 25余次”。'],
    ['', '数据', '指标编码 GPJZ-04,单位 通州湾示范区,年度 2024,数值 283,统计期 2012年以来'],
    ['', '', '表示截至 2024 年、2012年以来累计 283 份,不是 2024 年一年的数。'],
    [
      '',
      '目标',
      '指标编码 XZFW-01,目标值 100,目标来源 文件,来源文件 (考核文件标题),依据原句 (文件中规定该目标的原句)',
    ],
  ]
  return { name: GUIDE_SHEET, header: true, rows, widths: [10, 12, 100] }
}

/** The empty template: headers only on 数据, 目标 and 定性事实, the catalogue and the guide. */
export function templateSheets(catalogue: Catalogue): WorkbookSheet[] {
  return [dataSheet([]), targetSheet([]), factSheet([]), catalogueSheet(catalogue), guideSheet()]
}

export interface ExportInput extends Catalogue {
  observations: Observation[]
  facts?: Fact[]
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
      period: periodText(o.period) || null,
    }
    return COLUMNS.map((c) => cells[c.key] ?? null)
  })
}

/** One row per indicator; 目标值 empty (the row changes nothing) where it has no target. */
export function targetRows(indicators: Indicator[]): CellValue[][] {
  return indicators.map(({ code, name, target }) => {
    const origin = target?.origin
    const cells: Record<string, CellValue> = {
      indicatorCode: code,
      indicatorName: name,
      value: target?.value ?? null,
      origin: origin ? TARGET_ORIGIN_TEXT[origin.kind] : null,
      document: origin?.kind === 'document' ? origin.document : null,
      sentence: origin?.kind === 'document' ? origin.sentence : null,
    }
    return TARGET_COLUMNS.map((c) => cells[c.key] ?? null)
  })
}

/** One row per fact, in the words of the report. */
export function factRows(facts: Fact[]): CellValue[][] {
  const groupName = new Map(GROUPS.map((g) => [g.id, g.name]))
  return facts.map((f) => {
    const cells: Record<string, CellValue> = {
      code: f.code,
      group: groupName.get(f.group) ?? f.group,
      kind: FACT_KIND_TEXT[f.kind],
      year: f.year,
      title: f.title,
      quote: f.source.quote,
      sentence: f.source.sentence,
      section: f.source.section,
    }
    return FACT_COLUMNS.map((c) => cells[c.key] ?? null)
  })
}

/** The current data as a workbook that imports back without a change. */
export function datasetSheets(input: ExportInput): WorkbookSheet[] {
  return [
    dataSheet(observationRows(input)),
    targetSheet(targetRows(input.indicators)),
    factSheet(factRows(input.facts ?? [])),
    catalogueSheet(input),
    guideSheet(),
  ]
}

/** The CSV template: the header row only. */
export function templateCsvRows(): CellValue[][] {
  return [DATA_HEADER]
}
