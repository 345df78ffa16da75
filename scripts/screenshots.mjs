/**
 * Screenshots of the production build (dist/) at hall sizes, for looking at what we ship:
 *   npm run build && npm run screenshots [-- --out artifacts/screenshots --path '#/group/fair-competition']
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { CONTENT_SECURITY_POLICY } from '../src/config/csp.ts'
import { launchChromium } from '../tests/browser/chromium.mjs'
import { startStaticServer } from '../tests/browser/static-server.mjs'

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name)
  return i > 0 ? process.argv[i + 1] : fallback
}
const out = arg('--out', 'artifacts/screenshots')
const paths = arg('--path', '#/').split(',')
const sizes = arg('--sizes', '1920x1080,3840x2160')
  .split(',')
  .map((s) => s.split('x').map(Number))
mkdirSync(out, { recursive: true })

const server = await startStaticServer({ csp: CONTENT_SECURITY_POLICY })
const browser = await launchChromium()
try {
  for (const path of paths) {
    for (const [w, h] of sizes) {
      const page = await browser.newPage({ viewport: { width: w, height: h } })
      page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()))
      page.on('pageerror', (e) => console.error('pageerror:', e.message))
      await page.goto(server.url + path)
      await page.waitForSelector('[data-indicator-id]')
      await page.waitForFunction(() => {
        const charts = [...document.querySelectorAll('[data-chart-state]')]
        return (
          charts.length > 0 &&
          charts.every((c) => c.getAttribute('data-chart-state') === 'finished')
        )
      })
      await page.waitForTimeout(700)
      const name = `${path.replace(/[^a-z0-9-]+/gi, '_').replace(/^_+|_+$/g, '') || 'overview'}-${w}x${h}.png`
      await page.screenshot({ path: join(out, name), fullPage: process.argv.includes('--full') })
      console.log('wrote', join(out, name))
      await page.close()
    }
  }
} finally {
  await browser.close()
  await server.close()
}
