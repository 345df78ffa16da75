import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { datasetKeys } from '@/api/keys'
import { setLocalDataStore } from '@/api/local-data'
import { memoryStore } from '@/api/local-store'
import { dataAtOnce, DATA_FILES, dataUrl } from '../../mocks/handlers'
import { server } from '../../mocks/node'
import { DataBoundary } from './data-boundary'
import { FactCards } from './fact-cards'

/** The report's statements without a number: their own states, under their own heading. */

const serveData = () => server.use(...dataAtOnce())
const failFacts = () =>
  server.use(http.get(dataUrl('facts.json'), () => new HttpResponse(null, { status: 503 })))

const REGION = DATA_FILES['meta.json'].region.id
const quote = DATA_FILES['facts.json'].items.find((f) => f.group === 'dispute-resolution')!.source
  .quote

function renderFacts(client: QueryClient, staleNote = false) {
  return render(
    <QueryClientProvider client={client}>
      <DataBoundary name="矛盾纠纷化解" staleNote={staleNote}>
        <FactCards
          group="dispute-resolution"
          year={2024}
          orgId={REGION}
          reportTitle="报告"
          accent="#fff"
        />
      </DataBoundary>
    </QueryClientProvider>,
  )
}
const newClient = () =>
  new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } })

beforeEach(() => {
  setLocalDataStore(memoryStore())
  vi.spyOn(console, 'warn').mockImplementation(() => {})
})

describe('FactCards', () => {
  it('says under its heading that the statements could not be loaded, and 重试 loads them', async () => {
    serveData()
    failFacts()
    renderFacts(newClient())
    const section = await screen.findByRole('region', { name: '报告中的定性事实' })
    expect(within(section).getByRole('heading')).toHaveTextContent('报告中的定性事实')
    expect(await within(section).findByRole('alert')).toHaveTextContent('数据源返回错误(HTTP 503)')
    serveData()
    await userEvent.click(within(section).getByRole('button', { name: '重试' }))
    expect(await screen.findByText(quote, { selector: '.fact-card__text' })).toBeVisible()
  })

  it('keeps the last good statements when a refresh fails, and says so', async () => {
    serveData()
    const client = newClient()
    renderFacts(client)
    expect(await screen.findByText(quote, { selector: '.fact-card__text' })).toBeVisible()
    failFacts()
    await act(() => client.refetchQueries({ queryKey: datasetKeys.facts() }))
    const note = await screen.findByText(/定性事实刷新失败/)
    expect(note).toHaveTextContent(/显示的是 \d{2}:\d{2}(:\d{2})? 取得的内容/)
    expect(screen.getByText(quote, { selector: '.fact-card__text' })).toBeVisible()
    serveData()
    await userEvent.click(within(note).getByRole('button', { name: '重试' }))
    await vi.waitFor(() => expect(screen.queryByText(/定性事实刷新失败/)).toBeNull())
    expect(screen.getByText(quote, { selector: '.fact-card__text' })).toBeVisible()
  })

  it('keeps the statements shown when a refresh brings malformed ones, and says so', async () => {
    serveData()
    const client = newClient()
    renderFacts(client)
    expect(await screen.findByText(quote, { selector: '.fact-card__text' })).toBeVisible()
    const items = DATA_FILES['facts.json'].items.map((f) => ({ ...f, source: null }))
    server.use(http.get(dataUrl('facts.json'), () => HttpResponse.json({ items })))
    await act(() => client.refetchQueries({ queryKey: datasetKeys.facts() }))
    const note = await screen.findByText(/定性事实刷新失败/)
    expect(note).toHaveTextContent(/显示的是 \d{2}:\d{2}(:\d{2})? 取得的内容/)
    expect(screen.getByText(quote, { selector: '.fact-card__text' })).toBeVisible()
    expect(screen.queryByText(/数据格式错误,未显示/)).toBeNull()
  })

  it('leaves it to the page to say once that the whole source failed, and comes back with it', async () => {
    serveData()
    const client = newClient()
    renderFacts(client, true)
    expect(await screen.findByText(quote, { selector: '.fact-card__text' })).toBeVisible()
    server.use(http.get(dataUrl('*'), () => new HttpResponse(null, { status: 503 })))
    await act(() => client.refetchQueries())
    await vi.waitFor(() => expect(client.getQueryState(datasetKeys.facts())?.status).toBe('error'))
    const page = await screen.findByText(/数据刷新失败/)
    expect(screen.getAllByText(/刷新失败/)).toHaveLength(1)
    expect(screen.getByText(quote, { selector: '.fact-card__text' })).toBeVisible()
    // The page's 重试 brings the source back, and the statements with it: no note of their own.
    serveData()
    await userEvent.click(within(page).getByRole('button', { name: '重试' }))
    await vi.waitFor(() =>
      expect(client.getQueryState(datasetKeys.facts())?.status).toBe('success'),
    )
    await vi.waitFor(() => expect(screen.queryByText(/刷新失败/)).toBeNull())
  })
})
