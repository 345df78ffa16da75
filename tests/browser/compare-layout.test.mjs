/**
 * 对比分析 (#/compare) as laid out on the screens it is read on — office PCs at 1366×768, 1280×720
 * and 1100 wide, phones at 390×844 and 360×740 — with the page's first selection (8 departments ×
 * 2022–2024): every name and title shown whole, as a user would read it.
 *   - 分年度对比 names every group in view (only 3 of 8 were named: long names hid their
 *     neighbours), each with its 示例单位 note, none over another;
 *   - the 单位 checkboxes show whole names, the 示例 mark included (an ellipsis cut them);
 *   - chart titles and subtitles are not cut off (「2024年较2023年」 was);
 *   - 排名's 表格 fits its panel: short headers on one line, the long 说明 wrapped.
 *   npx vite build --outDir /tmp/x && DIST_DIR=/tmp/x node --import tsx --test tests/browser/compare-layout.test.mjs
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { dataset, shownOrgName, shownOrgShortName, useHarness, waitForCharts } from './helpers.mjs'

const PHONE = { deviceScaleFactor: 3, isMobile: true, hasTouch: true }
const SCREENS = [
  { name: '1366×768', viewport: { width: 1366, height: 768 } },
  { name: '1280×720', viewport: { width: 1280, height: 720 } },
  { name: '390×844 phone', viewport: { width: 390, height: 844 }, ...PHONE },
  { name: '360×740 phone', viewport: { width: 360, height: 740 }, ...PHONE, deviceScaleFactor: 2 },
]
const DESKS = [...SCREENS.slice(0, 2), { name: '1100×800', viewport: { width: 1100, height: 800 } }]

const DEPARTMENTS = dataset.organizations.filter((o) => o.type === 'department')
const byName = new Map(dataset.organizations.map((o) => [shownOrgName(o), o]))

/**
 * Records the texts each canvas draws (fillText), in CSS px of the page: the texts of its last
 * frame (a clear of the whole canvas starts a new one). Runs before the page's scripts.
 */
function recordCanvasTexts() {
  const drawn = new WeakMap()
  window.__canvasTexts = (canvas) => drawn.get(canvas) ?? []
  const proto = CanvasRenderingContext2D.prototype
  const { clearRect, fillText } = proto
  proto.clearRect = function (x, y, w, h) {
    if (x <= 0 && y <= 0 && w >= this.canvas.width && h >= this.canvas.height) {
      drawn.set(this.canvas, [])
    }
    return clearRect.call(this, x, y, w, h)
  }
  proto.fillText = function (text, x, y, ...rest) {
    const m = this.getTransform()
    const scale = this.canvas.width / (this.canvas.getBoundingClientRect().width || 1)
    const width = this.measureText(text).width
    const size = parseFloat(/(\d+(?:\.\d+)?)px/.exec(this.font)?.[1] ?? '12')
    const left =
      this.textAlign === 'center' ? x - width / 2 : /right|end/.test(this.textAlign) ? x - width : x
    const top =
      this.textBaseline === 'middle'
        ? y - size / 2
        : this.textBaseline === 'bottom' || this.textBaseline === 'alphabetic'
          ? y - size
          : y
    const list = drawn.get(this.canvas) ?? []
    list.push({
      text: String(text),
      x: (m.a * left + m.c * top + m.e) / scale,
      y: (m.b * left + m.d * top + m.f) / scale,
      width: (width * m.a) / scale,
      height: (size * m.d) / scale,
    })
    drawn.set(this.canvas, list)
    return fillText.call(this, text, x, y, ...rest)
  }
}

/** Opens #/compare at `screen` with canvas texts recorded, and waits for its charts. */
async function openCompare(harness, t, screen) {
  const { viewport, deviceScaleFactor, isMobile, hasTouch } = screen
  const options = { viewport, deviceScaleFactor, isMobile, hasTouch }
  const session = await harness.open(t, undefined, options)
  await session.context.addInitScript(recordCanvasTexts)
  await session.page.goto(`${harness.server.url}#/compare`)
  await waitForCharts(session.page)
  // Text is drawn with the page's fonts once they are in.
  await session.page.evaluate(() => document.fonts.ready.then(() => undefined))
  return session
}

/** Pairs of boxes overlapping by more than a pixel each way. */
function overlaps(boxes) {
  const found = []
  boxes.forEach((a, i) => {
    for (const b of boxes.slice(i + 1)) {
      const x = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
      const y = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
      if (x > 1 && y > 1) found.push(`${a.text} × ${b.text}`)
    }
  })
  return found
}

/** A name as the axis draws it: its lines, the note (示例单位) on the second one. */
const axisLines = (org) =>
  shownOrgShortName(org)
    .replace(/(\(|（)/, '\n$1')
    .split('\n')

describe('对比分析 laid out on office screens and phones', () => {
  const harness = useHarness()

  for (const screen of SCREENS) {
    it(`分年度对比 names every group in view, whole and apart, at ${screen.name}`, async (t) => {
      const { page } = await openCompare(harness, t, screen)
      const panel = page.locator('[data-chart-id="compare-years"]')
      await panel.scrollIntoViewIfNeeded()
      const texts = await panel
        .locator('canvas')
        .first()
        .evaluate((canvas) => window.__canvasTexts(canvas))
      // The chart's groups, in order: the rows of its 表格.
      await panel.locator('button[aria-pressed]').click()
      const order = await panel
        .locator('tbody th[scope="row"]')
        .evaluateAll((ths) => ths.map((th) => th.textContent))
      await panel.locator('button[aria-pressed]').click()
      const orgs = order.map((n) => byName.get(n))
      assert.deepEqual(
        orgs.map((o) => o?.type),
        DEPARTMENTS.map(() => 'department'),
        'the chart compares the 8 departments',
      )

      const lines = new Set(orgs.flatMap(axisLines))
      const names = texts.filter((x) => lines.has(x.text))
      const named = orgs.filter((o) => names.some((x) => x.text === axisLines(o)[0]))
      const shown = named.map(shownOrgShortName)
      // At least three groups in view, and they are the first ones (the slider moves on): a name
      // missing in between is a name hidden by its neighbour.
      assert.ok(named.length >= 3, `groups named: ${shown.join('、')}`)
      assert.deepEqual(
        shown,
        orgs.slice(0, named.length).map(shownOrgShortName),
        'every group in view is named',
      )
      for (const org of named) {
        const [first, note] = axisLines(org)
        if (!note) continue
        const top = names.find((x) => x.text === first)
        const under = names.find(
          (x) =>
            x.text === note &&
            Math.abs(x.x + x.width / 2 - (top.x + top.width / 2)) < 2 &&
            x.y > top.y,
        )
        assert.ok(under, `${shownOrgShortName(org)}: its note ${note} is drawn under its name`)
      }
      assert.deepEqual(overlaps(names), [], 'no name drawn over another')
      const width = await panel
        .locator('canvas')
        .first()
        .evaluate((c) => c.clientWidth)
      for (const x of names) {
        assert.ok(x.x >= -0.5 && x.x + x.width <= width + 0.5, `${x.text} inside the chart`)
      }
      if (named.length < orgs.length) {
        assert.ok(width < 760, `at ${width} px wide all 8 groups stand in view`)
      }
    })
  }

  for (const screen of SCREENS) {
    it(`the 单位 checkboxes show whole names, 示例 mark included, at ${screen.name}`, async (t) => {
      const { page } = await openCompare(harness, t, screen)
      const found = await page.evaluate(() => {
        const side = document.querySelector('.compare__side')
        const labels = [...side.querySelectorAll('.compare-choice__list label')]
        return labels.map((label) => {
          const name = label.querySelector('span')
          const box = name.getBoundingClientRect()
          const list = label.closest('.compare-choice__list').getBoundingClientRect()
          return {
            text: name.textContent,
            value: label.querySelector('input').value,
            cut: name.scrollWidth > name.clientWidth + 0.5,
            outside: box.right > list.right + 0.5 || box.left < list.left - 0.5,
          }
        })
      })
      const departments = found.filter((f) => DEPARTMENTS.some((d) => d.id === f.value))
      assert.equal(departments.length, DEPARTMENTS.length, 'every department has its checkbox')
      for (const d of DEPARTMENTS) {
        const shown = departments.find((f) => f.value === d.id)
        assert.equal(shown.text, shownOrgName(d), `${d.id}: the name with its note`)
      }
      const cut = found.filter((f) => f.cut || f.outside).map((f) => f.text)
      assert.deepEqual(cut, [], 'no choice cut off')
    })
  }

  for (const screen of [...DESKS, ...SCREENS.slice(2)]) {
    it(`chart titles and subtitles show whole at ${screen.name}`, async (t) => {
      const { page } = await openCompare(harness, t, screen)
      const titles = await page.evaluate(() =>
        [...document.querySelectorAll('.compare-panel')].map((panel) => {
          const title = panel.querySelector('.chart-panel__title')
          const sub = title.querySelector('.chart-panel__subtitle')
          const box = title.getBoundingClientRect()
          const buttons = [...panel.querySelectorAll('.chart-panel__head > :not(h3)')].map((b) =>
            b.getBoundingClientRect(),
          )
          // Every line of the title's text, as laid out.
          const range = document.createRange()
          range.selectNodeContents(title)
          const lines = [...range.getClientRects()]
          return {
            id: panel.getAttribute('data-chart-id'),
            text: title.textContent,
            cut: title.scrollWidth > title.clientWidth + 0.5,
            outside: lines.some((r) => r.right > box.right + 0.5 || r.bottom > box.bottom + 0.5),
            subOutside: sub
              ? sub.getBoundingClientRect().right > box.right + 0.5 ||
                sub.getBoundingClientRect().bottom > box.bottom + 0.5
              : false,
            overButtons: buttons.some(
              (b) =>
                Math.min(b.right, box.right) - Math.max(b.left, box.left) > 1 &&
                Math.min(b.bottom, box.bottom) - Math.max(b.top, box.top) > 1,
            ),
          }
        }),
      )
      assert.ok(titles.length >= 5, 'the five charts are there')
      for (const x of titles) {
        assert.ok(!x.cut && !x.outside, `${x.id}: 「${x.text}」 shows whole`)
        assert.ok(!x.subOutside, `${x.id}: its subtitle shows whole`)
        assert.ok(!x.overButtons, `${x.id}: the title does not run under its buttons`)
      }
    })
  }

  for (const screen of SCREENS) {
    it(`排名's 表格 fits its panel, its headers on one line, at ${screen.name}`, async (t) => {
      const { page } = await openCompare(harness, t, screen)
      const panel = page.locator('[data-chart-id="compare-ranking"]')
      await panel.locator('button[aria-pressed]').click()
      const table = await panel.locator('.chart-panel__table').evaluate((box) => {
        const lineCount = (el) => {
          const range = document.createRange()
          range.selectNodeContents(el)
          return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size
        }
        return {
          scrollWidth: box.scrollWidth,
          clientWidth: box.clientWidth,
          headers: [...box.querySelectorAll('thead th')].map((th) => ({
            text: th.textContent,
            lines: lineCount(th),
          })),
          cells: [...box.querySelectorAll('tbody th, tbody td')].map((c) => {
            const r = c.getBoundingClientRect()
            const b = box.getBoundingClientRect()
            return {
              text: c.textContent,
              cut: c.scrollWidth > c.clientWidth + 0.5 || r.right > b.right + 0.5,
            }
          }),
        }
      })
      assert.ok(
        table.scrollWidth <= table.clientWidth,
        `the table (${table.scrollWidth} px) fits its panel (${table.clientWidth} px)`,
      )
      for (const h of table.headers) {
        assert.equal(h.lines, 1, `header 「${h.text}」 on one line`)
      }
      assert.ok(
        table.cells.some((c) => /个单位的算术平均/.test(c.text)),
        'the average row has its 说明',
      )
      assert.deepEqual(
        table.cells.filter((c) => c.cut).map((c) => c.text),
        [],
        'no cell cut off',
      )
    })
  }

  it("同比变化's 表格, wider than its panel at 1366, scrolls from the keyboard", async (t) => {
    // It scrolls sideways under its unit names; the box was not in the tab order.
    const { page } = await openCompare(harness, t, SCREENS[0])
    const panel = page.locator('[data-chart-id="compare-change"]')
    await panel.locator('button[aria-pressed]').click()
    const box = panel.getByRole('region', { name: /\(表格\)$/ })
    await panel.locator('button[aria-pressed]').focus()
    await page.keyboard.press('Tab')
    assert.ok(await box.evaluate((el) => el === document.activeElement), 'Tab reaches the table')
    assert.ok(await box.evaluate((el) => el.scrollWidth > el.clientWidth), 'wider than its panel')
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('ArrowRight')
    await page.waitForFunction(() => document.activeElement.scrollLeft > 0, null, { timeout: 2000 })
  })
})
