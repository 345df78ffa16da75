/**
 * Bundle budgets of the production build, from the bytes alone (no browser, no timing):
 *   npm run build && npm run budget [-- --dist dist --out bench/budget.json]
 *
 * What counts (gzip -9 of each file, as a static host with gzip would send it):
 *   - initial JS:  the <script type="module"> entries of dist/index.html plus everything they import
 *                  statically (`import … from "./x.js"`, `import "./x.js"`, `export … from`),
 *                  followed recursively. Dynamic `import()` is not followed.
 *   - initial CSS: the <link rel="stylesheet"> files of dist/index.html.
 *   - preloaded:   the <link rel="modulepreload"> chunks and their static imports, less what initial
 *                  JS already has. Today: the ECharts chunk `echart-impl-*.js` and what it imports
 *                  (the ECharts code may sit in a shared chunk such as `core-*.js`).
 *   - ECharts:     the part of `preloaded` reached from `echart-impl-*.js`. Missing = no preload
 *                  hint: the overview would fetch ECharts only after its first render (a warning).
 *   - overview JS: initial JS ∪ the preloaded chunks ∪ their static imports — all the JS the
 *                  overview page (#/) needs before its charts can draw. Each file counted once.
 *   - lazy:        every other .js / .css in dist/assets, listed one by one.
 * Budgets: initial JS ≤ 150 KiB gzip, overview JS ≤ 350 KiB gzip. Exits 1 when over budget,
 * 2 when dist/ is missing or unreadable. The output (bench/budget.json) holds no date or timing,
 * so the same build always gives the same file.
 *
 * `computeBudget()` and `formatBudgetTable()` are exported for scripts/bench/run.mjs.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, posix, relative, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { gzipSync } from 'node:zlib'

const KIB = 1024
/** The lazy chunk of src/lib/echarts/echart-impl.tsx (vite.config.ts preloads it). */
const ECHARTS_CHUNK = /(^|\/)echart-impl-[^/]*\.js$/

export const BUDGETS = {
  /** React + ReactDOM alone are ≈ 60 KiB gzip; the rest is the app, react-query, zod, zustand. */
  initialJs: 150 * KIB,
  /** Initial JS plus the ECharts chunk (ECharts core + 4 chart types + zrender ≈ 200 KiB gzip). */
  overviewJs: 350 * KIB,
}

// ------------------------------------------------------------------ parsing

/** The value of one attribute in a tag's text, or null. */
function attr(tag, name) {
  const m = tag.match(new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i'))
  return m ? (m[1] ?? m[2] ?? m[3]) : null
}

/** The files index.html references: module entries, stylesheets and modulepreloads. */
export function parseIndexHtml(html) {
  const entries = []
  const stylesheets = []
  const modulepreloads = []
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attr(tag, 'src')
    if (src && (attr(tag, 'type') ?? '').toLowerCase() === 'module') entries.push(src)
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = (attr(tag, 'rel') ?? '').toLowerCase().split(/\s+/)
    const href = attr(tag, 'href')
    if (!href) continue
    if (rel.includes('stylesheet')) stylesheets.push(href)
    if (rel.includes('modulepreload')) modulepreloads.push(href)
  }
  return { entries, stylesheets, modulepreloads }
}

/**
 * The static import specifiers of a built ES module. Covers the minified forms Rollup/Rolldown
 * write: `import{a as b}from"./x.js"`, `import x,*as y from"./x.js"`, `import"./x.js"`,
 * `export{a}from"./x.js"`, `export*from"./x.js"`. `import(` (dynamic) and `import.meta` never
 * match: after `import` only an import clause or a quote may follow.
 */
export function staticImports(code) {
  const found = new Set()
  const patterns = [
    /(?<![\w$.])import\s*(?:[\w$*{}\s,]+?\s*from\s*)?(["'])([^"'\n]+?)\1/g,
    /(?<![\w$.])export\s*(?:\*\s*(?:as\s+[\w$]+\s*)?|\{[^}]*\}\s*)from\s*(["'])([^"'\n]+?)\1/g,
  ]
  for (const re of patterns) for (const m of code.matchAll(re)) found.add(m[2])
  return [...found]
}

// ------------------------------------------------------------------ measuring

function stripQuery(url) {
  return url.replace(/[?#].*$/, '')
}

/**
 * Everything there is to know about the build's bytes. Paths in the result are relative to
 * `dist` with forward slashes (assets/index-xxxx.js), so the output is the same on every machine.
 */
export function computeBudget({ dist = 'dist', budgets = BUDGETS } = {}) {
  const root = resolve(dist)
  const indexPath = join(root, 'index.html')
  if (!existsSync(indexPath)) {
    const err = new Error(`${relative(process.cwd(), indexPath)} 不存在:请先运行 npm run build`)
    err.code = 'NO_DIST'
    throw err
  }
  const html = readFileSync(indexPath, 'utf8')
  const refs = parseIndexHtml(html)

  const sizes = new Map()
  /** rel: path relative to dist, posix. */
  const sizeOf = (rel) => {
    if (!sizes.has(rel)) {
      const buf = readFileSync(join(root, ...rel.split('/')))
      sizes.set(rel, {
        file: rel,
        bytes: buf.length,
        gzip: gzipSync(buf, { level: 9 }).length,
      })
    }
    return sizes.get(rel)
  }
  /** A URL from index.html (relative to it) → a path relative to dist, or null if outside. */
  const fromHtml = (url) => {
    if (/^[a-z]+:\/\//i.test(url) || url.startsWith('//')) return null
    const p = posix.normalize(stripQuery(url).replace(/^\.\//, '').replace(/^\//, ''))
    return p.startsWith('..') ? null : p
  }
  const exists = (rel) => rel !== null && existsSync(join(root, ...rel.split('/')))

  const missing = []
  const edges = {}
  /** The closure of `starts` over static imports, in discovery order. */
  const closure = (starts) => {
    const seen = new Set()
    const order = []
    const visit = (rel) => {
      if (seen.has(rel)) return
      seen.add(rel)
      if (!exists(rel)) {
        missing.push(rel)
        return
      }
      order.push(rel)
      const code = readFileSync(join(root, ...rel.split('/')), 'utf8')
      const deps = []
      for (const spec of staticImports(code)) {
        if (!spec.startsWith('./') && !spec.startsWith('../') && !spec.startsWith('/')) continue
        const dep = spec.startsWith('/')
          ? posix.normalize(stripQuery(spec).slice(1))
          : posix.normalize(posix.join(posix.dirname(rel), stripQuery(spec)))
        // A specifier in a string literal that names no file of the build is not an import.
        if (!exists(dep)) continue
        deps.push(dep)
        visit(dep)
      }
      edges[rel] = deps
    }
    for (const s of starts) if (s !== null) visit(s)
    return order
  }

  const entries = refs.entries.map(fromHtml)
  const preloads = refs.modulepreloads.map(fromHtml).filter((p) => p && p.endsWith('.js'))
  const initialJs = closure(entries)
  const overviewJs = closure([...entries, ...preloads])
  const beyondInitial = (files) => files.filter((f) => !initialJs.includes(f))
  const preloadClosure = beyondInitial(closure(preloads))
  const echartsPreloads = preloads.filter((p) => ECHARTS_CHUNK.test(p))
  const echartsJs = beyondInitial(closure(echartsPreloads))
  const initialCss = refs.stylesheets.map(fromHtml).filter(exists)

  const assetsDir = join(root, 'assets')
  const allAssets = existsSync(assetsDir)
    ? readdirSync(assetsDir)
        .filter((f) => /\.(m?js|css)$/.test(f))
        .sort()
        .map((f) => `assets/${f}`)
    : []
  const used = new Set([...overviewJs, ...initialCss])
  const lazy = allAssets.filter((f) => !used.has(f))

  const sum = (files) =>
    files.reduce(
      (acc, f) => {
        const s = sizeOf(f)
        return { bytes: acc.bytes + s.bytes, gzip: acc.gzip + s.gzip }
      },
      { bytes: 0, gzip: 0 },
    )
  const group = (files) => ({ files: files.map(sizeOf), ...sum(files) })

  // The data the app fetches on start (dist/data/*.json): for information, not budgeted.
  const dataDir = join(root, 'data')
  const dataFiles = existsSync(dataDir)
    ? readdirSync(dataDir)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => `data/${f}`)
    : []

  const result = {
    dist: relative(process.cwd(), root).split('\\').join('/') || '.',
    gzipLevel: 9,
    html: sizeOf('index.html'),
    initialJs: group(initialJs),
    initialCss: group(initialCss),
    /** The preloaded chunks and what they import that the entry does not already bring. */
    preloaded: group(preloadClosure),
    /** The ECharts chunk and its static imports beyond initial JS; null without a preload hint. */
    echarts: echartsPreloads.length ? group(echartsJs) : null,
    overviewJs: group(overviewJs),
    lazy: group(lazy),
    data: group(dataFiles),
    staticImportGraph: edges,
    missing: [...new Set(missing)],
    budgets: {
      initialJs: { limit: budgets.initialJs },
      overviewJs: { limit: budgets.overviewJs },
    },
  }
  for (const key of Object.keys(result.budgets)) {
    const b = result.budgets[key]
    b.gzip = result[key].gzip
    b.headroom = b.limit - b.gzip
    b.ok = b.gzip <= b.limit
  }
  result.warnings = []
  if (!result.echarts) {
    const chunk = allAssets.find((f) => ECHARTS_CHUNK.test(f))
    result.warnings.push(
      chunk
        ? `${chunk} is not modulepreloaded by index.html: the overview fetches ECharts only after its first render`
        : 'no echart-impl-*.js chunk in the build: the ECharts figure is missing',
    )
  }
  result.ok = Object.values(result.budgets).every((b) => b.ok) && result.missing.length === 0
  return result
}

// ------------------------------------------------------------------ reporting

export const kib = (n) => `${(n / KIB).toFixed(1)} KiB`

function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)))
  const line = (r) =>
    r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i])))
  return rows.map((r) => line(r).join('  ')).join('\n')
}

export function formatBudgetTable(r) {
  const rows = [['', 'raw', 'gzip -9', 'budget', 'status']]
  const budgetCells = (key) => {
    const b = r.budgets[key]
    return b ? [kib(b.limit), b.ok ? 'ok' : `OVER by ${kib(-b.headroom)}`] : ['', '']
  }
  const add = (label, g, key, detail = true) => {
    if (g.files.length === 0) {
      rows.push([label, '(none)', '', ...budgetCells(key)])
      return
    }
    rows.push([label, kib(g.bytes), kib(g.gzip), ...budgetCells(key)])
    if (detail)
      for (const f of g.files) rows.push([`  ${f.file}`, kib(f.bytes), kib(f.gzip), '', ''])
  }
  add('initial JS (entry + static imports)', r.initialJs, 'initialJs')
  add('initial CSS', r.initialCss)
  add('modulepreloaded + imports (beyond initial)', r.preloaded)
  if (r.echarts) add('  of which ECharts (echart-impl-* + imports)', r.echarts, undefined, false)
  add('overview JS (initial + preloaded)', r.overviewJs, 'overviewJs', false)
  add('lazy chunks (not needed by #/)', r.lazy)
  rows.push(['index.html', kib(r.html.bytes), kib(r.html.gzip), '', ''])
  add('data/*.json (fetched at start, info)', r.data, undefined, false)
  return table(rows)
}

// ------------------------------------------------------------------ CLI

async function main() {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(name)
    return i > 0 ? process.argv[i + 1] : fallback
  }
  const dist = arg('--dist', 'dist')
  const out = arg('--out', 'bench/budget.json')
  // Overrides for trying a tighter budget: --initial-kib 120 --overview-kib 300
  const budgets = {
    initialJs: Number(arg('--initial-kib', BUDGETS.initialJs / KIB)) * KIB,
    overviewJs: Number(arg('--overview-kib', BUDGETS.overviewJs / KIB)) * KIB,
  }
  let result
  try {
    result = computeBudget({ dist, budgets })
  } catch (err) {
    console.error(`budget: ${err.message}`)
    process.exit(2)
  }
  console.log(formatBudgetTable(result))
  mkdirSync(dirname(out), { recursive: true })
  writeFileSync(out, JSON.stringify(result, null, 2) + '\n')
  console.log(`\nwrote ${out}`)
  for (const w of result.warnings) console.warn(`\nbudget: warning: ${w}`)
  if (result.missing.length) {
    console.error(`\nbudget: index.html or an import names files that are not in ${dist}/:`)
    for (const m of result.missing) console.error(`  ${m}`)
  }
  const over = Object.entries(result.budgets).filter(([, b]) => !b.ok)
  for (const [key, b] of over) {
    console.error(
      `\nbudget: ${key} is ${kib(b.gzip)} gzip, over its budget of ${kib(b.limit)} by ` +
        `${kib(-b.headroom)}. See docs/performance.md for what counts and how to shrink it.`,
    )
  }
  if (!result.ok) process.exit(1)
  console.log('budget: all within budget')
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await main()
}
