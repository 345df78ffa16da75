#!/usr/bin/env node
/**
 * Real old Chromium builds for the browser tests: government office PCs (信创 machines) run UOS,
 * Kylin, 360 and 奇安信 browsers on Chromium 83–115 kernels. The npm registry carries headless
 * builds of those versions inside serverless packages (a brotli-compressed `bin/chromium.br` and
 * brotli tarballs of the shared libraries it needs); they run headless on Debian once unpacked.
 *
 *   node tests/browser/old-chromium.mjs 83      # fetch (once), print the executable's path
 *
 * The unpacked build is cached outside the repository (about 140 MB a version): $OLD_CHROMIUM_CACHE,
 * else ~/.cache/old-chromium/<version>. Nothing is ever written into the work tree.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { chromium } from 'playwright-core'

/** Chromium major version → the npm package that carries it. */
export const OLD_CHROMIUM_PACKAGES = {
  83: 'chrome-aws-lambda@3.1.1',
  84: 'chrome-aws-lambda@5.1.0',
  85: 'chrome-aws-lambda@5.2.1',
  88: 'chrome-aws-lambda@5.5.0',
  92: 'chrome-aws-lambda@10.1.0',
  103: '@sparticuz/chrome-aws-lambda@14.4.1',
  106: '@sparticuz/chrome-aws-lambda@17.1.3',
  110: '@sparticuz/chromium@110.0.1',
  112: '@sparticuz/chromium@112.0.2',
  114: '@sparticuz/chromium@114.0.0',
  115: '@sparticuz/chromium@115.0.0',
}

export function oldChromiumCacheDir() {
  return process.env.OLD_CHROMIUM_CACHE || path.join(os.homedir(), '.cache', 'old-chromium')
}

/** Fetches and unpacks Chromium `version` once; returns the path of its executable. */
export function fetchOldChromium(version, cacheDir = oldChromiumCacheDir()) {
  const spec = OLD_CHROMIUM_PACKAGES[version]
  if (!spec) {
    const known = Object.keys(OLD_CHROMIUM_PACKAGES).join(' ')
    throw new Error(`no package known for Chromium ${version}; known: ${known}`)
  }
  const dir = path.join(cacheDir, String(version))
  const exe = path.join(dir, 'chromium')
  if (fs.existsSync(exe) && fs.existsSync(path.join(dir, '.complete'))) return exe
  fs.rmSync(dir, { recursive: true, force: true })
  fs.mkdirSync(dir, { recursive: true })
  const packed = execFileSync('npm', ['pack', spec, '--pack-destination', dir, '--silent'], {
    encoding: 'utf8',
  })
    .trim()
    .split('\n')
    .pop()
  const tgz = path.join(dir, packed)
  execFileSync('tar', ['xzf', tgz, '-C', dir, 'package/bin'])
  const bin = path.join(dir, 'package', 'bin')
  for (const file of fs.readdirSync(bin)) {
    if (!file.endsWith('.br')) continue
    const data = zlib.brotliDecompressSync(fs.readFileSync(path.join(bin, file)))
    const name = file.slice(0, -3)
    if (name.endsWith('.tar')) {
      const tar = path.join(dir, name)
      fs.writeFileSync(tar, data)
      execFileSync('tar', ['xf', tar, '-C', dir])
      fs.unlinkSync(tar)
    } else {
      fs.writeFileSync(path.join(dir, name), data, { mode: 0o755 })
    }
  }
  fs.rmSync(path.join(dir, 'package'), { recursive: true, force: true })
  fs.unlinkSync(tgz)
  if (!fs.existsSync(exe)) throw new Error(`${spec} held no bin/chromium.br`)
  fs.writeFileSync(path.join(dir, '.complete'), `${spec}\n`)
  return exe
}

/** Launches old Chromium `version` headless with playwright-core (works for 83 and later). */
export function launchOldChromium(version) {
  const executablePath = fetchOldChromium(version)
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none'],
    env: { ...process.env, LD_LIBRARY_PATH: path.join(path.dirname(executablePath), 'lib') },
  })
}

/** The versions the tests run: $OLD_CHROMIUM_VERSIONS ("83 88 103" by default). */
export function testedOldChromiumVersions() {
  return (process.env.OLD_CHROMIUM_VERSIONS ?? '83 88 103')
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(Number)
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    for (const v of process.argv.slice(2)) console.log(fetchOldChromium(Number(v)))
  } catch (err) {
    console.error(String(err?.message ?? err))
    process.exit(1)
  }
}
