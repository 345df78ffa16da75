// @vitest-environment node
import { execFile } from 'node:child_process'
import {
  chmodSync,
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { main, type Io } from './data-import'
import { toCsv } from '@/lib/csv'
import { importWorkbook, REPO, zipBomb } from '../src/features/data-import/testing'

// Whole workbooks are zipped and parsed: generous on a busy 2-core CI machine.
vi.setConfig({ testTimeout: 30_000 })

/**
 * `npm run data:import`: all or nothing. A good file replaces the four dataset files in one swap;
 * a bad one prints every error with sheet, row and column and leaves the folder untouched.
 */

const HEADER = ['指标编码', '指标名称', '单位', '年度', '数值', '限定词', '数据性质', '来源说明']

let work: string
let dataDir: string

function run(argv: string[]) {
  const out: string[] = []
  const err: string[] = []
  const io: Io = {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    now: () => new Date('2026-12-01T02:00:00Z'),
  }
  return main(argv, io, work).then((code) => ({ code, out, err }))
}

/** Every file of the folder with its bytes, to prove nothing changed. */
function snapshot(dir: string) {
  return Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]))
}

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'data-import-'))
  dataDir = join(work, 'public/data')
  cpSync(resolve(REPO, 'public/data'), dataDir, { recursive: true })
  writeFileSync(join(dataDir, 'README.txt'), 'kept')
  chmodSync(dataDir, 0o755)
})

afterEach(() => {
  rmSync(work, { recursive: true, force: true })
})

describe('npm run data:import', () => {
  it('writes a valid file into the dataset, all five files in one swap', async () => {
    const file = join(work, 'dept.csv')
    writeFileSync(
      file,
      toCsv([
        HEADER,
        ['XZFW-04', null, '通州湾示范区', 2025, 25, '余', null, '区司法局'],
        ['GPJZ-02', null, '通州湾示范区', 2024, 52, null, null, null],
        ['XZFW-01', null, '通州湾示范区', 2024, 100, null, null, null],
      ]),
    )
    const before = snapshot(dataDir)
    const { code, out, err } = await run([file])
    expect(err).toEqual([])
    expect(code).toBe(0)
    expect(out[0]).toMatch(/3 行.*新增 1 条,修改 1 条,不变 1 条$/)
    const after = snapshot(dataDir)
    expect(after['README.txt']).toBe('kept')
    expect(after['indicators.json']).toBe(before['indicators.json'])
    expect(after['facts.json']).toBe(before['facts.json'])
    expect(after['organizations.json']).toBe(before['organizations.json'])
    const meta = JSON.parse(after['meta.json']!)
    expect(meta.years).toContain(2025)
    expect(meta.updatedAt).toBe('2026-12-01T10:00:00+08:00')
    const items = JSON.parse(after['observations.json']!).items
    expect(items).toContainEqual({
      indicatorId: 'gov-contracts-reviewed',
      orgId: 'tzw',
      year: 2024,
      value: 52,
      qualifier: null,
      status: 'reported',
    })
    expect(statSync(dataDir).mode & 0o777).toBe(0o755)
    // No temporary folder is left behind.
    expect(readdirSync(join(work, 'public')).sort()).toEqual(['data'])
  })

  it('prints every error with sheet, row and column, exits 1 and changes nothing', async () => {
    const file = join(work, 'bad.csv')
    writeFileSync(
      file,
      toCsv([
        HEADER,
        ['XZFW-04', null, '通州湾示范区', 2025, 25, '余', null, null],
        ['XZFW-99', null, '通州湾示范区', 2025, 1, null, null, null],
        ['XZFW-04', null, '不存在的局', 2025, 1, null, null, null],
        ['XZFW-03', null, '通州湾示范区', 2025, 120, null, null, null],
        ['GPJZ-07', null, '通州湾示范区', 2025, '3767份', null, null, null],
        ['GPJZ-07', null, '通州湾示范区', null, 1, null, null, null],
        ['XZFW-04', null, '通州湾示范区', 2025, 26, null, null, null],
      ]),
    )
    const before = snapshot(dataDir)
    const { code, out, err } = await run([file])
    expect(code).toBe(1)
    expect(out).toEqual([])
    expect(err).toEqual([
      '错误 工作表「bad.csv」第 3 行 A 列(指标编码):找不到指标编码“XZFW-99”(编码见“目录”表)',
      '错误 工作表「bad.csv」第 4 行 C 列(单位):找不到单位“不存在的局”(单位名称见“目录”表)',
      '错误 工作表「bad.csv」第 5 行 E 列(数值):比率应在 0–100 之间(实际为 120);86.8% 请填 86.8',
      '错误 工作表「bad.csv」第 6 行 E 列(数值):数值“3767份”不是数字;单位不要写进数值',
      '错误 工作表「bad.csv」第 7 行 D 列(年度):缺少年度',
      '错误 工作表「bad.csv」第 8 行(整行):与第 2 行重复:同一指标(XZFW-04)、单位(通州湾示范区)和年度(2025)只能有一行',
      `共 6 处错误(7 行数据)。未写入任何文件,${dataDir} 保持不变。`,
    ])
    expect(snapshot(dataDir)).toEqual(before)
    expect(readdirSync(join(work, 'public'))).toEqual(['data'])
  })

  it('publishes periods, targets and facts from the sheets 数据, 目标 and 定性事实', async () => {
    const file = join(work, 'all.xlsx')
    const fact = ['MDJF-S09', '矛盾纠纷化解', '排名', 2025, '调解成功率', '位居全市第一']
    writeFileSync(
      file,
      await importWorkbook({
        data: [['GPJZ-04', null, '通州湾示范区', 2025, 300, null, null, null, '2012年以来']],
        targets: [
          ['XZFW-01', null, 98, '文件', '《2025年度法治政府建设考核细则》', '网上可办率达到98%。'],
          ['ZFDW-07', null, '无', null, null, null],
        ],
        facts: [[...fact, '2025年调解成功率位居全市第一。', '二、…']],
      }),
    )
    const { code, out, err } = await run([file])
    expect(err).toEqual([])
    expect(code).toBe(0)
    expect(out).toContain('  新增 第 2 行 contracts-rechecked tzw 2025(2012年以来):300')
    expect(out).toContain(
      '  修改 工作表「目标」第 2 行 XZFW-01 目标:100(示例) → 98(《2025年度法治政府建设考核细则》)',
    )
    expect(out).toContain('  修改 工作表「目标」第 3 行 ZFDW-07 目标:160(示例) → 无')
    expect(out).toContain('  新增 工作表「定性事实」第 2 行 MDJF-S09:位居全市第一')
    const written = (name: string) => JSON.parse(readFileSync(join(dataDir, name), 'utf8')).items
    expect(written('observations.json')).toContainEqual({
      indicatorId: 'contracts-rechecked',
      orgId: 'tzw',
      year: 2025,
      value: 300,
      qualifier: null,
      status: 'reported',
      period: { kind: 'since', from: 2012 },
    })
    const indicators = written('indicators.json')
    expect(indicators.find((i: { code: string }) => i.code === 'XZFW-01').target).toEqual({
      value: 98,
      origin: {
        kind: 'document',
        document: '2025年度法治政府建设考核细则',
        sentence: '网上可办率达到98%。',
      },
    })
    expect(indicators.find((i: { code: string }) => i.code === 'ZFDW-07').target).toBeNull()
    expect(written('facts.json').at(-1)).toEqual({
      id: 'mdjf-s09',
      code: 'MDJF-S09',
      group: 'dispute-resolution',
      kind: 'ranking',
      year: 2025,
      title: '调解成功率',
      source: {
        section: '二、…',
        sentence: '2025年调解成功率位居全市第一。',
        quote: '位居全市第一',
        quoteOffset: 10,
      },
    })
  })

  it('refuses bad 统计期, 目标 and 定性事实 rows, each by sheet, row and column', async () => {
    const file = join(work, 'bad.xlsx')
    writeFileSync(
      file,
      await importWorkbook({
        data: [['GPJZ-04', null, '通州湾示范区', 2024, 283, null, null, null, '很久以来']],
        targets: [['XZFW-01', null, 120, '示例', null, null]],
        facts: [
          ['MDJF-S09', '矛盾纠纷化解', '排名', 2025, '调解', '全市第一', '位居全市前列。', '二'],
        ],
      }),
    )
    const before = snapshot(dataDir)
    const { code, err } = await run([file])
    expect(code).toBe(1)
    expect(err.slice(0, 3)).toEqual([
      '错误 工作表「数据」第 2 行 I 列(统计期):统计期“很久以来”无效:留空(当年的数),或填“2012年以来”“近3年”“单次”',
      '错误 工作表「目标」第 2 行 C 列(目标值):比率的目标值应在 0–100 之间(实际为 120);100% 请填 100',
      '错误 工作表「定性事实」第 2 行 F 列(原文):原文“全市第一”不在原句中:原文须是原句中逐字相同的一段',
    ])
    expect(snapshot(dataDir)).toEqual(before)
  })

  it('writes nothing when nothing changes, or with --dry-run', async () => {
    const exported = join(work, 'current.xlsx')
    expect((await run(['--export', exported])).code).toBe(0)
    const before = snapshot(dataDir)
    const same = await run([exported])
    expect(same.code).toBe(0)
    expect(same.out.at(-1)).toBe('数据没有变化,未写入任何文件。')
    const file = join(work, 'one.csv')
    writeFileSync(file, toCsv([HEADER, ['XZFW-04', null, '全区', 2025, 25, null, null, null]]))
    const dry = await run([file, '--dry-run'])
    expect(dry.code).toBe(0)
    expect(dry.out.at(-1)).toMatch(/^--dry-run/)
    expect(snapshot(dataDir)).toEqual(before)
  })

  it('writes a complete dataset into a new --out folder, reading the published one', async () => {
    const file = join(work, 'one.csv')
    writeFileSync(file, toCsv([HEADER, ['XZFW-04', null, '全区', 2025, 25, null, null, null]]))
    const { code } = await run([file, '--out', 'dist/data', '--base', 'public/data'])
    expect(code).toBe(0)
    expect(readdirSync(join(work, 'dist/data')).sort()).toEqual([
      'facts.json',
      'indicators.json',
      'meta.json',
      'observations.json',
      'organizations.json',
    ])
  })

  it('refuses usage errors, unreadable files and a broken current dataset with status 2', async () => {
    expect((await run([])).code).toBe(2)
    expect((await run(['--bogus'])).code).toBe(2)
    const missing = await run([join(work, 'nope.xlsx')])
    expect(missing.code).toBe(2)
    expect(missing.err[0]).toMatch(/^无法读取文件 .*ENOENT/)
    writeFileSync(join(dataDir, 'observations.json'), '{"items": [{"value": "x"}]}')
    const broken = await run([join(work, 'nope.xlsx')])
    expect(broken.code).toBe(2)
    expect(broken.err[0]).toMatch(/^当前数据有误,未做任何修改:observations\.json 不符合数据规范/)
  })

  it('exits non-zero as a real process (npm run data:import runs tsx)', async () => {
    const file = join(work, 'bad.csv')
    writeFileSync(file, toCsv([HEADER, ['XZFW-04', null, '全区', null, 1, null, null, null]]))
    const tsx = resolve(REPO, 'node_modules/.bin/tsx')
    const result = await promisify(execFile)(tsx, [resolve(REPO, 'scripts/data-import.ts'), file], {
      cwd: work,
    }).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e,
    )
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('工作表「bad.csv」第 2 行 D 列(年度):缺少年度')
  }, 30_000)

  it('refuses a zip bomb with the limit in Chinese, exits 1, and never holds it inflated', async () => {
    // 300 MB of sheet XML in a 2 MB file. Run as one node process (as tsx runs the script) that
    // reports its peak memory on exit.
    const file = join(work, 'bomb.xlsx')
    writeFileSync(file, zipBomb(300 * 1024 * 1024))
    const tsx = pathToFileURL(resolve(REPO, 'node_modules/tsx/dist/loader.mjs')).href
    const peak =
      'data:text/javascript,process.on("exit",()=>console.error("peak-rss-kb",process.resourceUsage().maxRSS))'
    const args = ['--import', tsx, '--import', peak, resolve(REPO, 'scripts/data-import.ts')]
    const result = await promisify(execFile)(process.execPath, [...args, file, '--dry-run'], {
      cwd: work,
    }).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e,
    )
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(
      '错误 工作表「bomb.xlsx」:工作簿解压后超过 100 MB(上限),请删除多余的行、列或工作表,或拆分文件后再导入',
    )
    const peakMb = Number(/peak-rss-kb (\d+)/.exec(result.stderr)![1]) / 1024
    expect(peakMb).toBeLessThan(250) // node and tsx alone take about 100 MB; the sheet is 300 MB
  }, 30_000)
})
