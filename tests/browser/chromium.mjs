import { existsSync } from 'node:fs'
import { chromium } from 'playwright-core'

/** Debian's Chromium, headless, with the flags this closed network needs. */
export function chromiumPath() {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
  ].filter(Boolean)
  const found = candidates.find((p) => existsSync(p))
  if (!found) throw new Error('找不到 Chromium:请安装 Debian 的 chromium 包,或设置 CHROMIUM_PATH')
  return found
}

/** The flags of every launch here. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--font-render-hinting=none',
]

export function launchChromium(extraArgs = []) {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  })
}

/**
 * A browser with a profile kept in `userDataDir` across launches, as a hall PC's browser keeps
 * its profile across reboots: closing it and launching it again on the same folder is a restart.
 */
export function launchPersistentChromium(userDataDir, options = {}) {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
    ...options,
  })
}
