import { Inflate, strFromU8 } from 'fflate'

/**
 * Reading a zip (an .xlsx) without trusting the sizes it declares.
 *
 * fflate's `unzipSync` inflates each entry into a buffer of the size the central directory
 * declares: a declared 4 GB is allocated as such, and data that inflates past a smaller declared
 * size is cut off without a word — after all of it has been inflated. Here the directory is read
 * first, so the caller can refuse declared sizes before anything is inflated, and each entry is
 * inflated a little at a time into a buffer of exactly its declared size: output beyond it stops
 * the inflater at once and refuses the file. So a part never takes more memory than declared, and
 * a declared size that lies is found out, at the cost of one step of output.
 */

export interface ZipEntry {
  name: string
  /** 0 stored, 8 deflate. */
  method: number
  flags: number
  /** As the central directory declares them. */
  compressedSize: number
  size: number
  /** Where the entry's local header starts. */
  offset: number
}

export class ZipError extends Error {
  /** The entry that inflates to more or less than its declared size, if that is the problem. */
  readonly sizeMismatch: string | null

  constructor(message: string, sizeMismatch: string | null = null) {
    super(message)
    this.name = 'ZipError'
    this.sizeMismatch = sizeMismatch
  }
}

/** Compressed bytes inflated per step: one step yields at most ~4 MB (deflate's limit is 1032:1). */
const STEP = 4096

const MAX_U16 = 0xffff
const MAX_U32 = 0xffffffff

/** Little-endian reads that refuse to look outside the file. */
function reader(zip: Uint8Array) {
  const need = (at: number, n: number) => {
    if (!(at >= 0 && at + n <= zip.length)) throw new ZipError('zip structure outside the file')
  }
  const u16 = (at: number) => {
    need(at, 2)
    return zip[at]! | (zip[at + 1]! << 8)
  }
  const u32 = (at: number) => u16(at) + u16(at + 2) * 0x10000
  const u64 = (at: number) => u32(at) + u32(at + 4) * 0x100000000
  return { need, u16, u32, u64 }
}

/** The entries the central directory lists, by name; a name listed twice keeps its first entry. */
export function zipEntries(zip: Uint8Array): Map<string, ZipEntry> {
  const { need, u16, u32, u64 } = reader(zip)
  // End of central directory: the last 22 bytes, unless a comment (≤ 64 kB) follows it.
  let end = zip.length - 22
  const stop = Math.max(0, end - MAX_U16)
  while (end >= stop && u32(end) !== 0x06054b50) end--
  if (end < stop) throw new ZipError('no end of central directory')
  let count = u16(end + 10)
  let at = u32(end + 16)
  // Zip64: the locator just before points at a record with the full-width count and offset.
  if (end >= 20 && u32(end - 20) === 0x07064b50) {
    const record = u64(end - 12)
    if (u32(record) === 0x06064b50) {
      count = u64(record + 32)
      at = u64(record + 48)
    }
  }
  const entries = new Map<string, ZipEntry>()
  for (let i = 0; i < count; i++) {
    if (u32(at) !== 0x02014b50) throw new ZipError('bad central directory entry')
    const flags = u16(at + 8)
    const nameLength = u16(at + 28)
    const extraLength = u16(at + 30)
    need(at + 46, nameLength + extraLength)
    const name = strFromU8(zip.subarray(at + 46, at + 46 + nameLength), !(flags & 0x800))
    let size = u32(at + 24)
    let compressedSize = u32(at + 20)
    let offset = u32(at + 42)
    // Zip64 extra field: the full-width values of those that are 0xffffffff, in this order.
    for (let x = at + 46 + nameLength; x + 4 <= at + 46 + nameLength + extraLength;) {
      const id = u16(x)
      let v = x + 4
      if (id === 0x0001) {
        if (size === MAX_U32) {
          size = u64(v)
          v += 8
        }
        if (compressedSize === MAX_U32) {
          compressedSize = u64(v)
          v += 8
        }
        if (offset === MAX_U32) offset = u64(v)
      }
      x += 4 + u16(x + 2)
    }
    if (!entries.has(name)) {
      entries.set(name, { name, method: u16(at + 10), flags, compressedSize, size, offset })
    }
    at += 46 + nameLength + extraLength + u16(at + 32)
  }
  return entries
}

/**
 * The entry's bytes: exactly its declared size, or a ZipError. Never holds more than the declared
 * size plus one step of output.
 */
export function inflateEntry(zip: Uint8Array, entry: ZipEntry): Uint8Array {
  const { need, u16, u32 } = reader(zip)
  if (u32(entry.offset) !== 0x04034b50) throw new ZipError(`bad local header: ${entry.name}`)
  if (entry.flags & 1) throw new ZipError(`encrypted: ${entry.name}`)
  const start = entry.offset + 30 + u16(entry.offset + 26) + u16(entry.offset + 28)
  need(start, entry.compressedSize)
  const data = zip.subarray(start, start + entry.compressedSize)
  const mismatch = () => new ZipError(`${entry.name}: not its declared size`, entry.name)
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) throw mismatch()
    return data.slice()
  }
  if (entry.method !== 8) throw new ZipError(`compression method ${entry.method}: ${entry.name}`)
  const out = new Uint8Array(entry.size)
  let filled = 0
  const inflater = new Inflate((chunk) => {
    if (filled + chunk.length > out.length) throw mismatch()
    out.set(chunk, filled)
    filled += chunk.length
  })
  try {
    for (let i = 0; i === 0 || i < data.length; i += STEP) {
      inflater.push(data.subarray(i, i + STEP), i + STEP >= data.length)
    }
  } catch (err) {
    if (err instanceof ZipError) throw err
    throw new ZipError(`cannot inflate ${entry.name}: ${(err as Error).message}`)
  }
  if (filled !== out.length) throw mismatch()
  return out
}
