import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { setLocalDataStore } from '@/api/local-data'
import { App } from '@/app/app'
import { DEFAULT_CONFIG } from '@/config/runtime-config'
import { dataAtOnce } from '../../../mocks/handlers'
import { server } from '../../../mocks/node'
import { toCsv } from '@/lib/csv'
import { indexedDbStore, memoryStore, type LocalData } from '@/api/local-store'
import { HEADER, importWorkbook, zipBomb } from './testing'

/**
 * The import page in the app (jsdom): a file in, the changes and errors on screen, apply to this
 * browser (the header says so and the cards show it), revert. The real browser with IndexedDB and
 * the CSP is tests/browser/import.test.mjs.
 */

vi.setConfig({ testTimeout: 15_000 })

// The router loads the page lazily; its first transform in vitest can outlast findBy's wait, which
// would time the first test out on a cold cache. Load it once before the tests.
beforeAll(async () => {
  await import('@/app/routes/import')
})

beforeEach(() => {
  window.location.hash = '#/import'
  server.use(...dataAtOnce())
})

afterEach(() => {
  setLocalDataStore(indexedDbStore())
})

const csvFile = (rows: unknown[][], name = '部门数据.csv') =>
  new File([toCsv(rows as never)], name, { type: 'text/csv' })

function renderApp() {
  return render(<App loaded={{ config: DEFAULT_CONFIG, warning: null }} />)
}

/** The app on the import page, keeping this browser's data in `store`; `upload` chooses a file. */
async function openImportPage(store: Parameters<typeof setLocalDataStore>[0] = memoryStore()) {
  setLocalDataStore(store)
  const user = userEvent.setup()
  renderApp()
  await screen.findByRole('heading', { name: '数据导入' })
  const upload = (file: File) => user.upload(screen.getByLabelText('选择要导入的文件'), file)
  return { user, upload }
}

describe('数据导入 page', () => {
  it('shows the changes of a valid file, applies them to this browser and reverts', async () => {
    const store = memoryStore()
    const { user, upload } = await openImportPage(store)
    expect(screen.queryByText('本机导入数据')).toBeNull()

    await upload(
      csvFile([
        HEADER,
        ['XZFW-04', null, '通州湾示范区', 2024, 21, '余', null, '区司法局'],
        ['XZFW-04', null, '通州湾示范区', 2025, 25, '余', null, null],
        ['XZFW-01', null, '通州湾示范区', 2024, 100, null, null, null],
      ]),
    )
    const result = await screen.findByRole('region', { name: '导入结果' })
    const summary = within(result).getByRole('list', { name: '变化统计' })
    expect(summary).toHaveTextContent('新增 1修改 1不变 1错误 0')
    const table = result.querySelector('[data-change-table]')!
    expect(table.querySelector('tr[data-kind="changed"]')).toHaveTextContent(
      /XZFW-04 涉企法治服务.*2024.*20余次.*21余次.*区司法局/,
    )

    await user.click(within(result).getByRole('button', { name: '应用到本浏览器(2 条变化)' }))
    await within(result).findByText(/已应用 2 条变化/)
    const mark = await screen.findByRole('link', { name: '本机导入数据' })
    expect(mark).toHaveAttribute('href', '#/import')
    const saved = (await store.load()) as LocalData
    expect(saved.fileName).toBe('部门数据.csv')
    expect(saved.rows.map((r) => [r.year, r.value])).toEqual([
      [2024, 21],
      [2025, 25],
    ])
    // The year filter offers the imported year.
    expect(screen.getByRole('combobox', { name: /年度/ })).toHaveTextContent('2025')

    await user.click(screen.getByRole('button', { name: '恢复为发布数据' }))
    await waitFor(() => expect(screen.queryByRole('link', { name: '本机导入数据' })).toBeNull())
    expect(await store.load()).toBeNull()
  })

  it('lists the errors by sheet, row and column and offers nothing to apply', async () => {
    const { upload } = await openImportPage()
    await upload(
      csvFile([
        HEADER,
        ['XZFW-04', null, '通州湾示范区', 2025, 25, '余', null, null],
        ['XZFW-03', null, '通州湾示范区', 2025, 120, null, null, null],
        ['XZFW-04', null, '通州湾示范区', null, '<img src=x onerror=alert(1)>', null, null, null],
      ]),
    )
    const result = await screen.findByRole('region', { name: '导入结果' })
    expect(within(result).getByRole('alert')).toHaveTextContent(
      '文件中有 3 处错误,整个文件都没有导入',
    )
    const rows = [...result.querySelectorAll('table[data-issue-table="error"] tbody tr')].map(
      (tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent),
    )
    expect(rows).toEqual([
      ['部门数据.csv', '第 3 行', 'E 列(数值)', '比率应在 0–100 之间(实际为 120);86.8% 请填 86.8'],
      ['部门数据.csv', '第 4 行', 'D 列(年度)', '缺少年度'],
      ['部门数据.csv', '第 4 行', 'E 列(数值)', '数值“<img src=x onerror=alert(1)>”不是数字'],
    ])
    // Text stays text.
    expect(result.querySelector('img')).toBeNull()
    expect(within(result).queryByRole('button', { name: /应用到本浏览器/ })).toBeNull()
  })

  it('counts rows with errors; an empty file is an error of the whole file, not of a row', async () => {
    const { upload } = await openImportPage()
    await upload(new File([''], 'empty.csv', { type: 'text/csv' }))
    const empty = await screen.findByRole('region', { name: '导入结果' })
    const errors = () => within(screen.getByRole('list', { name: '变化统计' })).getByText(/错误/)
    expect(empty).toHaveTextContent('0 行数据')
    expect(errors()).toHaveTextContent('错误 1(整个文件)')
    await upload(
      csvFile([
        HEADER,
        ['XZFW-03', null, '通州湾示范区', 2025, 120, null, null, null],
        ['XZFW-04', null, '通州湾示范区', null, 'x', null, null, null],
      ]),
    )
    await waitFor(() => expect(errors()).toHaveTextContent('错误 3(涉及 2 行)'))
  })

  it('says why a zip bomb is refused, and offers nothing to apply', async () => {
    const { upload } = await openImportPage()
    // 2 MB that would inflate to 300 MB.
    const bomb = new File([zipBomb(300 * 1024 * 1024)], '报送.xlsx')
    await upload(bomb)
    const result = await screen.findByRole('region', { name: '导入结果' })
    const rows = [...result.querySelectorAll('table[data-issue-table="error"] tbody tr')].map(
      (tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent),
    )
    expect(rows).toEqual([
      [
        '报送.xlsx',
        '—',
        '—',
        '工作簿解压后超过 100 MB(上限),请删除多余的行、列或工作表,或拆分文件后再导入',
      ],
    ])
    expect(within(result).queryByRole('button', { name: /应用到本浏览器/ })).toBeNull()
  })

  it('refuses a file over 30 MB from its size, without reading it into memory', async () => {
    const { upload } = await openImportPage()
    const big = new File([new Uint8Array(31 * 1024 * 1024)], '全年汇总.xlsx')
    // jsdom's File has no arrayBuffer(), so the page reads through FileReader (as old engines do).
    const read = vi.spyOn(FileReader.prototype, 'readAsArrayBuffer')
    await upload(big)
    const result = await screen.findByRole('region', { name: '导入结果' })
    expect(result).toHaveTextContent('文件过大(31.0 MB,上限 30 MB)')
    expect(read).not.toHaveBeenCalled()
    expect(within(result).queryByRole('button', { name: /应用到本浏览器/ })).toBeNull()
  })

  it('shows the period of each row, and the targets and facts to be published', async () => {
    const { upload } = await openImportPage()
    const bytes = await importWorkbook({
      data: [
        ['GPJZ-04', null, '通州湾示范区', 2025, 300, null, null, null, '2012年以来'],
        ['GPJZ-01', null, '通州湾示范区', 2024, 169, null, null, null, '近2年'],
      ],
      targets: [['XZFW-01', null, 98, '文件', '考核细则', '部署率达到98%。']],
      facts: [
        [
          'MDJF-S09',
          '矛盾纠纷化解',
          '排名',
          2025,
          '调解成功率',
          '全市第一',
          '调解成功率全市第一。',
          '二',
        ],
      ],
    })
    await upload(new File([bytes as BlobPart], '报送.xlsx'))
    const result = await screen.findByRole('region', { name: '导入结果' })
    expect(result).toHaveTextContent('2 行数据、1 行目标、1 行定性事实')
    const periods = [...result.querySelectorAll('[data-change-table] td[data-period]')]
    expect(periods.map((td) => td.textContent)).toEqual(['2012年以来', '近3年 → 近2年'])
    expect(result.querySelector('[data-target-changes] tbody tr')).toHaveTextContent(
      /修改.*XZFW-01.*100%\(示例\).*98%\(文件\).*《考核细则》「部署率达到98%。」/,
    )
    expect(result.querySelector('[data-fact-changes] tbody tr')).toHaveTextContent(
      /新增.*MDJF-S09.*矛盾纠纷化解.*排名.*2025.*全市第一/,
    )
    expect(within(result).getByText(/目标和定性事实有 2 处变化/)).toBeInTheDocument()
    expect(within(result).getByRole('button', { name: '应用到本浏览器(2 条变化)' })).toBeEnabled()
  })

  it('the dashboard shows local data over the published data', async () => {
    setLocalDataStore(
      memoryStore({
        appliedAt: '2026-12-01T02:00:00.000Z',
        fileName: 'x.xlsx',
        rows: [
          {
            indicatorId: 'enterprise-legal-services',
            orgId: 'tzw',
            year: 2024,
            value: 33,
            qualifier: 'approx',
            status: 'reported',
          },
        ],
      }),
    )
    window.location.hash = '#/'
    renderApp()
    await waitFor(() =>
      expect(
        document.querySelector('[data-indicator-id="enterprise-legal-services"]'),
      ).toHaveAccessibleName(/33余次/),
    )
    expect(screen.getByRole('link', { name: '本机导入数据' })).toBeInTheDocument()
  })
})
