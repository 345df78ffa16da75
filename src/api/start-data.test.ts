import { QueryClient, QueryClientProvider, QueryObserver } from '@tanstack/react-query'
import { renderHook } from '@testing-library/react'
import { createElement, type ReactNode } from 'react'
import { delay, http, HttpResponse } from 'msw'
import { afterEach, describe, expect, it } from 'vitest'
import { server } from '../../mocks/node'
import { cachedDataset, useDatasetState } from './dataset'
import { metaQueryOptions } from './get-meta'
import { datasetKeys } from './keys'
import { setLocalDataStore } from './local-data'
import { canonicalizeOpeningUrl, prefetchOpeningData } from './start-data'

/**
 * What the first render waits for: the opening view's data when it comes soon (so the page shows
 * its figures in its first render), never longer than the wait it is given.
 */

setLocalDataStore({
  load: async () => null,
  save: async () => undefined,
  clear: async () => undefined,
})

const client = () => new QueryClient({ defaultOptions: { queries: { retry: false } } })

afterEach(() => {
  window.location.hash = ''
})

describe('prefetchOpeningData', () => {
  it('has every collection of the overview in the cache when the data answers in time', async () => {
    const c = client()
    await prefetchOpeningData(c, 5000)
    for (const key of ['meta', 'indicators', 'organizations', 'observations', 'facts'] as const) {
      expect(c.getQueryState(datasetKeys[key]())?.status, key).toBe('success')
    }
    const observations = c.getQueryData(datasetKeys.observations()) as { items: unknown[] }
    expect(observations.items.length).toBeGreaterThan(0)
  })

  it('does not hold the page back longer than the wait when the data is slow', async () => {
    server.use(http.get('*/data/observations.json', () => delay('infinite')))
    const c = client()
    const started = performance.now()
    await prefetchOpeningData(c, 150)
    const waited = performance.now() - started
    expect(waited).toBeGreaterThanOrEqual(140)
    expect(waited).toBeLessThan(1500)
    expect(c.getQueryState(datasetKeys.observations())?.status).toBe('pending')
    expect(c.getQueryState(datasetKeys.meta())?.status).toBe('success')
  })

  it('lets the page render its error states when the data fails, without waiting', async () => {
    server.use(http.get('*/data/meta.json', () => HttpResponse.json({}, { status: 500 })))
    const c = client()
    await expect(prefetchOpeningData(c, 5000)).resolves.toBeUndefined()
    expect(c.getQueryState(datasetKeys.meta())?.status).toBe('error')
  })

  it('shows an answer that failed at start on mount without asking for it again', async () => {
    let asked = 0
    server.use(
      http.get('*/data/meta.json', () => {
        asked += 1
        return new HttpResponse('{"updatedAt": "2025-', {
          headers: { 'Content-Type': 'application/json' },
        })
      }),
    )
    const c = client()
    await prefetchOpeningData(c, 5000)
    // The page mounts: its view of meta.json shows the error it already has.
    const observer = new QueryObserver(c, metaQueryOptions())
    const unsubscribe = observer.subscribe(() => undefined)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(observer.getCurrentResult().status).toBe('error')
    expect(asked).toBe(1)
    // 重试 asks again.
    await observer.refetch()
    expect(asked).toBe(2)
    unsubscribe()
  })

  it('does not fetch the fact cards for the big screen, which shows none', async () => {
    window.location.hash = '#/screen'
    const c = client()
    await prefetchOpeningData(c, 5000)
    expect(c.getQueryState(datasetKeys.facts())).toBeUndefined()
  })
})

describe('canonicalizeOpeningUrl', () => {
  /** Opens `hash` as main.tsx does: the data fetched (waiting at most `waitMs`), then the URL. */
  async function open(hash: string, waitMs = 5000) {
    window.location.hash = hash
    const c = client()
    await prefetchOpeningData(c, waitMs)
    canonicalizeOpeningUrl(c, true)
    return c
  }

  it("names the year shown in a desk view's link before the first render, other parameters kept", async () => {
    await open('#/group/admin-services?year=1999&x=1')
    expect(window.location.hash).toBe('#/group/admin-services?year=2024&x=1')
  })

  it('hands the first render the dataset it joined, not a second copy', async () => {
    const c = await open('#/')
    const joined = cachedDataset(c)
    expect(joined?.meta.period.year).toBe(2024)
    const wrapper = ({ children }: { children: ReactNode }) =>
      createElement(QueryClientProvider, { client: c }, children)
    const { result } = renderHook(() => useDatasetState(), { wrapper })
    expect(result.current.status).toBe('ready')
    expect(result.current.status === 'ready' && result.current.data).toBe(joined)
  })

  it('leaves the URL alone on the big screen and while the data has not come', async () => {
    await open('#/screen?rotate=0')
    expect(window.location.hash).toBe('#/screen?rotate=0')

    server.use(http.get('*/data/observations.json', () => delay('infinite')))
    const slow = await open('#/', 100)
    expect(cachedDataset(slow)).toBeNull()
    expect(window.location.hash).toBe('#/')
  })
})
