// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { analyseFile } from './analyse'
import { validateFacts } from './facts'
import { readSpreadsheet } from './read-file'
import { validateTargets } from './targets'
import { FACT_HEADER, HEADER, publishedDataset, TARGET_HEADER } from './testing'
import type { CellValue, ImportIssue, SheetTable } from './types'
import { validateSheet } from './validate'

/** What the clerk reads when a file cannot be used: the file's type, the header's columns. */

const dataset = publishedDataset()
const catalogue = { indicators: dataset.indicators, organizations: dataset.organizations }

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]

async function readMessage(bytes: Uint8Array, name: string): Promise<string> {
  const result = await readSpreadsheet(bytes, name)
  return 'error' in result ? result.error.message : `read ${result.table.rows.length} rows`
}

describe('a file of a type the importer does not read', () => {
  it('is refused by its type, naming the types it reads (not 找不到表头)', async () => {
    expect(await readMessage(new Uint8Array(PNG), '照片.png')).toBe(
      '不支持 .png 类型的文件:只能导入 Excel 工作簿(.xlsx)或 CSV 文件(.csv)',
    )
    expect(await readMessage(new TextEncoder().encode('%PDF-1.4\n'), '通知.PDF')).toBe(
      '不支持 .pdf 类型的文件:只能导入 Excel 工作簿(.xlsx)或 CSV 文件(.csv)',
    )
    expect(await readMessage(new TextEncoder().encode('a,b\n1,2\n'), '数据')).toBe(
      '不支持没有扩展名的文件:只能导入 Excel 工作簿(.xlsx)或 CSV 文件(.csv)',
    )
    const analysis = await analyseFile(new Uint8Array(PNG), '照片.png', dataset)
    expect(analysis.errors.map((e) => e.message)).toEqual([
      '不支持 .png 类型的文件:只能导入 Excel 工作簿(.xlsx)或 CSV 文件(.csv)',
    ])
  })

  it('still reads a .csv (any case) as text, and a workbook whatever its name', async () => {
    const csv = new TextEncoder().encode(`${HEADER.join(',')}\n`)
    expect(await readMessage(csv, '部门数据.CSV')).toBe('read 1 rows')
    expect(await readMessage(csv, '部门数据.csv')).toBe('read 1 rows')
  })
})

/**
 * The required and the optional columns as the message names them: the text after 必需的列 up to
 * 可选的列, and after 可选的列; each name is a column's header (the first word of an entry).
 */
function namedColumns(message: string): { required: string[]; optional: string[] } {
  const m = /必需的列:([^;]*)(?:;可选的列:(.*))?$/.exec(message)
  expect(m, message).not.toBeNull()
  const names = (list: string | undefined) =>
    (list ?? '')
      .split('、')
      .filter(Boolean)
      .flatMap((entry) => entry.replace(/\(.*$/, '').split('或'))
  return { required: names(m![1]), optional: names(m![2]) }
}

/** The header `header` without the column `name`, over one blank row. */
const without = (header: string[], name: string, sheet: string): SheetTable => ({
  sheet,
  rows: [header.filter((h) => h !== name), []],
})

const headerErrors = (errors: ImportIssue[]) =>
  errors.filter((e) => /表头/.test(e.message)).map((e) => e.message)

describe('找不到表头 tells the required columns from the optional ones, as the check does', () => {
  const cases: {
    sheet: string
    header: string[]
    check: (table: SheetTable) => ImportIssue[]
  }[] = [
    { sheet: '数据', header: HEADER, check: (t) => validateSheet(t, catalogue).errors },
    { sheet: '目标', header: TARGET_HEADER, check: (t) => validateTargets(t, catalogue).errors },
    { sheet: '定性事实', header: FACT_HEADER, check: (t) => validateFacts(t, []).errors },
  ]

  for (const { sheet, header, check } of cases) {
    it(`on the sheet ${sheet}`, () => {
      const nonsense: CellValue[][] = [
        ['a', 'b', 'c'],
        ['1', '2', '3'],
      ]
      const [notFound, ...more] = headerErrors(check({ sheet, rows: nonsense }))
      expect(more).toEqual([])
      expect(notFound).toMatch(/^找不到表头:第一行应为列名/)
      const { required, optional } = namedColumns(notFound!)
      // Every column of the template is named once, as required or as optional.
      expect([...required, ...optional].sort()).toEqual([...header].sort())
      // A header without an optional column is accepted; without a required one, refused (the
      // indicator by code or by name: either alone is enough).
      for (const name of optional) {
        expect(
          headerErrors(check(without(header, name, sheet))),
          `${sheet} without ${name}`,
        ).toEqual([])
      }
      for (const name of required) {
        const alone = ['指标编码', '指标名称'].includes(name)
        const errors = headerErrors(check(without(header, name, sheet)))
        expect(errors.length > 0, `${sheet} without ${name} is refused`).toBe(!alone)
      }
    })
  }

  it('names 统计期 and the other columns a department may leave out as optional on 数据', () => {
    const [message] = headerErrors(
      validateSheet({ sheet: '数据', rows: [['a', 'b']] }, catalogue).errors,
    )
    expect(message).toBe(
      '找不到表头:第一行应为列名(可从模板复制)。必需的列:指标编码或指标名称(有一列即可)、单位、年度、数值;可选的列:限定词、数据性质、来源说明、统计期',
    )
  })
})
