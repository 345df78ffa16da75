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

export function launchChromium(extraArgs = []) {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--font-render-hinting=none',
      ...extraArgs,
    ],
  })
}
