// @vitest-environment node
import { describe, expect, it, vi } from 'vitest'
import type { Fact } from '@/domain/schemas'
import { analyseFile } from './analyse'
import { periodChangeText } from './columns'
import { diffFacts, diffTargets } from './diff'
import { validateFacts } from './facts'
import { formatIssue } from './issues'
import { datasetAfterImport } from './publish'
import { validateTargets } from './targets'
import { factSheet, importWorkbook, publishedDataset, sheet, targetSheet } from './testing'
import type { CellValue, ImportIssue } from './types'
import { parsePeriod, validateSheet } from './validate'

// Whole workbooks are zipped and parsed: generous on a busy 2-core CI machine.
vi.setConfig({ testTimeout: 30_000 })

/** The columns 统计期 (数据), and the sheets 目标 and 定性事实: good rows and bad ones, each placed. */

const dataset = publishedDataset()
const where = (issues: ImportIssue[]) => issues.map(formatIssue)

describe('统计期 on the sheet 数据', () => {
  // 指标编码 单位 年度 数值 … 统计期 (column I).
  const row = (period: CellValue, year: CellValue = 2024): CellValue[] => [
    'GPJZ-04',
    null,
    '通州湾示范区',
    year,
    283,
    null,
    null,
    null,
    period,
  ]

  it('reads the words and the codes; empty is the calendar year', () => {
    expect(parsePeriod(null)).toEqual({ ok: undefined })
    expect(parsePeriod('  ')).toEqual({ ok: undefined })
    for (const text of [
      '2012年以来',
      '自2012年以来',
      '2012以来',
      ' 自 2012 年以来 ',
      'since:2012',
    ]) {
      expect(parsePeriod(text), text).toEqual({ ok: { kind: 'since', from: 2012 } })
    }
    for (const text of ['近3年', '近 3 年', 'recent-years:3']) {
      expect(parsePeriod(text), text).toEqual({ ok: { kind: 'recent-years', years: 3 } })
    }
    for (const text of ['单次', '一次性', 'one-off', 'ONE-OFF']) {
      expect(parsePeriod(text), text).toEqual({ ok: { kind: 'one-off' } })
    }
  })

  it('puts the period on the observation, and none on a calendar-year row', () => {
    const result = validateSheet(
      sheet([row('2012年以来'), ['GPJZ-01', null, '全区', 2024, 169, null, null, null, '近3年']]),
      dataset,
    )
    expect(result.errors).toEqual([])
    expect(result.rows.map((r) => r.observation.period)).toEqual([
      { kind: 'since', from: 2012 },
      { kind: 'recent-years', years: 3 },
    ])
    const plain = validateSheet(sheet([row(null, 2025)]), dataset)
    expect(plain.rows[0]!.observation).not.toHaveProperty('period')
  })

  it('refuses a bad period in its row and column, with the reason in Chinese', () => {
    const result = validateSheet(
      sheet([
        row('很久以来'),
        row('近1年'),
        row('近50年'),
        row('2030年以来'),
        row('1990年以来'),
        row(2012),
      ]),
      dataset,
    )
    expect(result.rows).toEqual([])
    expect(where(result.errors)).toEqual([
      '工作表「数据」第 2 行 I 列(统计期):统计期“很久以来”无效:留空(当年的数),或填“2012年以来”“近3年”“单次”',
      '工作表「数据」第 3 行 I 列(统计期):统计期“近1年”:近N年的N至少为 2(一年的数请留空)',
      '工作表「数据」第 4 行 I 列(统计期):统计期“近50年”:近N年的N不能超过 30',
      '工作表「数据」第 5 行 I 列(统计期):统计期“2030年以来”的起始年份晚于年度 2024',
      '工作表「数据」第 6 行 I 列(统计期):统计期“1990年以来”的起始年份不在 2000–2100 之间',
      '工作表「数据」第 7 行 I 列(统计期):统计期“2012”无效:留空(当年的数),或填“2012年以来”“近3年”“单次”',
    ])
  })

  it('shows a period as the template writes it, and its change', () => {
    const since = { kind: 'since', from: 2012 } as const
    expect(periodChangeText(since, null)).toBe('2012年以来')
    expect(periodChangeText(since, since)).toBe('2012年以来')
    expect(periodChangeText(undefined, since)).toBe('2012年以来 → 当年')
    expect(periodChangeText({ kind: 'recent-years', years: 3 }, undefined)).toBe('当年 → 近3年')
    expect(periodChangeText({ kind: 'one-off' }, null)).toBe('单次')
  })

  it('counts a changed period as a change', async () => {
    const bytes = await importWorkbook({ data: [row('近12年')] })
    const analysis = await analyseFile(bytes, 'p.xlsx', dataset)
    expect(analysis.errors).toEqual([])
    expect(analysis.diff.counts).toEqual({ new: 0, changed: 1, unchanged: 0 })
    expect(analysis.diff.changes[0]!.previous?.period).toEqual({ kind: 'since', from: 2012 })
  })
})

describe('the sheet 目标', () => {
  const check = (rows: CellValue[][]) => validateTargets(targetSheet(rows), dataset)
  const indicator = (code: string) => dataset.indicators.find((i) => i.code === code)!

  it('sets a target from a document or for the demo, removes one with 无, skips a bare row', () => {
    const result = check([
      ['XZFW-01', null, 98, '文件', '《考核细则》', '网上可办率达到98%。'],
      [null, '每名新增执法人员法治培训课时', '160', '示例', null, null],
      ['XZFW-02', null, '无', null, null, null],
      ['XZFW-04', '深入企业开展法治服务', null, null, null, null],
      ['MDJF-01', null, '100%', 'document', '考核细则', '调解成功率100%。'],
    ])
    expect(result.errors).toEqual([])
    expect(result.dataRows).toBe(4)
    expect(result.rows.map((r) => [r.row, r.indicator.code, r.target])).toEqual([
      [
        2,
        'XZFW-01',
        {
          value: 98,
          origin: { kind: 'document', document: '考核细则', sentence: '网上可办率达到98%。' },
        },
      ],
      [3, 'ZFDW-07', { value: 160, origin: { kind: 'demo' } }],
      [4, 'XZFW-02', null],
      [
        6,
        'MDJF-01',
        {
          value: 100,
          origin: { kind: 'document', document: '考核细则', sentence: '调解成功率100%。' },
        },
      ],
    ])
    expect(diffTargets(result.rows).map((c) => c.kind)).toEqual([
      'changed',
      'unchanged',
      'changed',
      'changed',
    ])
  })

  it('refuses bad rows in their row and column', () => {
    const result = check([
      ['XZFW-99', null, 90, '示例', null, null],
      ['XZFW-01', null, 120, '示例', null, null],
      ['XZFW-01', null, '九十', '示例', null, null],
      ['ZFDW-07', null, -1, '示例', null, null],
      ['XZFW-02', null, 95, '文件', null, null],
      ['XZFW-03', null, 95, '文件', '考核细则', null],
      ['XZFW-05', null, 95, null, null, null],
      ['GPJZ-10', null, 95, '上级要求', null, null],
      ['MDJF-01', null, Infinity, '示例', null, null],
      ['MDJF-02', null, 100, '示例', null, null],
      ['MDJF-02', null, 99, '示例', null, null],
      [null, null, 99, '示例', null, null],
    ])
    expect(result.rows.map((r) => r.row)).toEqual([11])
    expect(where(result.errors)).toEqual([
      '工作表「目标」第 2 行 A 列(指标编码):找不到指标编码“XZFW-99”(编码见“目录”表)',
      '工作表「目标」第 3 行 C 列(目标值):比率的目标值应在 0–100 之间(实际为 120);100% 请填 100',
      '工作表「目标」第 4 行 C 列(目标值):目标值“九十”不是数字',
      '工作表「目标」第 5 行 C 列(目标值):目标值不能为负数(实际为 -1)',
      '工作表「目标」第 6 行 E 列(来源文件):目标来源为“文件”时须填写来源文件(文件标题)',
      '工作表「目标」第 6 行 F 列(依据原句):目标来源为“文件”时须填写依据原句(文件中规定该目标的那一句)',
      '工作表「目标」第 7 行 F 列(依据原句):目标来源为“文件”时须填写依据原句(文件中规定该目标的那一句)',
      '工作表「目标」第 8 行 D 列(目标来源):缺少目标来源:填“文件”(考核文件规定的目标)或“示例”',
      '工作表「目标」第 9 行 D 列(目标来源):目标来源“上级要求”无效:只能填“文件”或“示例”',
      '工作表「目标」第 10 行 C 列(目标值):目标值 Infinity 不是有限数字',
      '工作表「目标」第 12 行(整行):与第 11 行重复:指标 MDJF-02 的目标只能有一行',
      '工作表「目标」第 13 行 A 列(指标编码):缺少指标编码或指标名称',
    ])
  })

  it('warns when a demo target is given a document, which is not published', () => {
    const result = check([['XZFW-01', null, 99, '示例', '考核细则', null]])
    expect(result.errors).toEqual([])
    expect(result.rows[0]!.target).toEqual({ value: 99, origin: { kind: 'demo' } })
    expect(where(result.warnings)).toEqual([
      '工作表「目标」第 2 行 D 列(目标来源):目标来源为“示例”:来源文件和依据原句不会发布;有文件依据的目标请填“文件”',
    ])
  })

  it('needs its header', () => {
    const result = validateTargets(
      { sheet: '目标', rows: [['指标编码', '目标值', '备注']] },
      dataset,
    )
    expect(where(result.errors)).toEqual(['工作表「目标」第 1 行(整行):表头缺少列:目标来源'])
  })

  it('is published into indicators.json', () => {
    const rows = check([
      ['XZFW-01', null, 98, '文件', '考核细则', '网上可办率达到98%。'],
      ['ZFDW-07', null, '无', null, null, null],
    ]).rows
    const next = datasetAfterImport(dataset, [], new Date(), {
      targets: rows.map((r) => ({ indicatorId: r.indicator.id, target: r.target })),
    })
    const after = (code: string) => next.indicators.find((i) => i.code === code)!
    expect(after('XZFW-01').target?.origin).toEqual({
      kind: 'document',
      document: '考核细则',
      sentence: '网上可办率达到98%。',
    })
    expect(after('ZFDW-07').target).toBeNull()
    expect(after('XZFW-02')).toBe(indicator('XZFW-02'))
  })
})

describe('the sheet 定性事实', () => {
  const published = dataset.facts
  const check = (rows: CellValue[][]) => validateFacts(factSheet(rows), published)
  const sentence = '全年调处矛盾纠纷1127件,重点案件化解稳定率位居全市前列。'

  it('adds a fact under its code, keeps the id of a published one, in the report’s own words', () => {
    const old = published[0]!
    const result = check([
      [
        'MDJF-S09',
        '矛盾纠纷化解',
        '排名',
        2025,
        '重点案件化解稳定率',
        '位居全市前列',
        sentence,
        '一、…',
      ],
      [
        old.code.toLowerCase(),
        'fair-competition',
        'trend',
        '2024年',
        old.title,
        old.source.quote,
        old.source.sentence,
        old.source.section,
      ],
    ])
    expect(result.errors).toEqual([])
    const [added, same] = result.rows.map((r) => r.fact)
    expect(added).toEqual({
      id: 'mdjf-s09',
      code: 'MDJF-S09',
      group: 'dispute-resolution',
      kind: 'ranking',
      year: 2025,
      title: '重点案件化解稳定率',
      source: {
        section: '一、…',
        sentence,
        quote: '位居全市前列',
        quoteOffset: sentence.indexOf('位居'),
      },
    } satisfies Fact)
    // Full-width punctuation stays as the report writes it.
    expect(added!.source.sentence).toContain(',')
    expect(same).toEqual(old)
    expect(diffFacts(published, result.rows).map((c) => c.kind)).toEqual(['new', 'unchanged'])
  })

  it('refuses bad rows in their row and column', () => {
    const good = ['矛盾纠纷化解', '排名', 2025, '标题', '位居全市前列', sentence, '一、…']
    const result = check([
      ['MDJF-09', ...good],
      ['MDJF-S10', '法治宣传', ...good.slice(1)],
      ['MDJF-S11', '矛盾纠纷化解', '第一', ...good.slice(2)],
      ['MDJF-S12', '矛盾纠纷化解', '排名', 2025, '标题', '全市第一', sentence, '一、…'],
      ['MDJF-S13', '矛盾纠纷化解', '排名', null, null, '位居全市前列', null, null],
      ['MDJF-S14', ...good],
      ['MDJF-S14', ...good],
    ])
    expect(result.rows.map((r) => r.row)).toEqual([7])
    expect(where(result.errors)).toEqual([
      '工作表「定性事实」第 2 行 A 列(编码):编码“MDJF-09”应形如 MDJF-S01(分组字母-S两位序号)',
      '工作表「定性事实」第 3 行 B 列(分组):分组“法治宣传”不存在:只能填行政服务、公平竞争审查、执法队伍建设、矛盾纠纷化解',
      '工作表「定性事实」第 4 行 C 列(类型):类型“第一”无效:只能填排名、零发生、趋势、全覆盖',
      '工作表「定性事实」第 5 行 F 列(原文):原文“全市第一”不在原句中:原文须是原句中逐字相同的一段',
      '工作表「定性事实」第 6 行 D 列(年度):缺少年度',
      '工作表「定性事实」第 6 行 E 列(标题):缺少标题',
      '工作表「定性事实」第 6 行 G 列(原句):缺少原句(报告中含这段原文的整句)',
      '工作表「定性事实」第 6 行 H 列(出处章节):缺少出处章节',
      '工作表「定性事实」第 8 行 A 列(编码):与第 7 行重复:编码 MDJF-S14 只能有一行',
    ])
  })

  it('is published into facts.json: the same code replaced in place, a new one added', () => {
    const old = published[1]!
    const rows = check([
      ['MDJF-S09', '矛盾纠纷化解', '排名', 2025, '标题', '位居全市前列', sentence, '一、…'],
      [
        old.code,
        '公平竞争审查',
        '零发生',
        2025,
        old.title,
        old.source.quote,
        old.source.sentence,
        old.source.section,
      ],
    ]).rows
    const next = datasetAfterImport(dataset, [], new Date(), { facts: rows.map((r) => r.fact) })
    expect(next.facts).toHaveLength(published.length + 1)
    expect(next.facts[1]).toEqual({ ...old, year: 2025 })
    expect(next.facts.at(-1)!.code).toBe('MDJF-S09')
  })
})

describe('a workbook with 目标 and 定性事实', () => {
  it('reads them beside 数据, or alone; their errors block the whole file', async () => {
    const alone = await analyseFile(
      await importWorkbook({ targets: [['XZFW-01', null, 99, '示例', null, null]] }),
      'targets.xlsx',
      dataset,
    )
    expect(alone.errors).toEqual([])
    expect(alone.sideRows).toEqual({ targets: 1, facts: 0 })
    expect(alone.targets.map((t) => [t.kind, t.target?.value])).toEqual([['changed', 99]])

    const bad = await analyseFile(
      await importWorkbook({
        data: [['XZFW-04', null, '全区', 2025, 25, '余', null, null, null]],
        targets: [['XZFW-01', null, 99, '文件', null, '原句']],
      }),
      'bad.xlsx',
      dataset,
    )
    expect(where(bad.errors)).toEqual([
      '工作表「目标」第 2 行 E 列(来源文件):目标来源为“文件”时须填写来源文件(文件标题)',
    ])
    expect(bad.diff.counts).toEqual({ new: 0, changed: 0, unchanged: 0 })
    expect(bad.targets).toEqual([])
  })

  it('says so when the published facts are unknown', async () => {
    const bytes = await importWorkbook({
      facts: [['MDJF-S09', '矛盾纠纷化解', '排名', 2025, '标题', '第一', '全市第一。', '二']],
    })
    const { facts: _published, ...withoutFacts } = dataset
    const analysis = await analyseFile(bytes, 'f.xlsx', withoutFacts)
    expect(analysis.errors).toEqual([])
    expect(where(analysis.warnings)).toEqual([
      '工作表「定性事实」:看板当前的定性事实(facts.json)未能读取,下表无法区分新增和修改;发布时以管理员的数据为准',
    ])
  })

  it('an empty template is no data', async () => {
    const empty = await analyseFile(
      await importWorkbook({ data: [], targets: [], facts: [] }),
      'empty.xlsx',
      dataset,
    )
    expect(where(empty.errors)).toEqual(['工作表「数据」:表中没有数据行(表头下方是空的)'])
  })
})
