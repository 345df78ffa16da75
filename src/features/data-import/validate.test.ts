// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { valueProblem } from '@/domain/observation-index'
import { formatIssue } from './issues'
import { publishedDataset, sheet } from './testing'
import type { CellValue, ImportIssue } from './types'
import { parseValue, validateSheet } from './validate'

const dataset = publishedDataset()
const catalogue = { indicators: dataset.indicators, organizations: dataset.organizations }
const check = (rows: CellValue[][]) => validateSheet(sheet(rows), catalogue)

/** The one error of a one-row sheet, as { row, column, columnName, message }. */
function onlyError(row: CellValue[]): ImportIssue {
  const result = check([row])
  expect(result.errors, JSON.stringify(result.errors)).toHaveLength(1)
  expect(result.rows).toHaveLength(0)
  return result.errors[0]!
}

describe('a valid sheet', () => {
  it('turns every row into an observation, by code, by name or both', () => {
    const result = check([
      ['XZFW-04', '深入企业开展法治服务', '通州湾示范区', 2025, 25, '余', '正式', '区司法局总结'],
      [null, '时限压缩度', '全区', 2025, 88.5, null, null, null],
      ['xzfw-05', null, 'tzw', '2025年', '1,240', '余', null, null],
      ['GPJZ-10', null, '通州湾示范区', 2025, '50%', '以上', '示例', null],
      ['XZFW-04', null, '人社', 2025, 4, null, null, null],
      [null, null, null, null, null, null, null, null],
      ['MDJF-01', null, ' 通州湾示范区 ', 2025, 100, null, null, null],
    ])
    expect(result.errors).toEqual([])
    expect(result.warnings).toEqual([])
    expect(result.dataRows).toBe(6)
    expect(result.rows.map((r) => [r.row, r.observation])).toEqual([
      [
        2,
        {
          indicatorId: 'enterprise-legal-services',
          orgId: 'tzw',
          year: 2025,
          value: 25,
          qualifier: 'approx',
          status: 'reported',
        },
      ],
      [
        3,
        {
          indicatorId: 'time-limit-compression',
          orgId: 'tzw',
          year: 2025,
          value: 88.5,
          qualifier: null,
          status: 'reported',
        },
      ],
      [
        4,
        {
          indicatorId: 'public-legal-services',
          orgId: 'tzw',
          year: 2025,
          value: 1240,
          qualifier: 'approx',
          status: 'reported',
        },
      ],
      [
        5,
        {
          indicatorId: 'pre-procedure-time-cut',
          orgId: 'tzw',
          year: 2025,
          value: 50,
          qualifier: 'at-least',
          status: 'demo',
        },
      ],
      [
        6,
        {
          indicatorId: 'enterprise-legal-services',
          orgId: 'hrss-bureau',
          year: 2025,
          value: 4,
          qualifier: null,
          status: 'reported',
        },
      ],
      [
        8,
        {
          indicatorId: 'petition-accept-rate',
          orgId: 'tzw',
          year: 2025,
          value: 100,
          qualifier: null,
          status: 'reported',
        },
      ],
    ])
    expect(result.rows[0]!.note).toBe('区司法局总结')
  })

  it('finds the header below a title row, in any column order, with full-width text', () => {
    const result = validateSheet(
      {
        sheet: '数据',
        rows: [
          ['2025年度指标填报表'],
          [],
          ['单位', '年度', '数值 ', '*指标编码', '备注(选填)'],
          ['通州湾示范区', '2025', '２０', 'ＸＺＦＷ－04', 'x'],
        ],
      },
      catalogue,
    )
    expect(result.errors).toEqual([])
    expect(result.rows[0]).toMatchObject({
      row: 4,
      note: 'x',
      observation: { indicatorId: 'enterprise-legal-services', value: 20, year: 2025 },
    })
  })

  it('warns, without blocking, about a rate that looks like an Excel percentage', () => {
    const result = check([['XZFW-03', null, '通州湾示范区', 2025, 0.868, null, null, null]])
    expect(result.errors).toEqual([])
    expect(result.rows).toHaveLength(1)
    expect(result.warnings).toHaveLength(1)
    expect(formatIssue(result.warnings[0]!)).toBe(
      '工作表「数据」第 2 行 E 列(数值):比率 0.868 不大于 1:若单元格是百分比格式(86.8%),数值应填 86.8',
    )
  })
})

describe('each kind of bad row is reported with its sheet, row and column', () => {
  it('an unknown indicator code', () => {
    expect(onlyError(['XZFW-99', null, '通州湾示范区', 2025, 1, null, null, null])).toEqual({
      sheet: '数据',
      row: 2,
      column: 'A',
      columnName: '指标编码',
      message: '找不到指标编码“XZFW-99”(编码见“目录”表)',
    })
  })

  it('an unknown indicator name', () => {
    expect(
      onlyError([null, '不存在的指标', '通州湾示范区', 2025, 1, null, null, null]),
    ).toMatchObject({
      row: 2,
      column: 'B',
      columnName: '指标名称',
      message: expect.stringContaining('找不到指标'),
    })
  })

  it('a code and a name that are two different indicators', () => {
    expect(
      onlyError(['XZFW-04', '时限压缩度', '通州湾示范区', 2025, 1, null, null, null]),
    ).toMatchObject({
      column: 'B',
      message: expect.stringContaining('与指标编码 XZFW-04'),
    })
  })

  it('neither code nor name', () => {
    expect(onlyError([null, null, '通州湾示范区', 2025, 1, null, null, null])).toMatchObject({
      column: 'A',
      message: '缺少指标编码或指标名称',
    })
  })

  it('an unknown organisation', () => {
    expect(onlyError(['XZFW-04', null, '不存在的局', 2025, 1, null, null, null])).toEqual({
      sheet: '数据',
      row: 2,
      column: 'C',
      columnName: '单位',
      message: '找不到单位“不存在的局”(单位名称见“目录”表)',
    })
  })

  it('an organisation the indicator is not split by (the app would never show it)', () => {
    // enterprise-legal-services is split by department; 三余镇 is a town.
    expect(onlyError(['XZFW-04', null, '三余镇', 2025, 1, null, null, null])).toMatchObject({
      column: 'C',
      message: expect.stringContaining('按部门细分'),
    })
    // time-limit-compression has district values only.
    const indicator = dataset.indicators.find((i) => i.breakdown === 'none')!
    expect(onlyError([indicator.code, null, '人社', 2025, 1, null, null, null])).toMatchObject({
      column: 'C',
      message: expect.stringContaining('只有全区数据'),
    })
  })

  it('a value that is not a number', () => {
    for (const [value, hint] of [
      ['3767份', '单位不要写进数值'],
      ['20余', '“余”“以上”请填在“限定词”列'],
      ['二十', ''],
      ['1.2.3', ''],
      [true, ''],
      [new Date(Date.UTC(2025, 0, 1)), ''],
    ] as const) {
      const e = onlyError(['GPJZ-07', null, '通州湾示范区', 2025, value, null, null, null])
      expect(e).toMatchObject({ row: 2, column: 'E', columnName: '数值' })
      expect(e.message).toMatch(/^数值.*不是数字/)
      expect(e.message).toContain(hint)
    }
  })

  it('a missing value', () => {
    expect(
      onlyError(['GPJZ-07', null, '通州湾示范区', 2025, null, null, null, null]),
    ).toMatchObject({
      column: 'E',
      message: '缺少数值',
    })
  })

  it('a rate outside 0–100, and a negative value', () => {
    expect(onlyError(['XZFW-03', null, '通州湾示范区', 2025, 120, null, null, null])).toMatchObject(
      {
        column: 'E',
        message: '比率应在 0–100 之间(实际为 120);86.8% 请填 86.8',
      },
    )
    expect(
      onlyError(['XZFW-03', null, '通州湾示范区', 2025, '120%', null, null, null]),
    ).toMatchObject({ column: 'E', message: expect.stringContaining('比率应在 0–100 之间') })
    expect(onlyError(['GPJZ-07', null, '通州湾示范区', 2025, -1, null, null, null])).toMatchObject({
      column: 'E',
      message: '数值不能为负数(实际为 -1)',
    })
    // A count above 100 is fine.
    expect(check([['GPJZ-07', null, '通州湾示范区', 2025, 3767, null, null, null]]).errors).toEqual(
      [],
    )
  })

  it('a missing or impossible year', () => {
    expect(onlyError(['GPJZ-07', null, '通州湾示范区', null, 1, null, null, null])).toEqual({
      sheet: '数据',
      row: 2,
      column: 'D',
      columnName: '年度',
      message: '缺少年度',
    })
    for (const year of [1999, 2101, 2024.5, '24', '二〇二五', new Date(Date.UTC(2025, 0, 1))]) {
      expect(onlyError(['GPJZ-07', null, '通州湾示范区', year, 1, null, null, null])).toMatchObject(
        {
          column: 'D',
          message: expect.stringMatching(/年度.*(四位年份|不是 2000–2100)/),
        },
      )
    }
  })

  it('a qualifier or status outside the lists', () => {
    expect(onlyError(['GPJZ-07', null, '通州湾示范区', 2025, 1, '左右', null, null])).toMatchObject(
      {
        column: 'F',
        columnName: '限定词',
      },
    )
    expect(onlyError(['GPJZ-07', null, '通州湾示范区', 2025, 1, null, '草稿', null])).toMatchObject(
      {
        column: 'G',
        columnName: '数据性质',
      },
    )
  })

  it('a duplicate row (same indicator, organisation and year), named against the first', () => {
    const result = check([
      ['GPJZ-07', null, '通州湾示范区', 2025, 1, null, null, null],
      ['GPJZ-05', null, '通州湾示范区', 2025, 1, null, null, null],
      [null, '存量文件监测', '全区', '2025', 2, null, null, null],
    ])
    expect(result.errors).toEqual([
      {
        sheet: '数据',
        row: 4,
        column: null,
        columnName: null,
        message: '与第 2 行重复:同一指标(GPJZ-07)、单位(通州湾示范区)和年度(2025)只能有一行',
      },
    ])
    expect(formatIssue(result.errors[0]!)).toMatch(/^工作表「数据」第 4 行\(整行\):与第 2 行重复/)
  })

  it('every problem of every row, not only the first', () => {
    const result = check([
      ['XZFW-99', null, '不存在的局', null, 'abc', '左右', '草稿', null],
      ['GPJZ-07', null, '通州湾示范区', 2025, 1, null, null, null],
      ['GPJZ-07', null, '通州湾示范区', 2025, 2, null, null, null],
    ])
    expect(result.errors.map((e) => `${e.row}${e.column ?? '*'}`)).toEqual([
      '2A',
      '2C',
      '2D',
      '2E',
      '2F',
      '2G',
      '4*',
    ])
    expect(result.rows).toHaveLength(1)
  })

  it('a header without the required columns', () => {
    const result = validateSheet(
      {
        sheet: '数据',
        rows: [
          ['指标编码', '单位', '备注'],
          ['XZFW-04', '全区', ''],
        ],
      },
      catalogue,
    )
    expect(result.errors).toEqual([
      {
        sheet: '数据',
        row: 1,
        column: null,
        columnName: null,
        message: '表头缺少列:年度、数值',
      },
    ])
    const none = validateSheet(
      {
        sheet: 'x.csv',
        rows: [
          ['a', 'b'],
          ['1', '2'],
        ],
      },
      catalogue,
    )
    expect(none.errors[0]!.message).toMatch(/^找不到表头/)
  })
})

describe('the value rules agree with the app (valueProblem in src/domain/observation-index.ts)', () => {
  it('rejects exactly what the app would show as an error', () => {
    const rate = dataset.indicators.find((i) => i.kind === 'rate')!
    const count = dataset.indicators.find((i) => i.kind === 'count')!
    for (const indicator of [rate, count]) {
      for (const value of [-0.1, 0, 0.5, 1, 50, 100, 100.01, 3767, 1e9]) {
        const parsed = parseValue(value, indicator)
        expect('error' in parsed, `${indicator.kind} ${value}`).toBe(
          valueProblem(indicator, value) !== null,
        )
      }
    }
  })
})
