/**
 * Exports for meeting briefings, on the production build: a chart as a PNG at the chosen pixel
 * ratio, a whole group page as one image, the .pptx deck, and A4 landscape print.
 */
import assert from 'node:assert/strict'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { downloadFile, useHarness, waitForCharts } from './helpers.mjs'
import { themeMismatches, themeOf } from './theme.mjs'

const harness = useHarness()
const downloads = mkdtempSync(join(tmpdir(), 'tzw-export-'))

/** `path` at 1920×1080 for test `t`, once every chart on it has finished rendering. */
function open(t, path) {
  return harness.open(t, path, {
    acceptDownloads: true,
    waitFor: waitForCharts,
  })
}

/** PNG width and height from the IHDR chunk. */
function pngSize(buffer) {
  assert.equal(buffer.subarray(1, 4).toString('latin1'), 'PNG', 'not a PNG file')
  return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20) }
}

/** Share of non-white pixels and number of distinct colours, decoded by the browser. */
function pixelStats(page, buffer) {
  return page.evaluate(async (b64) => {
    const img = new Image()
    img.src = `data:image/png;base64,${b64}`
    await img.decode()
    const c = document.createElement('canvas')
    c.width = img.width
    c.height = img.height
    const ctx = c.getContext('2d')
    ctx.drawImage(img, 0, 0)
    const d = ctx.getImageData(0, 0, c.width, c.height).data
    let ink = 0
    const colours = new Set()
    for (let i = 0; i < d.length; i += 4 * 7) {
      if (d[i] < 240 || d[i + 1] < 240 || d[i + 2] < 240) ink++
      colours.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2])
    }
    return {
      inkShare: ink / (d.length / (4 * 7)),
      colours: colours.size,
      corner: [...d.slice(0, 3)],
    }
  }, buffer.toString('base64'))
}

const download = (page, action) => downloadFile(page, action, downloads)

describe('exports', () => {
  for (const ratio of [2, 4]) {
    it(`a chart exports as a ${ratio}× PNG as wide as the chart on screen × ${ratio}, not blank`, async (t) => {
      const { page } = await open(t, '#/')
      const panel = page.locator('[data-chart-id="fair-stock"]')
      const cssWidth = await panel.locator('.chart-panel__chart').evaluate((e) => e.clientWidth)
      await panel.getByRole('button', { name: '导出图片' }).click()
      const file = await download(page, () =>
        panel.getByRole('menuitem', { name: `PNG 图片 ${ratio}×` }).click(),
      )
      assert.match(file.name, /^公平竞争审查-存量文件监测-风险-废止-2024-\d{8}\.png$/)
      const size = pngSize(file.buffer)
      assert.equal(size.width, cssWidth * ratio)
      const stats = await pixelStats(page, file.buffer)
      assert.deepEqual(stats.corner, [255, 255, 255], 'the briefing image is on white')
      assert.ok(
        stats.inkShare > 0.05,
        `image looks blank (${(stats.inkShare * 100).toFixed(1)}% ink)`,
      )
      assert.ok(stats.colours > 20, 'image has too few colours to hold a chart and text')
      assert.match(await panel.locator('.export-menu__status').innerText(), /已导出/)
    })
  }

  it('a whole group page exports as one image', async (t) => {
    const { page } = await open(t, '#/group/dispute-resolution')
    const file = await download(page, () =>
      page.getByRole('button', { name: '导出本页图片' }).click(),
    )
    assert.match(file.name, /^矛盾纠纷化解-整页-2024-\d{8}\.png$/)
    const size = pngSize(file.buffer)
    assert.equal(size.width, 3200, 'a 1600 px page at 2×')
    assert.ok(size.height > 1200 && size.height <= 8192)
    const stats = await pixelStats(page, file.buffer)
    // A blank canvas has no ink at all; this page is mostly white ground between cards and charts.
    assert.ok(
      stats.inkShare > 0.01,
      `image looks blank (${(stats.inkShare * 100).toFixed(1)}% ink)`,
    )
    assert.ok(stats.colours > 20)
  })

  it('the briefing deck is a valid .pptx with a title slide, one per group and one per chart', async (t) => {
    const { page } = await open(t, '#/')
    const charts = await page.locator('[data-chart-id]').count()
    const file = await download(page, () =>
      page.getByRole('button', { name: '生成汇报PPT' }).click(),
    )
    assert.match(file.name, /\.pptx$/)
    assert.equal(file.buffer.subarray(0, 2).toString('latin1'), 'PK', 'not a zip file')
    const text = file.buffer.toString('latin1')
    const slides = new Set(text.match(/ppt\/slides\/slide\d+\.xml/g))
    assert.equal(slides.size, 1 + 4 + charts, `slides: ${[...slides].sort().join(', ')}`)
    assert.ok(text.includes('[Content_Types].xml'))
    const status = page
      .locator('.export-inline', { has: page.getByRole('button', { name: '生成汇报PPT' }) })
      .locator('.export-inline__status')
    assert.match(await status.innerText(), /已生成.*页/)
  })

  it('打印本页 shows the print theme at paper width while it prints, then the desk again', async (t) => {
    const { page } = await open(t, '#/group/fair-competition')
    assert.equal(await themeOf(page), 'desk')
    await page.evaluate(() => {
      window.print = () => {
        window.__printed = true
      }
    })
    await page.getByRole('button', { name: '打印本页' }).click()
    await page.waitForFunction(() => window.__printed === true)
    assert.equal(await themeOf(page), 'print')
    assert.deepEqual(await themeMismatches(page, 'print'), [])
    assert.equal(await page.locator('.app').evaluate((e) => e.getBoundingClientRect().width), 1040)
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')))
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'desk')
    assert.deepEqual(await themeMismatches(page, 'desk'), [])
  })

  for (const path of ['#/', '#/briefing']) {
    it(`Ctrl+P on ${path} prints it as 打印本页 does: the print theme, light to the browser too`, async (t) => {
      // The overview and 简报 have no 打印本页 button: Ctrl+P printed the desk's dark theme
      // (headings near-white on the paper, charts cut at its edge, near-black page margins).
      const { page } = await harness.open(t, path, {
        // 简报 draws no chart: its text is what it prints.
        waitFor: path === '#/' ? waitForCharts : (p) => p.waitForSelector('.briefing p'),
      })
      await page.evaluate(() => {
        window.print = () => {
          window.__printed = {
            theme: document.documentElement.dataset.theme,
            scheme: getComputedStyle(document.documentElement).colorScheme,
            width: document.querySelector('.app').getBoundingClientRect().width,
          }
        }
      })
      await page.keyboard.press('Control+P')
      await page.waitForFunction(() => window.__printed !== undefined)
      assert.deepEqual(await page.evaluate(() => window.__printed), {
        theme: 'print',
        scheme: 'light',
        width: 1040,
      })
      assert.deepEqual(await themeMismatches(page, 'print'), [])
      await page.evaluate(() => window.dispatchEvent(new Event('afterprint')))
      await page.waitForFunction(() => document.documentElement.dataset.theme === 'desk')
    })
  }

  it('printing a group page gives A4 landscape pages, with charts and cards never split', async (t) => {
    const { page } = await open(t, '#/group/fair-competition')
    await page.emulateMedia({ media: 'print' })
    const avoid = await page.evaluate(() =>
      [...document.querySelectorAll('.chart-panel, .metric-card')].map(
        (e) => getComputedStyle(e).breakInside,
      ),
    )
    assert.ok(avoid.length > 10)
    assert.ok(avoid.every((v) => v === 'avoid'))
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true })
    const boxes =
      pdf.toString('latin1').match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g) ?? []
    assert.ok(boxes.length >= 1, 'no pages')
    for (const box of boxes) {
      const [, w, h] = box.match(/([\d.]+) ([\d.]+)\s*\]/)
      assert.ok(
        Math.abs(Number(w) - 841.89) < 2 && Math.abs(Number(h) - 595.28) < 2,
        `page ${w}×${h} is not A4 landscape`,
      )
    }
  })
})
