/**
 * The production build in real old Chromium, as on government office PCs (信创 machines: UOS,
 * Kylin, 360 and 奇安信 browsers run Chromium 83–115 kernels). For each version in
 * $OLD_CHROMIUM_VERSIONS (default 83, 88, 103; fetched once by ./old-chromium.mjs and cached
 * outside the repo): every report figure, every chart drawn on the overview, the group pages, the
 * big screen and 对比分析, the import page, and no uncaught error, console error or CSP violation.
 * The page must also look right: no text overlaps text in the header or on a metric card, no nav
 * tab wraps, and what the layout spaces apart with flex `gap` (which Chromium 83 lacks: margins
 * stand in, scripts/flex-gap-plugin.ts) is as far apart as its gap says — neighbours, the lines of
 * wrapping rows, text beside elements — at 1920×1080, on the big screen and at 1024×768.
 *
 * Checks read the page with evaluate/waitForFunction, not Playwright's locators: their visibility
 * checks call Element.checkVisibility (Chromium 105), which these builds lack.
 */
import assert from 'node:assert/strict'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { before, describe, it } from 'node:test'
import {
  assertChartsDrawnAndSharp,
  assertNoIssues,
  assertReportedFiguresOnScreen,
  chartTooltipText,
  dataset,
  findCardLayoutFaults,
  readChartCanvases,
  readGroupColumns,
  useHarness,
  waitForCardsAndCharts,
  waitForCharts,
} from './helpers.mjs'
import { toCsv } from '../../src/lib/csv.ts'
import { launchOldChromium, testedOldChromiumVersions } from './old-chromium.mjs'

const SHOTS = 'artifacts/browser/old-chromium'

/**
 * Pairs of text boxes inside `selector` that overlap by more than 2 px both ways: each element
 * that holds text of its own, as the user reads it.
 */
function findTextOverlaps(page, selector) {
  return page.evaluate((sel) => {
    const found = []
    for (const scope of document.querySelectorAll(sel)) {
      const boxes = []
      for (const el of scope.querySelectorAll('*')) {
        const ownText = [...el.childNodes].some(
          (n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim() !== '',
        )
        if (!ownText) continue
        const style = getComputedStyle(el)
        if (style.visibility === 'hidden' || style.display === 'none') continue
        const r = el.getBoundingClientRect()
        if (r.width === 0 || r.height === 0) continue
        boxes.push({ el, r, text: el.textContent.trim().slice(0, 20) })
      }
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i]
          const b = boxes[j]
          if (a.el.contains(b.el) || b.el.contains(a.el)) continue
          const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left)
          const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top)
          if (w > 2 && h > 2) found.push(`「${a.text}」 overlaps 「${b.text}」`)
        }
      }
    }
    return found
  }, selector)
}

/**
 * What the layout spaces apart with flex `gap` and is closer than the gap (1 px of rounding
 * allowed): neighbours on one line (a card's figure and its unit, the filter bar's controls, the
 * header's buttons, the clock and its date, the ▲ and its change), the lines of a wrapping row
 * (the filter bar's notice under its selects), the items of a column. Text beside elements is
 * measured too: in Chromium 83 it is an anonymous item no margin can space. The big screen is
 * scaled as a whole, its gaps with it. Returns the findings and how many containers were read.
 */
function findNarrowGaps(page) {
  return page.evaluate(() => {
    const px = (v) => parseFloat(v) || 0
    const found = []
    let containers = 0
    for (const el of document.querySelectorAll('body *')) {
      const style = getComputedStyle(el)
      if (style.display !== 'flex' && style.display !== 'inline-flex') continue
      const vertical = style.flexDirection.startsWith('column')
      // (offsetWidth is rounded: a ratio near 1 is no scale.)
      const ratio = el.offsetWidth > 0 ? el.getBoundingClientRect().width / el.offsetWidth : 1
      const scale = Math.abs(ratio - 1) < 0.05 ? 1 : ratio
      const main = px(vertical ? style.rowGap : style.columnGap) * scale
      const cross = px(vertical ? style.columnGap : style.rowGap) * scale
      if (main < 2 && cross < 2) continue
      const items = []
      for (const node of el.childNodes) {
        let box
        if (node.nodeType === Node.TEXT_NODE) {
          // Adjacent text is one item ("“", a name and "”" from JSX are three nodes): measured
          // from its first node to its last.
          const prev = node.previousSibling
          if (node.textContent.trim() === '') continue
          if (prev?.nodeType === Node.TEXT_NODE && prev.textContent.trim() !== '') continue
          let last = node
          while (last.nextSibling?.nodeType === Node.TEXT_NODE) last = last.nextSibling
          const range = document.createRange()
          range.setStartBefore(node)
          range.setEndAfter(last)
          box = range.getBoundingClientRect()
        } else if (node.nodeType === Node.ELEMENT_NODE) {
          const s = getComputedStyle(node)
          if (s.position === 'absolute' || s.position === 'fixed' || s.display === 'none') continue
          box = node.getBoundingClientRect()
        } else continue
        if (box.width === 0 || box.height === 0) continue
        items.push({ box, text: node.textContent.trim().slice(0, 12) || node.nodeName })
      }
      if (items.length < 2) continue
      containers++
      const name =
        typeof el.className === 'string' && el.className
          ? `.${el.className.split(' ')[0]}`
          : el.nodeName
      for (let i = 1; i < items.length; i++) {
        const a = items[i - 1]
        const b = items[i]
        if (vertical) {
          const apart = b.box.top - a.box.bottom
          if (main >= 2 && apart < main - 1)
            found.push(
              `${name}: 「${a.text}」 / 「${b.text}」 ${Math.round(apart)} px apart (gap ${Math.round(main)})`,
            )
          continue
        }
        const sameLine = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top) > 0
        if (sameLine) {
          const apart = Math.max(b.box.left - a.box.right, a.box.left - b.box.right)
          if (main >= 2 && apart < main - 1)
            found.push(
              `${name}: 「${a.text}」 | 「${b.text}」 ${Math.round(apart)} px apart (gap ${Math.round(main)})`,
            )
        } else if (cross >= 2 && b.box.top > a.box.top) {
          // b starts a new line: it is below every item of the line before.
          const lineAbove = items.slice(0, i).filter((x) => x.box.top < b.box.top - 1)
          const apart = b.box.top - Math.max(...lineAbove.map((x) => x.box.bottom))
          if (apart < cross - 1)
            found.push(
              `${name}: the line of 「${b.text}」 ${Math.round(apart)} px below the one above (row gap ${Math.round(cross)})`,
            )
        }
      }
    }
    return { found, containers }
  })
}

/** findNarrowGaps on `page`, asserted: none found, and the page had flex gaps to read. */
async function assertGapsKept(page, where) {
  const { found, containers } = await findNarrowGaps(page)
  assert.ok(containers >= 5, `${where}: flex containers with a gap read (${containers})`)
  assert.deepEqual(found, [], `${where}: what the layout spaces apart is apart`)
}

const countAlerts = (page) =>
  page.evaluate(() => document.querySelectorAll('[role="alert"]').length)

for (const version of testedOldChromiumVersions()) {
  describe(`Chromium ${version} (production build)`, () => {
    const harness = useHarness({ launch: () => launchOldChromium(version) })

    before(() => {
      mkdirSync(SHOTS, { recursive: true })
    })

    it('is the old version it claims to be', async (t) => {
      const { page } = await harness.open(t, '#/')
      const ua = await page.evaluate(() => navigator.userAgent)
      assert.match(ua, new RegExp(`Chrome/${version}\\.`), ua)
    })

    it('shows all 34 report figures and draws every overview chart', async (t) => {
      const { page } = await harness.open(t, '#/', { waitFor: waitForCardsAndCharts })
      assert.equal(await assertReportedFiguresOnScreen(page), 34)
      assertChartsDrawnAndSharp(await readChartCanvases(page), 1)
      assert.equal(await countAlerts(page), 0, 'no panel shows an error')
      await page.screenshot({ path: `${SHOTS}/chromium-${version}-overview.png` })
      // Spacing that Chromium 83 has no flex `gap` for (scripts/flex-gap-plugin.ts).
      assert.equal(
        await page.evaluate(() => document.documentElement.classList.contains('no-flex-gap')),
        version < 84,
        'the page knows whether this browser has flex gap',
      )
      await assertGapsKept(page, 'overview at 1920×1080')
      {
        assert.deepEqual(await findTextOverlaps(page, 'header'), [], 'header text does not overlap')
        assert.deepEqual(
          await findTextOverlaps(page, '[data-indicator-id]'),
          [],
          'metric card text does not overlap',
        )
        const wrapped = await page.evaluate(() =>
          [...document.querySelectorAll('nav a')]
            .filter((a) => a.getBoundingClientRect().width > 0)
            .map((a) => ({
              text: a.textContent.trim(),
              lines: a.getClientRects().length,
              tall: a.getBoundingClientRect().height > parseFloat(getComputedStyle(a).fontSize) * 3,
            }))
            .filter((t) => t.lines !== 1 || t.tall)
            .map((t) => t.text),
        )
        assert.deepEqual(wrapped, [], 'every nav tab stays on one line')
      }
    })

    it('makes the briefing files: 生成汇报材料 (.docx) and 生成汇报PPT (.pptx)', async (t) => {
      // Playwright sees no download event from these old builds: the page's own anchor click is
      // caught instead and the blob behind it read back.
      const { page } = await harness.open(t, '#/', { waitFor: waitForCharts })
      await page.evaluate(() => {
        window.__saved = []
        const blobs = new Map()
        const createObjectURL = URL.createObjectURL.bind(URL)
        URL.createObjectURL = (blob) => {
          const url = createObjectURL(blob)
          blobs.set(url, blob)
          return url
        }
        HTMLAnchorElement.prototype.click = function () {
          window.__saved.push({ name: this.download, blob: blobs.get(this.href) })
        }
      })
      for (const [name, ext] of [
        ['生成汇报材料', 'docx'],
        ['生成汇报PPT', 'pptx'],
      ]) {
        const file = await page.evaluate(async (label) => {
          const before = window.__saved.length
          ;[...document.querySelectorAll('button')].find((b) => b.textContent === label).click()
          const started = Date.now()
          while (window.__saved.length === before && Date.now() - started < 60_000)
            await new Promise((r) => setTimeout(r, 200))
          const saved = window.__saved[before]
          if (!saved) return null
          const bytes = new Uint8Array(await saved.blob.arrayBuffer())
          return {
            name: saved.name,
            size: bytes.length,
            head: String.fromCharCode(bytes[0], bytes[1]),
          }
        }, name)
        assert.ok(file, `${name}: a file`)
        assert.ok(file.name.endsWith(`.${ext}`), file.name)
        assert.equal(file.head, 'PK', `${ext}: a zip package`)
        assert.ok(file.size > 100_000, `${ext}: ${file.size} bytes, with its charts`)
      }
    })

    it('opens each group page with its cards and charts', async (t) => {
      for (const group of dataset.meta.groups) {
        const session = await harness.open(t, `#/group/${group.id}`, {
          waitFor: waitForCardsAndCharts,
        })
        const { page } = session
        const ids = dataset.indicators.filter((i) => i.group === group.id).map((i) => i.id)
        const missing = await page.evaluate(
          (list) =>
            list.filter((id) => {
              const card = document.querySelector(`[data-indicator-id="${id}"]`)
              return !card || card.getBoundingClientRect().height === 0
            }),
          ids,
        )
        assert.deepEqual(missing, [], `${group.id}: every card of the group is shown`)
        assertChartsDrawnAndSharp(await readChartCanvases(page), 1)
        assert.equal(await countAlerts(page), 0, `${group.id}: no panel shows an error`)
        assertNoIssues(session, `on #/group/${group.id} in Chromium ${version}`)
        await session.close()
      }
    })

    it('answers the pointer on a 4K desk (the page zoomed ×2) as at 1920×1080', async (t) => {
      // The tooltip answered for a point twice as far from the chart's corner as the pointer.
      const selector = '[data-chart-id="admin-services-by-year"] [_echarts_instance_]'
      const seen = {}
      for (const viewport of [
        { width: 1920, height: 1080 },
        { width: 3840, height: 2160 },
      ]) {
        const session = await harness.open(t, '#/group/admin-services', {
          viewport,
          waitFor: waitForCardsAndCharts,
        })
        const { page } = session
        await page.evaluate((s) => document.querySelector(s).scrollIntoView(), selector)
        await page.waitForTimeout(300)
        // Old Chromium gives boxes in the zoomed page's own pixels, the mouse in the screen's.
        const box = await page.evaluate((s) => {
          const r = document.querySelector(s).getBoundingClientRect()
          const k = window.innerWidth / document.documentElement.getBoundingClientRect().width
          return { x: r.left * k, y: r.top * k, w: r.width * k, h: r.height * k }
        }, selector)
        const tips = []
        for (const fx of [0.19, 0.45, 0.72]) {
          await page.mouse.move(box.x + box.w * fx, box.y + box.h * 0.6)
          await page.waitForTimeout(400)
          tips.push(await chartTooltipText(page, selector))
          await page.mouse.move(0, 0)
          await page.waitForTimeout(100)
        }
        seen[viewport.width] = tips
        await session.close()
      }
      assert.equal(new Set(seen[1920].filter(Boolean)).size, 3, JSON.stringify(seen[1920]))
      assert.deepEqual(seen[3840], seen[1920])
    })

    it('runs the big screen with its figures and charts', async (t) => {
      const { page } = await harness.open(t, '#/screen?rotate=0', {
        waitFor: waitForCardsAndCharts,
      })
      assertChartsDrawnAndSharp(await readChartCanvases(page), 1)
      const cards = await page.evaluate(
        () => document.querySelectorAll('[data-indicator-id][data-status="reported"]').length,
      )
      assert.ok(cards >= 20, `the overview page of the big screen shows report figures (${cards})`)
      const size = await page.evaluate(() => ({
        w: document.documentElement.scrollWidth,
        h: document.documentElement.scrollHeight,
      }))
      assert.ok(size.w <= 1920 && size.h <= 1080, `no scrollbars (${size.w}×${size.h})`)
      await page.screenshot({ path: `${SHOTS}/chromium-${version}-screen.png` })
      await assertGapsKept(page, 'big screen')
      if (version >= 86) {
        assert.deepEqual(await findTextOverlaps(page, 'header'), [], 'header text does not overlap')
      }
    })

    it('keeps flex gaps and whole cards on an office screen of 1024×768, where rows wrap', async (t) => {
      const viewport = { width: 1024, height: 768 }
      const group = dataset.meta.groups[0].id
      for (const path of ['#/', '#/compare', `#/group/${group}`]) {
        const waitFor = path === '#/compare' ? waitForCharts : waitForCardsAndCharts
        const session = await harness.open(t, path, { viewport, waitFor })
        if (path === '#/')
          await session.page.screenshot({ path: `${SHOTS}/chromium-${version}-overview-1024.png` })
        await assertGapsKept(session.page, `${path} at 1024×768`)
        if (path === '#/') {
          const { gap, groups } = await readGroupColumns(session.page)
          const holes = groups
            .filter((g) => g.belowAbove !== null && Math.abs(g.belowAbove - gap) > 1)
            .map((g) => `${g.group}: ${g.belowAbove} px under the group above it`)
          assert.deepEqual(holes, [], 'the groups packed into their columns, no hole')
        }
        if (path !== '#/compare') {
          const { cards, found } = await findCardLayoutFaults(session.page)
          assert.ok(cards > 0, `${path}: cards read`)
          assert.deepEqual(found, [], `${path} at 1024×768: cards whole, 出处 at their bottom`)
        }
        await session.close()
      }
    })

    it('keeps each card as in a current browser: target on one line, 出处 at the right edge', async (t) => {
      // In Chromium 83 the gap fallback's trailing margins narrowed these lines: 示例 wrapped to a
      // line of its own (cards 23 px taller) and 出处 stood 6 px in from the edge.
      for (const [path, width, height] of [
        ['#/', 1920, 1080],
        ['#/group/admin-services', 1440, 900],
        ['#/group/dispute-resolution', 1440, 900],
      ]) {
        const session = await harness.open(t, path, {
          viewport: { width, height },
          waitFor: waitForCardsAndCharts,
        })
        const faults = await session.page.evaluate(() =>
          [...document.querySelectorAll('.metric-card')].flatMap((card) => {
            const id = card.getAttribute('data-indicator-id')
            const out = []
            const pieces = [...card.querySelectorAll('.metric-card__target > *')].map((p) =>
              p.getBoundingClientRect(),
            )
            if (pieces.some((p) => p.top >= pieces[0].bottom - 1))
              out.push(`${id}: its target wraps`)
            const note = card.querySelector('.metric-card__foot .source-note')
            if (note) {
              const inset = card.getBoundingClientRect().right - note.getBoundingClientRect().right
              const padding =
                parseFloat(getComputedStyle(card).paddingRight) +
                parseFloat(getComputedStyle(card).borderRightWidth)
              if (Math.abs(inset - padding) > 1)
                out.push(`${id}: 出处 ${inset} px in, not ${padding}`)
            }
            return out
          }),
        )
        assert.deepEqual(faults, [], `${path} at ${width}×${height}`)
        await session.close()
      }
    })

    it('marks focus with the app’s ring, never the browser’s, and not after a mouse click', async (t) => {
      const { page } = await harness.open(t, '#/', { waitFor: waitForCardsAndCharts })
      const button = 'section[data-group] .chart-panel button'
      const box = await page.evaluate((sel) => {
        const r = document.querySelector(sel).getBoundingClientRect()
        return { x: r.x + r.width / 2, y: r.y + r.height / 2 }
      }, button)
      await page.mouse.click(box.x, box.y)
      const outline = () =>
        page.evaluate(() => {
          const s = getComputedStyle(document.activeElement)
          return {
            tag: document.activeElement.tagName,
            style: s.outlineStyle,
            colour: s.outlineColor,
          }
        })
      const clicked = await outline()
      assert.equal(clicked.tag, 'BUTTON')
      // Chromium 83–85 have no :focus-visible: the app's ring shows on a click there too.
      assert.equal(clicked.style, version >= 86 ? 'none' : 'solid', 'after a mouse click')
      await page.keyboard.press('Tab')
      const tabbed = await outline()
      assert.deepEqual(
        [tabbed.style, tabbed.colour],
        ['solid', 'rgb(43, 195, 255)'],
        `the keyboard's focus on ${tabbed.tag}`,
      )
    })

    it('draws every 对比分析 chart', async (t) => {
      const { page } = await harness.open(t, '#/compare', { waitFor: waitForCharts })
      const charts = await readChartCanvases(page)
      assert.ok(charts.length >= 4, `comparison charts (${charts.length})`)
      assertChartsDrawnAndSharp(charts, 1)
      await page.screenshot({ path: `${SHOTS}/chromium-${version}-compare.png` })
    })

    it('opens 数据导入 with its template links', async (t) => {
      const { page } = await harness.open(t, '#/import')
      await page.waitForFunction(() =>
        [...document.querySelectorAll('h1, h2')].some((h) => h.textContent.includes('数据导入')),
      )
      const templates = await page.evaluate(
        () =>
          [...document.querySelectorAll('a, button')].filter(
            (a) => /模板/.test(a.textContent) && a.getBoundingClientRect().width > 0,
          ).length,
      )
      assert.ok(templates > 0, 'the import template can be downloaded')

      // A file chosen: its name, sheet and row count apart in the result's heading.
      const file = join(mkdtempSync(join(tmpdir(), 'tzw-old-import-')), 'valid.csv')
      writeFileSync(
        file,
        toCsv([
          ['指标编码', '指标名称', '单位', '年度', '数值', '限定词', '数据性质', '来源说明'],
          ['XZFW-04', null, '通州湾示范区', 2025, 25, '余'],
        ]),
      )
      await page.setInputFiles('input[type=file]', file)
      await page.waitForFunction(() => document.querySelector('[data-import-result]') !== null)
      await assertGapsKept(page, '数据导入 with a file chosen')
    })
  })
}
