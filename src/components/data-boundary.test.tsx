import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { setLocalDataStore } from '@/api/local-data'
import { memoryStore } from '@/api/local-store'
import { useDataset, type Dataset } from '@/api/dataset'
import { dataAtOnce, DATA_FILES, dataUrl } from '../../mocks/handlers'
import { server } from '../../mocks/node'
import { DataBoundary } from './data-boundary'

/**
 * The one boundary for data states: what a panel shows while the dataset loads, when it cannot be
 * loaded, when a refresh fails (the last good data stays, marked), and when a panel's own render
 * fails (only that panel).
 */

const serveData = () => server.use(...dataAtOnce())
const failData = () =>
  server.use(http.get(dataUrl('observations.json'), () => new HttpResponse(null, { status: 503 })))

const selectTitle = (d: Dataset) => d.meta.source.title
function ReportTitle() {
  return <p>报告:{useDataset(selectTitle)}</p>
}
const stockDocs = (d: Dataset) =>
  d.problems.get('stock-docs') ??
  d.index
    .forIndicator('stock-docs')
    .map((o) => `${o.year}:${o.value}`)
    .join(' ')
function StockDocs() {
  return <p>存量文件监测:{useDataset(stockDocs)}</p>
}
function Broken(): never {
  throw new Error('render failed')
}

function renderWith(client: QueryClient, ui: React.ReactNode) {
  return render(<QueryClientProvider client={client}>{ui}</QueryClientProvider>)
}
const newClient = () =>
  new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } })

beforeEach(() => {
  setLocalDataStore(memoryStore())
})

describe('DataBoundary', () => {
  it('says 数据加载中 until the data arrives, then shows the panel with its slice', async () => {
    serveData()
    renderWith(
      newClient(),
      <DataBoundary name="报告">
        <ReportTitle />
      </DataBoundary>,
    )
    expect(screen.getByRole('status')).toHaveTextContent('数据加载中')
    expect(await screen.findByText(`报告:${DATA_FILES['meta.json'].source.title}`)).toBeVisible()
  })

  it('says in words that the data could not be loaded, and 重试 loads it', async () => {
    serveData()
    failData()
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    vi.spyOn(console, 'error').mockImplementation(() => {})
    renderWith(
      newClient(),
      <DataBoundary name="报告">
        <ReportTitle />
      </DataBoundary>,
    )
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toMatch(/[\u4e00-\u9fff]/)
    expect(alert.textContent).not.toMatch(/undefined|null|NaN|Error|\[object/)
    serveData()
    await userEvent.click(screen.getByRole('button', { name: '重试' }))
    expect(await screen.findByText(/^报告:/)).toBeVisible()
  })

  it('still says the data could not be loaded while it is tried again, not 数据加载中', async () => {
    // A hall screen whose source was down at start read 数据加载中 and 数据源暂不可用 in turn.
    serveData()
    failData()
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const client = newClient()
    renderWith(
      client,
      <DataBoundary name="报告">
        <ReportTitle />
      </DataBoundary>,
    )
    const message = (await screen.findByRole('alert')).textContent
    let answer: () => void = () => {}
    server.use(
      http.get(dataUrl('observations.json'), async () => {
        await new Promise<void>((resolve) => (answer = resolve))
        return HttpResponse.json(DATA_FILES['observations.json'])
      }),
    )
    await act(async () => {
      void client.refetchQueries()
      await new Promise((r) => setTimeout(r, 50))
    })
    expect(screen.queryByText(/数据加载中/)).toBeNull()
    expect(screen.getByRole('alert').textContent).toBe(message)
    answer()
    expect(await screen.findByText(/^报告:/)).toBeVisible()
  })

  it('keeps the last good data when a refresh fails, and a page says so', async () => {
    serveData()
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const client = newClient()
    renderWith(
      client,
      <>
        <DataBoundary name="页面" staleNote>
          <ReportTitle />
        </DataBoundary>
        <DataBoundary name="面板">
          <p>面板内容</p>
        </DataBoundary>
      </>,
    )
    await screen.findByText(/^报告:/)
    failData()
    await act(() => client.refetchQueries())
    // The query cache tells its subscribers on a later task than the refetch's promise settles
    // (TanStack's notifyManager batches with setTimeout), so the note comes when React has heard.
    const note = await screen.findByText(/刷新失败/)
    expect(screen.getByText(/^报告:/)).toBeVisible()
    expect(screen.getByText('面板内容')).toBeVisible()
    expect(note.closest('[role="status"]')).not.toBeNull()
    const notes = screen.getAllByRole('status').filter((n) => n.textContent?.includes('刷新失败'))
    expect(notes).toHaveLength(1)
    expect(notes[0]).toHaveTextContent(/显示的是 \d{2}:\d{2}(:\d{2})? 取得的数据/)
  })

  for (const [what, broken] of [
    // A field renamed: no item can be placed under its indicator.
    [
      'a renamed field',
      (o: Record<string, unknown>) => {
        const { indicatorId, ...rest } = o
        return { ...rest, indicator_id: indicatorId }
      },
    ],
    ['values written as text', (o: Record<string, unknown>) => ({ ...o, value: 'NaN' })],
  ] as const) {
    it(`keeps the figures shown when a refresh brings ${what}, and says the data is stale`, async () => {
      serveData()
      vi.spyOn(console, 'warn').mockImplementation(() => {})
      const client = newClient()
      renderWith(
        client,
        <DataBoundary name="页面" staleNote>
          <StockDocs />
        </DataBoundary>,
      )
      const before = (await screen.findByText(/^存量文件监测:/)).textContent
      expect(before).toMatch(/3767/)
      const items = DATA_FILES['observations.json'].items as unknown as Record<string, unknown>[]
      server.use(
        http.get(dataUrl('observations.json'), () =>
          HttpResponse.json({ items: items.map((o) => broken(o)) }),
        ),
      )
      await act(() => client.refetchQueries())
      const note = await screen.findByText(/刷新失败/)
      expect(note).toHaveTextContent(/显示的是 \d{2}:\d{2}(:\d{2})? 取得的数据/)
      expect(screen.getByText(/^存量文件监测:/).textContent).toBe(before)
      // A good refresh clears the mark.
      serveData()
      await act(() => client.refetchQueries())
      await vi.waitFor(() => expect(screen.queryByText(/刷新失败/)).toBeNull())
      expect(screen.getByText(/^存量文件监测:/).textContent).toBe(before)
    })
  }

  it('keeps a render error inside its own panel', async () => {
    serveData()
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    vi.spyOn(console, 'error').mockImplementation(() => {})
    renderWith(
      newClient(),
      <>
        <DataBoundary name="坏面板">
          <Broken />
        </DataBoundary>
        <DataBoundary name="好面板">
          <ReportTitle />
        </DataBoundary>
      </>,
    )
    expect(await screen.findByText('「坏面板」显示出错,其余内容不受影响')).toBeVisible()
    expect(await screen.findByText(/^报告:/)).toBeVisible()
  })
})
