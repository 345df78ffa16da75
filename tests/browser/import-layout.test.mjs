/**
 * 数据导入 as the user sees it on a phone, in the production build: the preview of a valid .xlsx
 * keeps its columns readable (a heading on one line, a name on one or two lines, never a character
 * to a line) and scrolls sideways in a box of its own that the keyboard can reach and scroll; and
 * the messages for a file of another type and for a sheet without the template's header say what
 * is wrong in words the clerk can act on.
 */
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { toCsv } from '../../src/lib/csv.ts'
import { writeXlsx } from '../../src/features/data-import/xlsx.ts'
import { LOAD_TIMEOUT_MS, useHarness } from './helpers.mjs'

const HEADER = ['指标编码', '指标名称', '单位', '年度', '数值', '限定词', '数据性质', '来源说明']

/** A department's file as a reviewer sent it, with a period and a longer note. */
const ROWS = [
  [...HEADER, '统计期'],
  ['XZFW-04', '深入企业开展法治服务', '通州湾示范区', 2024, 33, '余', '正式', '区司法局'],
  ['GPJZ-02', null, '通州湾示范区', 2025, 52, null, null, null],
  ['XZFW-01', null, '行政审批局', 2024, 97.5, null, null, null],
  [
    'GPJZ-04',
    null,
    '通州湾示范区',
    2025,
    300,
    null,
    null,
    '区司法局2025年法治政府建设工作总结',
    '2012年以来',
  ],
]

const PHONES = [
  { name: '390×844', viewport: { width: 390, height: 844 }, deviceScaleFactor: 3 },
  { name: '360×740', viewport: { width: 360, height: 740 }, deviceScaleFactor: 3 },
]

/** The columns whose cells are names: each on one or two lines. */
const NAME_COLUMNS = ['指标', '单位', '统计期']

describe('数据导入 on a phone (layout and wording)', () => {
  const harness = useHarness()
  let dir

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'import-layout-'))
  })

  after(() => {
    rmSync(dir, { recursive: true, force: true })
  })

  async function openImport(t, shape) {
    const waitFor = (page) => page.waitForSelector('[data-drop-zone]', { timeout: LOAD_TIMEOUT_MS })
    const { page } = await harness.open(t, '#/import', {
      viewport: shape.viewport,
      deviceScaleFactor: shape.deviceScaleFactor,
      isMobile: true,
      hasTouch: true,
      waitFor,
    })
    return page
  }

  /**
   * Every cell of the change table: its column's heading, text, width and the lines its text takes
   * (the distinct line boxes of its contents); and the box that scrolls the table sideways.
   */
  function readChangeTable(page) {
    return page.evaluate(() => {
      /** The lines of text of `el`: its text's line boxes, those within 4 px counted as one. */
      const lines = (el) => {
        const tops = []
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const range = document.createRange()
          range.selectNodeContents(node)
          for (const r of range.getClientRects()) if (r.width > 0) tops.push(r.top)
        }
        tops.sort((a, b) => a - b)
        return tops.filter((top, i) => i === 0 || top - tops[i - 1] > 4).length
      }
      const table = document.querySelector('table[data-change-table]')
      const headings = [...table.querySelectorAll('thead th')].map((th) => th.textContent.trim())
      const cells = [...table.querySelectorAll('thead th, tbody td')].map((cell) => ({
        column: headings[cell.cellIndex],
        header: cell.tagName === 'TH',
        text: cell.textContent.trim(),
        width: Math.round(cell.getBoundingClientRect().width),
        lines: lines(cell),
      }))
      let box = table.parentElement
      while (box && !/(auto|scroll)/.test(getComputedStyle(box).overflowX)) box = box.parentElement
      const page = document.scrollingElement
      return {
        cells,
        box: box && {
          tabIndex: box.tabIndex,
          tabindexAttr: box.getAttribute('tabindex'),
          role: box.getAttribute('role'),
          label: box.getAttribute('aria-label') ?? '',
          scrolls: box.scrollWidth > box.clientWidth + 1,
          right: box.getBoundingClientRect().right,
        },
        pageScrollsSideways: page.scrollWidth > window.innerWidth + 1,
      }
    })
  }

  for (const shape of PHONES) {
    it(`keeps the preview's columns readable at ${shape.name} and scrolls it from the keyboard`, async (t) => {
      const file = join(dir, 'valid.xlsx')
      writeFileSync(file, await writeXlsx([{ name: '数据', rows: ROWS }]))
      const page = await openImport(t, shape)
      await page.setInputFiles('input[type=file]', file)
      await page.waitForSelector('table[data-change-table] tbody tr', {
        timeout: LOAD_TIMEOUT_MS,
      })
      const { cells, box, pageScrollsSideways } = await readChangeTable(page)
      assert.equal(cells.filter((c) => !c.header).length, 4 * 9, 'four rows of nine cells')

      const faults = []
      for (const c of cells) {
        const chars = [...c.text.replace(/\s/g, '')].length
        if (chars === 0) continue
        const what = `${c.header ? 'heading' : c.column} “${c.text}” (${c.width} px)`
        if (c.header && c.lines > 1) faults.push(`${what} takes ${c.lines} lines`)
        if (!c.header && NAME_COLUMNS.includes(c.column) && c.lines > 2)
          faults.push(`${what} takes ${c.lines} lines`)
        // Never a character or two to a line: at least four a line on average.
        if (chars > 1 && c.lines > Math.max(1, Math.ceil(chars / 4)))
          faults.push(`${what}: ${chars} characters on ${c.lines} lines`)
      }
      assert.deepEqual(faults, [], 'every cell of the preview is readable')
      for (const c of cells.filter((c) => c.column === '单位' && !c.header)) {
        assert.ok(c.width >= 84, `单位 “${c.text}” is ${c.width} px wide (at least 6 characters)`)
      }

      assert.equal(pageScrollsSideways, false, 'the page itself does not scroll sideways')
      assert.ok(box, 'the table has a box of its own that scrolls sideways')
      assert.ok(box.scrolls, 'the table is wider than the phone: its box scrolls')
      assert.ok(box.right <= shape.viewport.width, 'the scroll box ends inside the screen')
      assert.equal(box.tabindexAttr, '0', 'the scroll box is in the tab order')
      assert.ok(box.label.length > 0, 'the scroll box has an accessible name')
      assert.equal(box.role, 'region', 'the scroll box is a named region')

      // A line above the table says it scrolls (the cut edge alone does not show it).
      assert.ok(
        await page.getByText('表格较宽,左右滑动可查看其余各列').isVisible(),
        'the page says the table scrolls sideways',
      )

      // From the keyboard: Tab from the last filter button reaches the box; arrows scroll it.
      await page.getByRole('button', { name: /^不变/ }).focus()
      await page.keyboard.press('Tab')
      const focused = await page.evaluate(() => {
        const table = document.querySelector('table[data-change-table]')
        const box = table.parentElement
        return {
          isBox: document.activeElement === box,
          outline: getComputedStyle(box).outlineStyle,
        }
      })
      assert.ok(focused.isBox, 'Tab reaches the scroll box')
      assert.notEqual(focused.outline, 'none', 'the focused scroll box shows a focus ring')
      for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight')
      await page.waitForFunction(
        () => document.querySelector('table[data-change-table]').parentElement.scrollLeft > 0,
        null,
        { timeout: 2000 },
      )
    })
  }

  /** The one error the page lists for the file at `path`. */
  async function fileErrorOf(page, path) {
    await page.setInputFiles('input[type=file]', path)
    await page.waitForSelector('table[data-issue-table="error"] tbody tr', {
      timeout: LOAD_TIMEOUT_MS,
    })
    return page
      .locator('table[data-issue-table="error"] tbody tr')
      .evaluateAll((trs) => trs.map((tr) => tr.cells[3].textContent))
  }

  it('says a picture is not a file type it reads, naming the types it does', async (t) => {
    const file = join(dir, '照片.png')
    writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))
    const page = await openImport(t, PHONES[0])
    const [message, ...more] = await fileErrorOf(page, file)
    assert.deepEqual(more, [], 'one error')
    assert.doesNotMatch(message, /表头/, `“${message}” does not talk of a header`)
    assert.match(message, /不支持/, `“${message}” says the type is not supported`)
    assert.match(message, /\.png/, `“${message}” names the file's type`)
    assert.match(message, /\.xlsx/, `“${message}” names .xlsx`)
    assert.match(message, /\.csv/i, `“${message}” names .csv`)
  })

  it('tells the required columns of the header from the optional ones', async (t) => {
    const file = join(dir, '表头不对.csv')
    writeFileSync(
      file,
      toCsv([
        ['a', 'b', 'c'],
        ['1', '2', '3'],
      ]),
    )
    const page = await openImport(t, PHONES[0])
    const [message, ...more] = await fileErrorOf(page, file)
    assert.deepEqual(more, [], 'one error')
    assert.match(message, /^找不到表头/)
    const at = message.indexOf('可选')
    assert.ok(at > 0, `“${message}” names the optional columns apart`)
    const required = message.slice(0, at)
    const optional = message.slice(at)
    for (const name of ['指标编码', '指标名称', '单位', '年度', '数值'])
      assert.ok(required.includes(name), `${name} is among the required columns: “${message}”`)
    for (const name of ['限定词', '数据性质', '来源说明', '统计期']) {
      assert.ok(!required.includes(name), `${name} is not among the required: “${message}”`)
      assert.ok(optional.includes(name), `${name} is among the optional columns: “${message}”`)
    }
  })
})
