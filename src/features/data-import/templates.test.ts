// @vitest-environment node
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { TEMPLATE_PATHS } from '../../../scripts/data-import'
import { CATALOGUE_SHEET, DATA_SHEET, FACT_SHEET, GUIDE_SHEET, TARGET_SHEET } from './columns'
import { toCsv } from '@/lib/csv'
import { csvRows } from './csv'
import { publishedDataset, REPO } from './testing'
import { validateSheet } from './validate'
import { templateCsvRows, templateSheets } from './workbook'
import { readXlsx, writeXlsx } from './xlsx'

// Whole workbooks are zipped and parsed: generous on a busy 2-core CI machine.
vi.setConfig({ testTimeout: 30_000 })

/** The committed templates (docs/ and public/templates/) are what the generator writes today. */

const dataset = publishedDataset()
const read = (path: string) => new Uint8Array(readFileSync(resolve(REPO, path)))

describe('import templates', () => {
  it('xlsx: the same workbook in docs/ and public/templates/, equal to a fresh one', async () => {
    const [docs, served] = TEMPLATE_PATHS.xlsx.map(read)
    expect(served).toEqual(docs)
    const committed = await readXlsx(docs!)
    const fresh = await readXlsx(await writeXlsx(templateSheets(dataset)))
    expect(committed).toEqual(fresh)
    expect(committed.map((s) => s.sheet)).toEqual([
      DATA_SHEET,
      TARGET_SHEET,
      FACT_SHEET,
      CATALOGUE_SHEET,
      GUIDE_SHEET,
    ])
  })

  it('xlsx: the catalogue sheet lists every indicator and organisation', async () => {
    const [, , , catalogue] = await readXlsx(read(TEMPLATE_PATHS.xlsx[0]!))
    const cells = catalogue!.rows.flat()
    for (const i of dataset.indicators) expect(cells).toContain(i.code)
    for (const o of dataset.organizations) expect(cells).toContain(o.name)
  })

  it('csv: header only, UTF-8 with BOM, and an empty template is no error but no data', () => {
    const [docs, served] = TEMPLATE_PATHS.csv.map((p) => readFileSync(resolve(REPO, p), 'utf8'))
    expect(served).toBe(docs)
    expect(docs).toBe(toCsv(templateCsvRows()))
    const result = validateSheet({ sheet: 'csv', rows: csvRows(docs!) }, dataset)
    expect(result).toMatchObject({ errors: [], rows: [], dataRows: 0 })
  })
})
