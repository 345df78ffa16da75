/**
 * Imports a department's spreadsheet (.xlsx or .csv) into the published dataset (public/data/*.json,
 * which the build copies to dist/data): observations from the sheet 数据 (with their 统计期),
 * indicator targets from 目标 and statements without a number from 定性事实. Every row is checked
 * first; on any error nothing is written and every error is printed with its sheet, row and
 * column. Otherwise all five files are written to a temporary folder next to the target and
 * swapped in with a rename: all or nothing.
 *
 *   npm run data:import -- FILE [--out DIR] [--base DIR] [--dry-run]
 *   npm run data:import -- --export FILE.xlsx [--base DIR]     the current data as a workbook
 *   npm run data:import -- --templates                         rewrites the import templates
 *
 * --out DIR   where to write (default public/data; may be a deployed dist/data)
 * --base DIR  the current data to merge into (default: DIR of --out when it has the files, else
 *             public/data)
 * --dry-run   check and show the changes, write nothing
 *
 * Exit status: 0 written or nothing to change, 1 the file has errors, 2 usage or I/O problem.
 */
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Dataset } from '../src/domain/schemas'
import { analyseFile } from '../src/features/data-import/analyse'
import { toCsv } from '../src/lib/csv'
import { changeCount, effectiveUpdates } from '../src/features/data-import/diff'
import { periodChangeText } from '../src/features/data-import/columns'
import { targetText } from '../src/features/data-import/targets'
import { formatIssue, sortIssues } from '../src/features/data-import/issues'
import {
  DATASET_FILES,
  datasetAfterImport,
  datasetFileTexts,
  parseDataset,
  type DatasetFileName,
} from '../src/features/data-import/publish'
import {
  datasetSheets,
  templateCsvRows,
  templateSheets,
} from '../src/features/data-import/workbook'
import { writeXlsx } from '../src/features/data-import/xlsx'

export interface Io {
  out: (line: string) => void
  err: (line: string) => void
  now: () => Date
}

const defaultIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  now: () => new Date(),
}

const USAGE = `用法:
  npm run data:import -- 文件.xlsx|文件.csv [--out 目录] [--base 目录] [--dry-run]
  npm run data:import -- --export 文件.xlsx [--base 目录]
  npm run data:import -- --templates`

const hasDataset = (dir: string) => DATASET_FILES.every((f) => existsSync(join(dir, f)))

export function readDatasetDir(dir: string): Dataset {
  const files = {} as Record<DatasetFileName, unknown>
  for (const name of DATASET_FILES) {
    const path = join(dir, name)
    try {
      files[name] = JSON.parse(readFileSync(path, 'utf8'))
    } catch (err) {
      throw new Error(`无法读取 ${path}:${err instanceof Error ? err.message : String(err)}`)
    }
  }
  return parseDataset(files)
}

/**
 * Writes the files into a temporary sibling of `dir` (with whatever else `dir` holds), then swaps
 * it in with two renames. On any failure the old folder stays as it was.
 */
export function writeDatasetAtomically(dir: string, texts: Record<string, string>): void {
  const parent = dirname(dir)
  mkdirSync(parent, { recursive: true })
  const tmp = mkdtempSync(join(parent, `.${basename(dir)}.import-`))
  const old = `${tmp}.old`
  try {
    if (existsSync(dir)) {
      cpSync(dir, tmp, { recursive: true })
      chmodSync(tmp, statSync(dir).mode & 0o7777)
    } else chmodSync(tmp, 0o755)
    for (const [name, text] of Object.entries(texts)) writeFileSync(join(tmp, name), text)
    // Read back what was written before it replaces anything.
    parseDataset(
      Object.fromEntries(
        DATASET_FILES.map((f) => [f, JSON.parse(readFileSync(join(tmp, f), 'utf8'))]),
      ) as Record<DatasetFileName, unknown>,
    )
    if (existsSync(dir)) {
      renameSync(dir, old)
      try {
        renameSync(tmp, dir)
      } catch (err) {
        renameSync(old, dir)
        throw err
      }
      rmSync(old, { recursive: true, force: true })
    } else {
      renameSync(tmp, dir)
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true })
  }
}

interface Args {
  file: string | null
  out: string
  base: string | null
  dryRun: boolean
  exportTo: string | null
  templates: boolean
}

function parseArgs(argv: string[]): Args | string {
  const args: Args = {
    file: null,
    out: 'public/data',
    base: null,
    dryRun: false,
    exportTo: null,
    templates: false,
  }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    const value = () => {
      const v = argv[++i]
      if (v === undefined || v.startsWith('--')) throw new Error(`${a} 后面缺少参数`)
      return v
    }
    try {
      if (a === '--out') args.out = value()
      else if (a === '--base') args.base = value()
      else if (a === '--export') args.exportTo = value()
      else if (a === '--dry-run') args.dryRun = true
      else if (a === '--templates') args.templates = true
      else if (a === '--help' || a === '-h') return USAGE
      else if (a.startsWith('--')) return `未知选项 ${a}\n${USAGE}`
      else if (args.file === null) args.file = a
      else return `只能导入一个文件(多了“${a}”)\n${USAGE}`
    } catch (err) {
      return `${(err as Error).message}\n${USAGE}`
    }
  }
  if (!args.file && !args.exportTo && !args.templates) return `缺少要导入的文件\n${USAGE}`
  return args
}

/** Where the templates live: docs/ (kept with the docs) and public/templates/ (the app serves). */
export const TEMPLATE_PATHS = {
  xlsx: ['docs/import-template.xlsx', 'public/templates/import-template.xlsx'],
  csv: ['docs/import-template.csv', 'public/templates/import-template.csv'],
}

export async function main(
  argv: string[],
  io: Io = defaultIo,
  cwd = process.cwd(),
): Promise<number> {
  const args = parseArgs(argv)
  if (typeof args === 'string') {
    ;(args === USAGE ? io.out : io.err)(args)
    return args === USAGE ? 0 : 2
  }
  const outDir = resolve(cwd, args.out)
  const baseDir = resolve(cwd, args.base ?? (hasDataset(outDir) ? args.out : 'public/data'))

  let current: Dataset
  try {
    current = readDatasetDir(baseDir)
  } catch (err) {
    io.err(`当前数据有误,未做任何修改:${(err as Error).message}`)
    return 2
  }

  if (args.templates) {
    const xlsx = await writeXlsx(templateSheets(current))
    const csv = toCsv(templateCsvRows())
    for (const p of TEMPLATE_PATHS.xlsx) write(resolve(cwd, p), xlsx)
    for (const p of TEMPLATE_PATHS.csv) write(resolve(cwd, p), csv)
    io.out(`已写入模板:${[...TEMPLATE_PATHS.xlsx, ...TEMPLATE_PATHS.csv].join('、')}`)
    return 0
  }

  if (args.exportTo) {
    const target = resolve(cwd, args.exportTo)
    write(target, await writeXlsx(datasetSheets(current)))
    io.out(
      `已导出当前数据 ${current.observations.length} 条、目标 ${current.indicators.filter((i) => i.target).length} 个、定性事实 ${current.facts.length} 条到 ${target}(数据来自 ${baseDir})`,
    )
    return 0
  }

  const file = resolve(cwd, args.file!)
  let bytes: Uint8Array
  try {
    bytes = new Uint8Array(readFileSync(file))
  } catch (err) {
    io.err(`无法读取文件 ${file}:${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`)
    return 2
  }

  const started = performance.now()
  const analysis = await analyseFile(bytes, basename(file), current)
  const ms = Math.round(performance.now() - started)

  for (const w of sortIssues(analysis.warnings)) io.err(`提醒 ${formatIssue(w)}`)
  if (analysis.errors.length > 0) {
    for (const e of sortIssues(analysis.errors)) io.err(`错误 ${formatIssue(e)}`)
    io.err(
      `共 ${analysis.errors.length} 处错误(${analysis.dataRows} 行数据)。未写入任何文件,${outDir} 保持不变。`,
    )
    return 1
  }

  const { counts } = analysis.diff
  io.out(
    `读取 ${basename(file)}(工作表「${analysis.sheet}」)${analysis.dataRows} 行,用时 ${ms} ms:新增 ${counts.new} 条,修改 ${counts.changed} 条,不变 ${counts.unchanged} 条`,
  )
  const label = (kind: string) => (kind === 'new' ? '新增' : '修改')
  for (const c of analysis.diff.changes) {
    if (c.kind === 'unchanged') continue
    const o = c.observation
    const was = c.previous ? `${c.previous.value} → ` : ''
    const period = periodChangeText(o.period, c.previous && c.previous.period)
    io.out(
      `  ${label(c.kind)} 第 ${c.row} 行 ${o.indicatorId} ${o.orgId} ${o.year}${period ? `(${period})` : ''}:${was}${o.value}`,
    )
  }
  if (analysis.sideRows.targets > 0) {
    io.out(
      `目标 ${analysis.targets.length} 行:变化 ${changeCount(analysis.targets)} 个,不变 ${analysis.targets.length - changeCount(analysis.targets)} 个`,
    )
  }
  for (const t of analysis.targets) {
    if (t.kind === 'unchanged') continue
    io.out(
      `  ${label(t.kind)} 工作表「目标」第 ${t.row} 行 ${t.indicator.code} 目标:${targetText(t.previous)} → ${targetText(t.target)}`,
    )
  }
  if (analysis.sideRows.facts > 0) {
    io.out(
      `定性事实 ${analysis.facts.length} 行:新增 ${analysis.facts.filter((f) => f.kind === 'new').length} 条,修改 ${analysis.facts.filter((f) => f.kind === 'changed').length} 条`,
    )
  }
  for (const f of analysis.facts) {
    if (f.kind === 'unchanged') continue
    io.out(
      `  ${label(f.kind)} 工作表「定性事实」第 ${f.row} 行 ${f.fact.code}:${f.fact.source.quote}`,
    )
  }
  const updates = effectiveUpdates(analysis.diff)
  const targets = analysis.targets
    .filter((t) => t.kind !== 'unchanged')
    .map((t) => ({ indicatorId: t.indicator.id, target: t.target }))
  const facts = analysis.facts.filter((f) => f.kind !== 'unchanged').map((f) => f.fact)
  if (updates.length + targets.length + facts.length === 0) {
    io.out('数据没有变化,未写入任何文件。')
    return 0
  }
  if (args.dryRun) {
    io.out('--dry-run:只检查,未写入任何文件。')
    return 0
  }
  const next = datasetAfterImport(current, updates, io.now(), { targets, facts })
  try {
    writeDatasetAtomically(outDir, datasetFileTexts(next))
  } catch (err) {
    io.err(`写入失败,${outDir} 保持不变:${(err as Error).message}`)
    return 2
  }
  io.out(`已写入 ${outDir}(${DATASET_FILES.join('、')}),数据更新时间 ${next.meta.updatedAt}`)
  return 0
}

function write(path: string, content: Uint8Array | string) {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, content)
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code
    },
    (err: unknown) => {
      process.stderr.write(`导入失败:${err instanceof Error ? err.message : String(err)}\n`)
      process.exitCode = 2
    },
  )
}
