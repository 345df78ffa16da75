import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

/**
 * The page's first requests (src/lib/early-fetch.ts): the data is requested together with
 * config.json, under the base URL the last visit's config.json named, and a wrong guess is dropped
 * for the base config.json names now. What the app then takes is what it would have fetched itself.
 */

type EarlyFetch = typeof import('./early-fetch')

interface Call {
  url: string
  signal?: AbortSignal | null
}

let calls: Call[]
let answerConfig: (body: unknown) => void

function json(body: unknown): Response {
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } })
}

/** A fresh copy of the module (its requests are module state), with fetch recorded. */
async function load(): Promise<EarlyFetch> {
  vi.resetModules()
  return import('./early-fetch')
}

const origin = window.location.origin
const dataUrl = (base: string, name: string) =>
  new URL(`${base}/${name}`, document.baseURI).toString()
const requested = () => calls.map((c) => c.url)

beforeEach(() => {
  calls = []
  window.localStorage.clear()
  window.location.hash = ''
  const config = new Promise<Response>((resolve) => {
    answerConfig = (body) => resolve(json(body))
  })
  vi.stubGlobal(
    'fetch',
    vi.fn((input: string, init?: RequestInit) => {
      calls.push({ url: input, signal: init?.signal })
      if (input.endsWith('/config.json')) return config
      return Promise.resolve(json({ from: input }))
    }),
  )
})

afterEach(() => {
  vi.unstubAllGlobals()
  window.location.hash = ''
})

/** Lets config.json's answer be read by the module. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('the first requests of the page', () => {
  it('requests the opening data together with config.json on a first visit, from ./data', async () => {
    const early = await load()
    early.startEarlyRequests()
    // config.json has not answered yet: the data is already on its way.
    expect(requested()).toEqual([
      new URL('./config.json', document.baseURI).toString(),
      ...early.START_COLLECTIONS.map((name) => dataUrl('./data', name)),
      dataUrl('./data', 'facts.json'),
    ])
    answerConfig({})
    await settle()
    expect(calls).toHaveLength(early.START_COLLECTIONS.length + 2) // nothing requested twice
    const meta = early.takeEarlyResponse(dataUrl('./data', 'meta.json'))
    await expect(meta?.then((r) => r.json())).resolves.toEqual({
      from: dataUrl('./data', 'meta.json'),
    })
    expect(early.takeEarlyResponse(dataUrl('./data', 'meta.json'))).toBeUndefined() // once
    expect(window.localStorage.getItem(early.API_BASE_HINT_KEY)).toBe('./data')
  })

  it('does not request the fact cards when the page opens on the big screen', async () => {
    window.location.hash = '#/screen?rotate=0'
    const early = await load()
    early.startEarlyRequests()
    expect(requested()).not.toContain(dataUrl('./data', 'facts.json'))
    expect(requested()).toContain(dataUrl('./data', 'observations.json'))
  })

  it('uses the base URL the last visit read from config.json', async () => {
    window.localStorage.setItem('tzw-dashboard:api-base', './data-2025')
    const early = await load()
    early.startEarlyRequests()
    expect(requested()).toContain(dataUrl('./data-2025', 'observations.json'))
    answerConfig({ apiBaseUrl: './data-2025' })
    await settle()
    expect(calls.every((c) => !c.signal?.aborted)).toBe(true)
    expect(early.takeEarlyResponse(dataUrl('./data-2025', 'indicators.json'))).toBeDefined()
  })

  it('drops a wrong guess and requests the data where config.json now points', async () => {
    window.localStorage.setItem('tzw-dashboard:api-base', './old-data')
    const early = await load()
    early.startEarlyRequests()
    answerConfig({ apiBaseUrl: `${origin}/new-data/` })
    await settle()
    const guessed = calls.filter((c) => c.url.includes('/old-data/'))
    expect(guessed).toHaveLength(early.START_COLLECTIONS.length + 1)
    expect(guessed.every((c) => c.signal?.aborted)).toBe(true)
    // The app never receives an answer from the old place…
    expect(early.takeEarlyResponse(dataUrl('./old-data', 'meta.json'))).toBeUndefined()
    // …and finds the new place's already requested.
    expect(early.takeEarlyResponse(`${origin}/new-data/meta.json`)).toBeDefined()
    expect(window.localStorage.getItem(early.API_BASE_HINT_KEY)).toBe(`${origin}/new-data/`)
  })

  it('leaves a data source on another origin to the app, which reports its failures', async () => {
    const early = await load()
    early.startEarlyRequests()
    answerConfig({ apiBaseUrl: 'https://data.example.gov.cn/api' })
    await settle()
    expect(requested().some((url) => url.startsWith('https://data.example.gov.cn'))).toBe(false)
    // The guessed ./data requests were dropped: the app does not show the bundled data instead.
    expect(early.takeEarlyResponse(dataUrl('./data', 'meta.json'))).toBeUndefined()
    expect(window.localStorage.getItem(early.API_BASE_HINT_KEY)).toBe(
      'https://data.example.gov.cn/api',
    )
  })

  it('guesses ./data and keeps working when the browser forbids storage', async () => {
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError')
    })
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError')
    })
    const early = await load()
    expect(() => early.startEarlyRequests()).not.toThrow()
    answerConfig({})
    await settle()
    expect(early.takeEarlyResponse(dataUrl('./data', 'observations.json'))).toBeDefined()
  })
})
