#!/usr/bin/env node
/**
 * The build must run in Chromium 83 (信创 office PCs: UOS, Kylin, 360 and 奇安信 browsers). This
 * checks every JavaScript file of the build, the lazy chunks that browser tests may never open
 * (the deck, the spreadsheet reader) included:
 *   - it parses as ES2020 (Chromium 83 lacks ??=, ||=, private methods, static blocks, class fields
 *     in some forms: the build target lowers them; this proves it did, for dependencies too);
 *   - it calls no API newer than Chromium 83 that the app does not guard.
 *   node scripts/check-compat.mjs [--dist dist]
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'acorn'

const distArg = process.argv.indexOf('--dist')
const dist = distArg > 0 ? process.argv[distArg + 1] : process.env.DIST_DIR || 'dist'

/** API uses that break in Chromium 83, with the version that brought them. */
const NEWER_APIS = [
  [/\bAbortSignal\.any\b/, 'AbortSignal.any (Chromium 116)'],
  [/\bAbortSignal\.timeout\b/, 'AbortSignal.timeout (Chromium 103)'],
  [/\bstructuredClone\(/, 'structuredClone (Chromium 98)'],
  [/\bObject\.hasOwn\(/, 'Object.hasOwn (Chromium 93)'],
  [/\bObject\.groupBy\(/, 'Object.groupBy (Chromium 117)'],
  [/\.replaceChildren\(/, 'Element.replaceChildren (Chromium 86)'],
  [/\.findLast(Index)?\(/, 'Array.prototype.findLast (Chromium 97)'],
  [/\.to(Sorted|Reversed|Spliced)\(/, 'Array.prototype.toSorted etc. (Chromium 110)'],
  [/\.at\(-?\d+\)/, 'Array.prototype.at (Chromium 92)'],
  [/\bcrypto\.randomUUID\(/, 'crypto.randomUUID (Chromium 92)'],
]

function jsFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? jsFiles(join(dir, e.name))
      : e.name.endsWith('.js')
        ? [join(dir, e.name)]
        : [],
  )
}

const problems = []
const files = jsFiles(join(dist, 'assets'))
for (const file of files) {
  const source = readFileSync(file, 'utf8')
  try {
    parse(source, { ecmaVersion: 2020, sourceType: 'module' })
  } catch (err) {
    const at = source.slice(Math.max(0, err.pos - 40), err.pos + 20)
    problems.push(`${file}: not ES2020 (${err.message}) near ${JSON.stringify(at)}`)
  }
  for (const [pattern, name] of NEWER_APIS) {
    const m = pattern.exec(source)
    if (m) {
      const at = source.slice(Math.max(0, m.index - 40), m.index + 30)
      problems.push(`${file}: uses ${name} near ${JSON.stringify(at)}`)
    }
  }
}

if (files.length === 0) problems.push(`${dist}/assets holds no JavaScript: build first`)
if (problems.length) {
  console.error(`Chromium 83 compatibility: ${problems.length} problem(s)`)
  for (const p of problems) console.error(`  - ${p}`)
  process.exit(1)
}
console.log(
  `Chromium 83 compatibility: ${files.length} JavaScript files parse as ES2020 and use no newer API`,
)
