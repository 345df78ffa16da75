/**
 * Start tags found in XML bytes without building anything: enough to learn a workbook's sheets and
 * relationships, and how far a sheet reaches, before read-excel-file is given it.
 *
 * The scan reads markup as read-excel-file's parser (saxen) does: a tag ends at the first > outside
 * quotes; comments, CDATA and processing instructions are skipped; a prefix (x:row, x:r) is
 * dropped; attribute values have their character references decoded. Where it is unsure it finds
 * more rather than less (names are matched leniently, an unquoted value is still read), so a sheet
 * cannot reach further than the scan says.
 */

const LT = 0x3c
const GT = 0x3e
const SLASH = 0x2f
const COLON = 0x3a
const EQUALS = 0x3d
const BANG = 0x21
const QUESTION = 0x3f
const DQUOTE = 0x22
const SQUOTE = 0x27

const isSpace = (b: number | undefined) => b === 0x20 || (b !== undefined && b > 8 && b < 14)

const spelled = new Map<string, number[]>()
/** A name's char codes (ASCII names only), computed once per name. */
function bytesOf(name: string): number[] {
  let bytes = spelled.get(name)
  if (!bytes) spelled.set(name, (bytes = Array.from(name, (c) => c.charCodeAt(0))))
  return bytes
}

const startsWith = (xml: Uint8Array, at: number, seq: number[]) =>
  seq.every((b, k) => xml[at + k] === b)

/** Where `seq` next starts at or after `from`, or -1. */
function find(xml: Uint8Array, seq: number[], from: number): number {
  for (let i = xml.indexOf(seq[0]!, from); i >= 0; i = xml.indexOf(seq[0]!, i + 1)) {
    if (startsWith(xml, i, seq)) return i
  }
  return -1
}

const COMMENT = bytesOf('<!--')
const COMMENT_END = bytesOf('-->')
const CDATA = bytesOf('<![CDATA[')
const CDATA_END = bytesOf(']]>')
const PI_END = bytesOf('?>')

/** The first > at or after `from` outside quotes (a quote without a partner counts as text). */
function tagEnd(xml: Uint8Array, from: number): number {
  for (let i = from; i < xml.length; i++) {
    const b = xml[i]
    if (b === GT) return i
    if (b === DQUOTE || b === SQUOTE) {
      const q = xml.indexOf(b, i + 1)
      if (q >= 0) i = q
    }
  }
  return -1
}

/** Whether bytes [from, to) spell `name` (as char codes). */
function spells(xml: Uint8Array, from: number, to: number, name: number[]): boolean {
  if (to - from !== name.length) return false
  for (let k = 0; k < name.length; k++) if (xml[from + k] !== name[k]) return false
  return true
}

/**
 * Calls `visit` for each start tag whose local name is one of `names`, with the range of its
 * attributes; `visit` returns true to stop the scan.
 */
export function forEachTag(
  xml: Uint8Array,
  names: readonly string[],
  visit: (name: string, from: number, to: number) => boolean | void,
): void {
  const wanted = names.map(bytesOf)
  for (let i = xml.indexOf(LT); i >= 0;) {
    const next = xml[i + 1]
    let end: number
    if (next === BANG && startsWith(xml, i, COMMENT)) {
      end = find(xml, COMMENT_END, i + 4)
      if (end >= 0) end += 2
    } else if (next === BANG && startsWith(xml, i, CDATA)) {
      end = find(xml, CDATA_END, i + 9)
      if (end >= 0) end += 2
    } else if (next === QUESTION) {
      end = find(xml, PI_END, i + 2)
      if (end >= 0) end += 1
    } else {
      end = tagEnd(xml, i + 1)
      if (end >= 0 && next !== SLASH && next !== BANG) {
        let j = i + 1
        let local = j
        for (; j < end && !isSpace(xml[j]) && xml[j] !== SLASH; j++) {
          if (xml[j] === COLON) local = j + 1
        }
        for (let w = 0; w < wanted.length; w++) {
          if (spells(xml, local, j, wanted[w]!)) {
            if (visit(names[w]!, j, end)) return
            break
          }
        }
      }
    }
    if (end < 0) return
    i = xml.indexOf(LT, end + 1)
  }
}

const decoder = new TextDecoder('utf-8')

/** Bytes as text: short ASCII by hand (a sheet has millions of cell references), else decoded. */
function text(xml: Uint8Array, from: number, to: number): string {
  if (to - from <= 32) {
    let s = ''
    for (let k = from; k < to; k++) {
      const b = xml[k]!
      if (b >= 0x80) return decoder.decode(xml.subarray(from, to))
      s += String.fromCharCode(b)
    }
    return s
  }
  return decoder.decode(xml.subarray(from, to))
}

const ENTITY = /&#(\d+);|&#x([0-9a-f]+);|&(\w+);/gi
const NAMED: Record<string, string> = { amp: '&', apos: "'", gt: '>', lt: '<', quot: '"' }

/** Character references decoded as saxen decodes them. */
export function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s
  return s.replace(ENTITY, (whole, dec?: string, hex?: string, name?: string) => {
    if (name) return NAMED[name.toLowerCase()] ?? whole
    return String.fromCharCode(dec ? Number(dec) : parseInt(hex!, 16))
  })
}

/**
 * Calls `visit` with each attribute (local name, decoded value) in a tag's range; with `only`, just
 * the attributes of that local name (the others are passed over without being decoded).
 */
export function forEachAttribute(
  xml: Uint8Array,
  from: number,
  to: number,
  visit: (name: string, value: string) => void,
  only?: string,
): void {
  const onlyBytes = only === undefined ? null : bytesOf(only)
  let k = from
  while (k < to) {
    while (k < to && (isSpace(xml[k]) || xml[k] === SLASH)) k++
    if (k >= to) return
    let local = k
    for (; k < to && xml[k] !== EQUALS && !isSpace(xml[k]); k++) {
      if (xml[k] === COLON) local = k + 1
    }
    const nameEnd = k
    while (k < to && isSpace(xml[k])) k++
    if (xml[k] !== EQUALS) continue
    k++
    while (k < to && isSpace(xml[k])) k++
    const quote = xml[k]
    let valueFrom = k
    let valueTo: number
    if (quote === DQUOTE || quote === SQUOTE) {
      valueFrom = k + 1
      valueTo = xml.indexOf(quote, valueFrom)
      if (valueTo < 0 || valueTo > to) valueTo = to
      k = valueTo + 1
    } else {
      while (k < to && !isSpace(xml[k])) k++
      valueTo = k
    }
    if (onlyBytes && !spells(xml, local, nameEnd, onlyBytes)) continue
    visit(only ?? text(xml, local, nameEnd), decodeEntities(text(xml, valueFrom, valueTo)))
  }
}

/** A tag's attributes by local name (the first of a repeated name). */
export function attributes(xml: Uint8Array, from: number, to: number): Record<string, string> {
  const found: Record<string, string> = {}
  forEachAttribute(xml, from, to, (name, value) => {
    if (!(name in found)) found[name] = value
  })
  return found
}

/** Row and column of a cell reference as read-excel-file computes them: "AA12" → [12, 27]. */
function cellAddress(ref: string): [number, number] {
  let column = 0
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i)
    if (c >= 48 && c <= 57) return [Number(ref.slice(i)), column]
    column = column * 26 + c - 64
  }
  return [0, column]
}

/**
 * How far a sheet's XML reaches: the last row number and the widest column any <row> or <c> uses
 * (by its r attribute, or by counting where it has none). The scan stops once either passes
 * `stopAt`. Counts what read-excel-file would lay out, empty cells included, and never less.
 */
export function sheetExtent(
  xml: Uint8Array,
  stopAt: { rows: number; columns: number } = { rows: Infinity, columns: Infinity },
): { rows: number; columns: number } {
  let rows = 0
  let columns = 0
  let row = 0
  let column = 0
  const rowRef = (_: string, value: string) => {
    const n = Number(value)
    if (n > row) row = n
  }
  const cellRef = (_: string, value: string) => {
    const [r, c] = cellAddress(value)
    if (c > column) column = c
    if (r > row) row = r
  }
  forEachTag(xml, ['row', 'c'], (name, from, to) => {
    if (name === 'row') {
      row += 1
      column = 0
      forEachAttribute(xml, from, to, rowRef, 'r')
    } else {
      column += 1
      forEachAttribute(xml, from, to, cellRef, 'r')
      if (column > columns) columns = column
    }
    if (row > rows) rows = row
    return rows > stopAt.rows || columns > stopAt.columns
  })
  return { rows, columns }
}
