/**
 * 数据导入 in the production build (dist/) under the production CSP, in Chromium: the spreadsheet
 * code is not loaded before the page needs it; a large .xlsx is read without eval or blob: workers;
 * errors are listed by sheet, row and column; applied data lives in IndexedDB, is marked in the
 * header, survives a reload and shows on the cards; revert brings back the published data; the
 * current data exported from the page imports back without a change.
 */
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { toCsv } from '../../src/lib/csv.ts'
import { writeXlsx } from '../../src/features/data-import/xlsx.ts'
import { dataset, LOAD_TIMEOUT_MS, useHarness, waitForCards } from './helpers.mjs'
import { DIST_DIR } from './static-server.mjs'

const HEADER = ['指标编码', '指标名称', '单位', '年度', '数值', '限定词', '数据性质', '来源说明']
const DIST_ASSETS = join(DIST_DIR, 'assets')

/** The built chunks that hold the spreadsheet libraries (read-excel-file, fflate). */
function spreadsheetChunks() {
  return readdirSync(DIST_ASSETS)
    .filter((f) => f.endsWith('.js'))
    .filter((f) => {
      const code = readFileSync(join(DIST_ASSETS, f), 'utf8')
      return code.includes('INVALID_ZIP') || code.includes('invalid zip data')
    })
}

/** Every valid (indicator, organisation) pair of the published catalogue. */
function validPairs() {
  const pairs = []
  for (const indicator of dataset.indicators) {
    for (const org of dataset.organizations) {
      if (org.type === 'district' || org.type === indicator.breakdown) pairs.push([indicator, org])
    }
  }
  return pairs
}

/** Rows for years from..to (none of them published), one per valid pair and year. */
function futureRows(from, to) {
  const rows = []
  for (let year = from; year <= to; year++) {
    for (const [indicator, org] of validPairs()) {
      rows.push([indicator.code, null, org.name, year, indicator.kind === 'rate' ? 50 : 10, null])
    }
  }
  return rows
}

const byKind = (page, kind) =>
  page.locator(`[data-import-result] [data-kind="${kind}"] strong`).innerText()

describe('数据导入 (import page)', () => {
  const harness = useHarness()
  let dir

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'import-browser-'))
  })

  after(() => {
    rmSync(dir, { recursive: true, force: true })
  })

  /** The import page for test `t`, once its drop zone is there. */
  async function openImport(t) {
    const waitFor = (page) => page.waitForSelector('[data-drop-zone]', { timeout: LOAD_TIMEOUT_MS })
    const { page } = await harness.open(t, '#/import', { waitFor })
    return page
  }

  const chooseFile = (page, path) => page.setInputFiles('input[type=file]', path)

  /** The errors the page lists for the file at `path`: sheet, row, column, message. */
  async function errorsOf(page, path) {
    await chooseFile(page, path)
    await page.waitForSelector('[data-import-result]')
    return page
      .locator('table[data-issue-table="error"] tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((td) => td.textContent)))
  }

  it('loads the spreadsheet code only on the import page, when a file is read', async (t) => {
    const chunks = spreadsheetChunks()
    assert.ok(chunks.length >= 1, `the build has a spreadsheet chunk (${chunks.join(', ')})`)
    harness.server.state.requests.length = 0
    const session = await harness.open(t, '#/', { waitFor: waitForCards })
    const loaded = () => harness.server.state.requests.map((r) => r.split('/').pop())
    assert.deepEqual(
      loaded().filter((f) => chunks.includes(f) || f.startsWith('import-')),
      [],
      'the overview loads neither the import page nor the spreadsheet code',
    )
    await session.page.getByRole('link', { name: '数据导入' }).click()
    await session.page.waitForSelector('[data-drop-zone]')
    assert.deepEqual(
      loaded().filter((f) => chunks.includes(f)),
      [],
      'the import page alone does not load the spreadsheet code',
    )
    const file = join(dir, 'one.xlsx')
    writeFileSync(
      file,
      await writeXlsx([{ name: '数据', rows: [HEADER, ...futureRows(2030, 2030).slice(0, 3)] }]),
    )
    await chooseFile(session.page, file)
    await session.page.waitForSelector('[data-import-result]')
    assert.ok(
      loaded().some((f) => chunks.includes(f)),
      'reading an .xlsx loads the spreadsheet code',
    )
  })

  it('reads a large .xlsx under the CSP (no eval, no blob: worker) and shows what it changes', async (t) => {
    const rows = futureRows(2030, 2100)
    const file = join(dir, 'large.xlsx')
    const bytes = await writeXlsx([{ name: '数据', rows: [HEADER, ...rows], header: true }])
    writeFileSync(file, bytes)
    const page = await openImport(t)
    const started = Date.now()
    await chooseFile(page, file)
    await page.waitForSelector('[data-import-result]', { timeout: 60_000 })
    const ms = Date.now() - started
    console.info(
      `# ${rows.length} rows, ${(bytes.length / 1024).toFixed(0)} kB .xlsx read and compared in the browser in ${ms} ms`,
    )
    assert.equal(await byKind(page, 'new'), String(rows.length))
    assert.equal(await byKind(page, 'changed'), '0')
    assert.equal(await byKind(page, 'error'), '0')
    assert.equal(
      await page.locator('[data-change-table] tbody tr').count(),
      200,
      'shows 200 rows at a time',
    )
    assert.ok(
      await page.getByRole('button', { name: `应用到本浏览器(${rows.length} 条变化)` }).isEnabled(),
    )
  })

  it('lists every error by sheet, row and column, and applies nothing', async (t) => {
    const file = join(dir, 'bad.csv')
    writeFileSync(
      file,
      toCsv([
        HEADER,
        ['XZFW-04', null, '通州湾示范区', 2025, 25, '余'],
        ['XZFW-99', null, '通州湾示范区', 2025, 1, null],
        ['XZFW-03', null, '通州湾示范区', 2025, 120, null],
        ['GPJZ-07', null, '通州湾示范区', null, '3767份', null],
        ['XZFW-04', null, '通州湾示范区', 2025, 26, null],
      ]),
    )
    const page = await openImport(t)
    assert.deepEqual(await errorsOf(page, file), [
      ['bad.csv', '第 3 行', 'A 列(指标编码)', '找不到指标编码“XZFW-99”(编码见“目录”表)'],
      ['bad.csv', '第 4 行', 'E 列(数值)', '比率应在 0–100 之间(实际为 120);86.8% 请填 86.8'],
      ['bad.csv', '第 5 行', 'D 列(年度)', '缺少年度'],
      ['bad.csv', '第 5 行', 'E 列(数值)', '数值“3767份”不是数字;单位不要写进数值'],
      [
        'bad.csv',
        '第 6 行',
        '整行',
        '与第 2 行重复:同一指标(XZFW-04)、单位(通州湾示范区)和年度(2025)只能有一行',
      ],
    ])
    assert.equal(await page.getByRole('button', { name: /应用到本浏览器/ }).count(), 0)
  })

  it('reads 统计期 and the sheet 目标, and places a bad target in its row and column', async (t) => {
    const file = join(dir, 'targets.xlsx')
    /** A row of 数据 over 2012年以来, and the given rows of 目标 under its template header. */
    const write = async (targets) =>
      writeFileSync(
        file,
        await writeXlsx([
          {
            name: '数据',
            rows: [
              [...HEADER, '统计期'],
              ['GPJZ-04', null, '通州湾示范区', 2025, 300, null, null, null, '2012年以来'],
            ],
          },
          {
            name: '目标',
            rows: [
              ['指标编码', '指标名称', '目标值', '目标来源', '来源文件', '依据原句'],
              ...targets,
            ],
          },
        ]),
      )
    const good = ['XZFW-01', null, 98, '文件', '考核细则', '部署率达到98%。']
    await write([good, ['XZFW-02', null, 120, '文件', null, '编制率达到120%。']])
    const page = await openImport(t)
    assert.deepEqual(await errorsOf(page, file), [
      ['目标', '第 3 行', 'C 列(目标值)', '比率的目标值应在 0–100 之间(实际为 120);100% 请填 100'],
      ['目标', '第 3 行', 'E 列(来源文件)', '目标来源为“文件”时须填写来源文件(文件标题)'],
    ])
    assert.equal(await page.getByRole('button', { name: /应用到本浏览器/ }).count(), 0)

    // Corrected, the preview shows the period of the row and the target to be published.
    await write([good])
    await chooseFile(page, file)
    await page.waitForSelector('[data-change-table] td[data-period]')
    assert.equal(
      await page.locator('[data-change-table] td[data-period]').innerText(),
      '2012年以来',
    )
    assert.match(
      await page.locator('[data-target-changes] tbody tr').innerText(),
      /XZFW-01[\s\S]*98%\(文件\)[\s\S]*《考核细则》/,
    )
    assert.ok(await page.getByText(/目标和定性事实有 1 处变化/).isVisible())
  })

  it('applies to this browser (IndexedDB), marks it in the header, and reverts', async (t) => {
    const file = join(dir, 'dept.xlsx')
    writeFileSync(
      file,
      await writeXlsx([
        {
          name: '数据',
          rows: [
            HEADER,
            ['XZFW-04', '深入企业开展法治服务', '通州湾示范区', 2024, 33, '余', '正式', '区司法局'],
            ['GPJZ-02', null, '通州湾示范区', 2025, 52, null, null, null],
          ],
        },
      ]),
    )
    const page = await openImport(t)
    assert.equal(await page.locator('.local-data-mark').count(), 0)
    await chooseFile(page, file)
    await page.getByRole('button', { name: '应用到本浏览器(2 条变化)' }).click()
    await page.getByText(/已应用 2 条变化/).waitFor()
    const mark = page.getByRole('link', { name: '本机导入数据' })
    assert.ok(await mark.isVisible(), 'the header says local data is in use')

    // It survives a reload (IndexedDB) and the cards show it.
    await page.goto(`${harness.server.url}#/`)
    await waitForCards(page)
    const card = page.locator('[data-indicator-id="enterprise-legal-services"]')
    await page.waitForFunction(
      () =>
        document
          .querySelector('[data-indicator-id="enterprise-legal-services"] .metric-card__figure')
          ?.textContent?.includes('33余'),
      null,
      { timeout: LOAD_TIMEOUT_MS },
    )
    assert.match(await card.innerText(), /33余/)
    assert.ok(await mark.isVisible(), 'still marked after a reload')
    const years = await page
      .getByRole('combobox', { name: /年度/ })
      .locator('option')
      .allInnerTexts()
    assert.ok(
      years.some((y) => y.startsWith('2025')),
      `the year filter offers 2025: ${years}`,
    )

    // Another tab of the same browser sees it too.
    const other = await page.context().newPage()
    await other.goto(`${harness.server.url}#/`)
    await other.getByRole('link', { name: '本机导入数据' }).waitFor()
    await other.close()

    // The mark leads to the import page, where revert brings back the published data.
    await mark.click()
    await page.getByRole('button', { name: '恢复为发布数据' }).click()
    await mark.waitFor({ state: 'detached' })
    await page.reload()
    await page.waitForSelector('[data-local-panel="published"]')
    assert.equal(await page.locator('.local-data-mark').count(), 0, 'gone after a reload too')
  })

  it('exports the current data to .xlsx, and importing that file changes nothing', async (t) => {
    const page = await openImport(t)
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出当前数据(.xlsx)' }).click(),
    ])
    assert.match(download.suggestedFilename(), /^看板数据_\d{8}\.xlsx$/)
    const file = join(dir, 'current.xlsx')
    await download.saveAs(file)
    await chooseFile(page, file)
    await page.waitForSelector('[data-import-result]')
    assert.equal(await byKind(page, 'unchanged'), String(dataset.observations.length))
    assert.equal(await byKind(page, 'new'), '0')
    assert.equal(await byKind(page, 'changed'), '0')
    assert.equal(await byKind(page, 'error'), '0')
    assert.ok(await page.getByText('文件中的数据与当前数据完全相同,无需导入。').isVisible())
  })

  it('serves the templates', async (t) => {
    const page = await openImport(t)
    for (const name of ['Excel 模板(.xlsx)', 'CSV 模板']) {
      const href = await page.getByRole('link', { name }).getAttribute('href')
      const res = await page.request.get(new URL(href, page.url()).toString())
      assert.equal(res.status(), 200, `${href} is served`)
      assert.ok((await res.body()).length > 50, `${href} has content`)
    }
  })
})
