import { IMPORT_LIMITS, limitMessages, type ImportLimits } from './limits'
import type { CellValue, SheetTable } from './types'

/**
 * .xlsx in and out, in the browser and in node alike.
 *
 * Reading uses read-excel-file (maintained, small, MIT); writing is a few SpreadsheetML parts
 * zipped with fflate (which read-excel-file itself uses). Both are loaded with a dynamic import,
 * so they cost nothing until a file is read or written.
 *
 * A workbook is not trusted (limits.ts): its zip directory is read first (zip.ts) and the parts
 * read-excel-file will look at are inflated only if their declared sizes fit the limit, each into
 * a buffer of exactly its declared size; the sheets' extent is then scanned (xml-scan.ts) before
 * anything builds rows. read-excel-file is handed only those parts, so there is nothing else for
 * it to inflate or read.
 *
 * The Content-Security-Policy: fflate's asynchronous unzip (which read-excel-file uses) hands large
 * entries (≥ 512 kB unzipped) to a Web Worker made from a blob: URL, which `script-src 'self'`
 * forbids — the promise then never settles. So the parts are re-packed without compression
 * (stored entries are never sent to a worker), and the writer zips synchronously. Neither needs
 * eval, inline script or a worker.
 */

export class SpreadsheetError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'SpreadsheetError'
  }
}

const isZip = (bytes: Uint8Array) =>
  bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04

/** The old binary .xls (an OLE2 compound file). */
export const isOle2 = (bytes: Uint8Array) =>
  bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0

export function looksLikeXlsx(bytes: Uint8Array): boolean {
  return isZip(bytes)
}

/** A sheet to read: its index among the workbook's sheet names, and the rows it may have. */
export interface SheetChoice {
  index: number
  /** The last row number the sheet may use; default the limits' `rows`. */
  rows?: number
}

export interface ReadXlsxOptions {
  /** Reads only the sheet at the index this returns (of the workbook's sheet names, in order). */
  sheet?: (names: string[]) => number
  /** Reads only these sheets, in this order, each within its own row limit. */
  sheets?: (names: string[]) => SheetChoice[]
  /** Defaults to IMPORT_LIMITS (tests give smaller ones). */
  limits?: Pick<ImportLimits, 'xmlBytes' | 'rows' | 'columns'>
}

// Where read-excel-file looks: these two at fixed paths, the others where the relationships say.
const WORKBOOK = 'xl/workbook.xml'
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels'
const RELATIONSHIP_BASES = [
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/',
  'http://purl.oclc.org/ooxml/officeDocument/relationships/',
]

/** "…/relationships/worksheet" → "worksheet" (transitional or strict); other types → undefined. */
const relationshipKind = (type = '') =>
  RELATIONSHIP_BASES.filter((base) => type.startsWith(base)).map((base) =>
    type.slice(base.length),
  )[0]

/** A relationship target as read-excel-file resolves it: "/xl/a.xml" → "xl/a.xml", "a.xml" → "xl/a.xml". */
const partPath = (target: string) => (target[0] === '/' ? target.slice(1) : `xl/${target}`)

/** ST_Xstring escapes (_x0041_ → A), as Excel writes characters XML cannot hold. */
const unescapeXstring = (s: string) =>
  s.replace(/_x([0-9a-fA-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))

/** Every sheet of a workbook (or the one `options.sheet` picks), rows from row 1, columns from A. */
export async function readXlsx(
  bytes: Uint8Array,
  options: ReadXlsxOptions = {},
): Promise<SheetTable[]> {
  if (!isZip(bytes)) throw new SpreadsheetError('文件不是有效的 .xlsx 工作簿')
  const limits = options.limits ?? IMPORT_LIMITS
  const [{ zipSync }, { zipEntries, inflateEntry, ZipError }, scan] = await Promise.all([
    import('fflate'),
    import('./zip'),
    import('./xml-scan'),
  ])

  const { sheet: one, sheets: some } = options
  const choose = some ?? (one && ((names: string[]): SheetChoice[] => [{ index: one(names) }]))
  const parts: Record<string, Uint8Array> = {}
  /** The sheets to read: name, position in the workbook (from 1), part and row limit. */
  let sheets: { name: string; number: number; path: string | undefined; rows: number }[]
  try {
    const entries = zipEntries(bytes)
    if (!entries.has(WORKBOOK))
      throw new SpreadsheetError('文件不是 .xlsx 工作簿(其中没有工作表清单)')
    let budget = limits.xmlBytes
    /** Inflates the parts that exist, if what they declare still fits the budget. */
    const inflate = (paths: (string | undefined)[]) => {
      const found = [...new Set(paths)].flatMap((p) => {
        const entry = p === undefined || p in parts ? undefined : entries.get(p)
        return entry ? [entry] : []
      })
      const declared = found.reduce((sum, e) => sum + e.size, 0)
      if (declared > budget) throw new SpreadsheetError(limitMessages.xmlBytes(limits.xmlBytes))
      budget -= declared
      for (const e of found) parts[e.name] = inflateEntry(bytes, e)
    }

    inflate([WORKBOOK_RELS, WORKBOOK])
    /** Part paths by relationship: "sheet:rId1", "sharedStrings", "styles" (the last one wins). */
    const targets = new Map<string, string>()
    const rels = parts[WORKBOOK_RELS] ?? new Uint8Array(0)
    scan.forEachTag(rels, ['Relationship'], (_, from, to) => {
      const a = scan.attributes(rels, from, to)
      const kind = relationshipKind(a.Type)
      if (kind === undefined || a.Target === undefined) return
      targets.set(kind === 'worksheet' ? `sheet:${a.Id}` : kind, partPath(a.Target))
    })
    const workbook = parts[WORKBOOK]!
    sheets = []
    scan.forEachTag(workbook, ['sheet'], (_, from, to) => {
      const a = scan.attributes(workbook, from, to)
      if (!a.name) return
      const path = targets.get(`sheet:${a.id}`)
      const name = unescapeXstring(a.name)
      sheets.push({ name, number: sheets.length + 1, path, rows: limits.rows })
    })
    if (choose) {
      const all = sheets
      const picked = choose(all.map((s) => s.name)).filter(
        (c, k, list) => all[c.index] && list.findIndex((d) => d.index === c.index) === k,
      )
      sheets = picked.map((c) => ({ ...all[c.index]!, rows: c.rows ?? limits.rows }))
    }
    if (sheets.length === 0) return []

    inflate([
      targets.get('sharedStrings') ?? 'xl/sharedStrings.xml',
      targets.get('styles') ?? 'xl/styles.xml',
      ...sheets.map((s) => s.path),
    ])
  } catch (err) {
    if (err instanceof SpreadsheetError) throw err
    if (err instanceof ZipError && err.sizeMismatch) {
      throw new SpreadsheetError(
        `文件已损坏或被改动:其中的 ${err.sizeMismatch} 解压后与记录的大小不符,无法读取`,
      )
    }
    throw new SpreadsheetError('文件已损坏或不是 .xlsx 工作簿(无法解压)')
  }

  // Every part read-excel-file is given is scanned, whichever of them it takes for a sheet: together
  // they may lay out no more rows than the sheets read may have (all sheets: as many as one), each
  // sheet's own part no more than that sheet may have, and none of them wider than a sheet may be.
  const where = sheets.length === 1 ? `工作表「${sheets[0]!.name}」` : '工作簿的工作表合计'
  const total = choose ? sheets.reduce((n, s) => n + s.rows, 0) : limits.rows
  let rows = 0
  for (const [path, xml] of Object.entries(parts)) {
    const extent = scan.sheetExtent(xml, { rows: total - rows, columns: limits.columns })
    rows += extent.rows
    const own = sheets.filter((s) => s.path === path)
    for (const s of own) {
      if (extent.rows > s.rows) {
        throw new SpreadsheetError(limitMessages.rows(`工作表「${s.name}」`, s.rows))
      }
    }
    if (rows > total) throw new SpreadsheetError(limitMessages.rows(where, total))
    if (extent.columns > limits.columns) {
      const name = own[0] ? `工作表「${own[0].name}」` : where
      throw new SpreadsheetError(limitMessages.columns(name, limits.columns))
    }
  }

  const stored = zipSync(parts, { level: 0 })
  const input =
    stored.byteOffset === 0 && stored.byteLength === stored.buffer.byteLength
      ? (stored.buffer as ArrayBuffer)
      : (stored.slice().buffer as ArrayBuffer)
  const { default: readXlsxFile, readSheet } = await import('read-excel-file/universal')
  const table = (rows: unknown[][]) =>
    rows.map((row) => row.map((c) => (c === undefined ? null : (c as CellValue))))
  try {
    if (choose) {
      const out: SheetTable[] = []
      for (const s of sheets) {
        out.push({ sheet: s.name, rows: table(await readSheet(input, s.number, { trim: true })) })
      }
      return out
    }
    const all = await readXlsxFile(input, { trim: true })
    return all.map((s) => ({ sheet: s.sheet, rows: table(s.data) }))
  } catch (err) {
    const detail = err instanceof Error && err.message ? `(${err.message})` : ''
    throw new SpreadsheetError(`无法读取工作簿内容${detail}`)
  }
}

// ------------------------------------------------------------------ writing

export interface WorkbookSheet {
  name: string
  rows: CellValue[][]
  /** Column widths in characters. */
  widths?: number[]
  /** Bold, frozen first row. */
  header?: boolean
  /** Drop-down lists: a range such as F2:F5000 and its allowed values. */
  lists?: { range: string; values: string[] }[]
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships'

/** Text as XML character data: escaped, and without the control characters XML 1.0 forbids. */
function xmlText(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}

function columnName(index: number): string {
  let n = index + 1
  let s = ''
  while (n > 0) {
    const r = (n - 1) % 26
    s = String.fromCharCode(65 + r) + s
    n = Math.floor((n - 1) / 26)
  }
  return s
}

function cellXml(value: CellValue, ref: string, style: number): string {
  const s = style ? ` s="${style}"` : ''
  if (value === null || value === '') return style ? `<c r="${ref}"${s}/>` : ''
  if (typeof value === 'number' && Number.isFinite(value)) {
    return `<c r="${ref}"${s}><v>${value}</v></c>`
  }
  if (typeof value === 'boolean') return `<c r="${ref}"${s} t="b"><v>${value ? 1 : 0}</v></c>`
  const text = value instanceof Date ? value.toISOString() : String(value)
  const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : ''
  return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${xmlText(text)}</t></is></c>`
}

function sheetXml(sheet: WorkbookSheet): string {
  const width = Math.max(1, ...sheet.rows.map((r) => r.length))
  const height = Math.max(1, sheet.rows.length)
  const parts: string[] = [
    XML_HEAD,
    `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`,
    `<dimension ref="A1:${columnName(width - 1)}${height}"/>`,
    '<sheetViews><sheetView workbookViewId="0">',
    sheet.header
      ? '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/>'
      : '',
    '</sheetView></sheetViews>',
    '<sheetFormatPr defaultRowHeight="15"/>',
  ]
  if (sheet.widths?.length) {
    parts.push('<cols>')
    sheet.widths.forEach((w, i) => {
      parts.push(`<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`)
    })
    parts.push('</cols>')
  }
  parts.push('<sheetData>')
  sheet.rows.forEach((row, r) => {
    const style = sheet.header && r === 0 ? 1 : 0
    let cells = ''
    row.forEach((value, c) => {
      cells += cellXml(value, `${columnName(c)}${r + 1}`, style)
    })
    parts.push(`<row r="${r + 1}">${cells}</row>`)
  })
  parts.push('</sheetData>')
  if (sheet.lists?.length) {
    parts.push(`<dataValidations count="${sheet.lists.length}">`)
    for (const list of sheet.lists) {
      const formula = xmlText(`"${list.values.join(',')}"`)
      parts.push(
        `<dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="${list.range}"><formula1>${formula}</formula1></dataValidation>`,
      )
    }
    parts.push('</dataValidations>')
  }
  parts.push(
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>',
  )
  parts.push('</worksheet>')
  return parts.join('')
}

const STYLES = [
  XML_HEAD,
  `<styleSheet xmlns="${NS_MAIN}">`,
  '<fonts count="2"><font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font>',
  '<font><b/><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font></fonts>',
  '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>',
  '<fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill></fills>',
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>',
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>',
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
  '<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/></cellXfs>',
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>',
  '</styleSheet>',
].join('')

/** Sheet names: at most 31 characters, none of : \ / ? * [ ]. */
function sheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Sheet'
}

/** A workbook with the given sheets, as .xlsx bytes. Deterministic: same input, same bytes. */
export async function writeXlsx(sheets: WorkbookSheet[]): Promise<Uint8Array> {
  const { strToU8, zipSync } = await import('fflate')
  const files: Record<string, Uint8Array> = {}
  const add = (path: string, xml: string) => {
    files[path] = strToU8(xml)
  }
  add(
    '[Content_Types].xml',
    XML_HEAD +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      sheets
        .map(
          (_, i) =>
            `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
        )
        .join('') +
      '</Types>',
  )
  add(
    '_rels/.rels',
    `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  )
  add(
    'xl/workbook.xml',
    `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>` +
      sheets
        .map(
          (s, i) =>
            `<sheet name="${xmlText(sheetName(s.name))}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`,
        )
        .join('') +
      '</sheets></workbook>',
  )
  add(
    'xl/_rels/workbook.xml.rels',
    `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">` +
      sheets
        .map(
          (_, i) =>
            `<Relationship Id="rId${i + 1}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
        )
        .join('') +
      `<Relationship Id="rId${sheets.length + 1}" Type="${NS_REL}/styles" Target="styles.xml"/>` +
      '</Relationships>',
  )
  add('xl/styles.xml', STYLES)
  sheets.forEach((s, i) => add(`xl/worksheets/sheet${i + 1}.xml`, sheetXml(s)))
  // A fixed timestamp keeps the bytes reproducible (templates are committed).
  return zipSync(files, { level: 6, mtime: new Date(2026, 0, 1) })
}
