import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Plugin } from 'vite'

/**
 * `licenses.txt` in the build: for every npm package whose code ships in the bundle, its name,
 * version, licence and the texts of its LICENSE and NOTICE files. Apache-2.0 (ECharts, zrender)
 * requires the NOTICE to travel with any redistribution; MIT and the others require the licence
 * text. The list is taken from the bundle's own module ids in `generateBundle`, after tree
 * shaking, so it names exactly what ships: a package imported only by the tests or the build
 * scripts is not listed, and one that ships is never missed.
 */

export interface PackageInfo {
  name: string
  version: string
  license: string
  /** The package's LICENSE / LICENCE / COPYING / NOTICE files (and licenses/*): name and text. */
  files: { name: string; text: string }[]
}

/** Reads a package from its root folder; null when there is no package.json. */
export type PackageReader = (dir: string) => PackageInfo | null

/** The root folder of the npm package a module id lies in, or null when it is not in one. */
export function packageDirOf(moduleId: string): string | null {
  // Plugin ids may carry a \0 prefix or a ?query; Windows paths use backslashes.
  const id = moduleId.replace(/^\0/, '').replace(/\?.*$/, '').replace(/\\/g, '/')
  const at = id.lastIndexOf('/node_modules/')
  if (at < 0) return null
  const rest = id.slice(at + '/node_modules/'.length).split('/')
  const depth = rest[0]?.startsWith('@') ? 2 : 1
  if (rest.length <= depth || rest.slice(0, depth).some((s) => s === '' || s === '.bin'))
    return null
  return `${id.slice(0, at)}/node_modules/${rest.slice(0, depth).join('/')}`
}

/** The packages of the given module ids, each once, sorted by name then version. */
export function collectLicenses(
  moduleIds: Iterable<string>,
  readPackage: PackageReader,
): PackageInfo[] {
  const dirs = new Set<string>()
  for (const id of moduleIds) {
    const dir = packageDirOf(id)
    if (dir) dirs.add(dir)
  }
  const byKey = new Map<string, PackageInfo>()
  for (const dir of dirs) {
    const pkg = readPackage(dir)
    if (pkg) byKey.set(`${pkg.name}@${pkg.version}`, pkg)
  }
  return [...byKey.values()].sort(
    (a, b) => a.name.localeCompare(b.name, 'en') || a.version.localeCompare(b.version, 'en'),
  )
}

/** The file's text: a header, then one section per package. */
export function formatLicenses(packages: readonly PackageInfo[]): string {
  const rule = '='.repeat(78)
  const head = [
    'Third-party software in this build',
    '',
    `This build contains code from the ${packages.length} npm packages below. Each is listed with`,
    'its version, its licence and the LICENSE and NOTICE files it ships with.',
  ]
  const sections = packages.map((p) =>
    [
      rule,
      `${p.name} ${p.version}`,
      `License: ${p.license}`,
      ...p.files.flatMap((f) => ['', `--- ${f.name} ---`, f.text.trimEnd()]),
      ...(p.files.length === 0 ? ['', '(the package ships no licence file)'] : []),
    ].join('\n'),
  )
  return `${[head.join('\n'), ...sections].join('\n\n')}\n`
}

/** The licence of a package.json: `license`, or the old `licenses` array. */
function licenseOf(json: Record<string, unknown>): string {
  const l = json.license ?? json.licenses
  if (typeof l === 'string') return l
  if (Array.isArray(l))
    return l
      .map((x) => (typeof x === 'string' ? x : String((x as { type?: unknown }).type)))
      .join(' OR ')
  if (l && typeof l === 'object' && 'type' in l) return String(l.type)
  return 'UNKNOWN'
}

const LICENSE_FILE = /^(licen[cs]e|notice|copying|copyright)([.-].*)?$/i
const LICENSE_DIR = /^licen[cs]es$/i

/** Reads a package from the file system. */
export const readPackageFromDisk: PackageReader = (dir) => {
  let json: Record<string, unknown>
  try {
    json = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Record<string, unknown>
  } catch {
    return null
  }
  const entries = readdirSync(dir, { withFileTypes: true })
  // Licence files at the root, and those of bundled subcomponents in a licenses/ folder (ECharts
  // keeps d3's BSD licence there, which its LICENSE refers to).
  const names = entries.filter((e) => e.isFile() && LICENSE_FILE.test(e.name)).map((e) => e.name)
  for (const sub of entries.filter((e) => e.isDirectory() && LICENSE_DIR.test(e.name))) {
    for (const e of readdirSync(join(dir, sub.name), { withFileTypes: true }))
      if (e.isFile()) names.push(`${sub.name}/${e.name}`)
  }
  const files = names.sort().map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }))
  return {
    name: String(json.name ?? dir.slice(dir.lastIndexOf('node_modules/') + 13)),
    version: String(json.version ?? ''),
    license: licenseOf(json),
    files,
  }
}

/** The Vite plugin: emits `licenses.txt` next to `index.html`. */
export function licenses(
  fileName = 'licenses.txt',
  readPackage: PackageReader = readPackageFromDisk,
): Plugin {
  return {
    name: 'third-party-licenses',
    apply: 'build',
    generateBundle(_options, bundle) {
      const ids: string[] = []
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue
        for (const [id, m] of Object.entries(chunk.modules)) if (m.renderedLength > 0) ids.push(id)
      }
      const packages = collectLicenses(ids, readPackage)
      this.emitFile({ type: 'asset', fileName, source: formatLicenses(packages) })
    },
  }
}
