import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import type { Plugin } from 'vite'

/** The files a restart needs to open the app: index.html and everything under assets/. */
export function precacheList(outDir: string): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
    )
  const assets = walk(join(outDir, 'assets')).map((f) => relative(outDir, f).split('\\').join('/'))
  return ['index.html', ...assets.sort()]
}

/** The build's id: a hash of the precached files' names and contents. */
export function buildId(outDir: string, files: string[]): string {
  const hash = createHash('sha256')
  for (const f of files) {
    hash.update(f)
    hash.update(readFileSync(join(outDir, f)))
  }
  return hash.digest('hex').slice(0, 16)
}

/**
 * Writes dist/sw.js: scripts/sw/service-worker.js with this build's id and precache list. The
 * app registers it (src/lib/service-worker.ts) where the browser allows service workers.
 */
export function serviceWorker(): Plugin {
  let outDir = 'dist'
  return {
    name: 'service-worker',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir)
    },
    closeBundle() {
      const files = precacheList(outDir)
      const source = readFileSync(resolve(import.meta.dirname, 'sw/service-worker.js'), 'utf8')
      writeFileSync(
        join(outDir, 'sw.js'),
        source
          .replace("'__BUILD__'", JSON.stringify(buildId(outDir, files)))
          .replace("['__PRECACHE__']", JSON.stringify(files)),
      )
    },
  }
}
