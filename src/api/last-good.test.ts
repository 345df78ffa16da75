import { QueryClient, QueryObserver, type QueryKey } from '@tanstack/react-query'
import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { CONTRACT_VERSION } from '@/domain/schemas'
import { apiUrl } from '@/lib/early-fetch'
import { datasetKeys } from './keys'
import { keepLastGood, type LastGoodRecord, type LastGoodStore } from './last-good'

/**
 * The copy of the last good data kept in this browser: what a restarted screen shows before the
 * data source answers (restore), what is refused (another source, another contract version, a
 * broken copy), and what is written after the data has been fetched.
 */

const HERE = dirname(fileURLToPath(import.meta.url))
const readData = (file: string): unknown =>
  JSON.parse(readFileSync(resolve(HERE, '../../public/data', file), 'utf8'))
const itemsOf = (file: string) => (readData(file) as { items: Record<string, unknown>[] }).items

/** The published data, in the shape each query holds it (and the kept copy stores it). */
const META = readData('meta.json') as Record<string, unknown>
const INDICATORS = { items: itemsOf('indicators.json'), problems: [] }
const ORGANIZATIONS = itemsOf('organizations.json')
const OBSERVATIONS = { items: itemsOf('observations.json'), problems: [] }
const FACTS = { items: itemsOf('facts.json'), problems: [] }

const API_BASE = './data'
/** The data source as the kept copy names it: the base URL made absolute against the page. */
const SOURCE = apiUrl(API_BASE, '')

/** When the kept copy was fetched (an earlier day) and "now" in these tests. */
const KEPT_AT = Date.parse('2026-11-27T18:00:00+08:00')
const NOW = Date.parse('2026-11-28T08:00:00+08:00')

type Entry = LastGoodRecord['entries'][number]

const entry = (name: Entry['name'], data: unknown, dataUpdatedAt = KEPT_AT): Entry => ({
  name,
  data,
  dataUpdatedAt,
})

function keptRecord(overrides: Partial<LastGoodRecord> = {}): LastGoodRecord {
  return {
    format: 1,
    contract: CONTRACT_VERSION,
    apiBaseUrl: SOURCE,
    savedAt: KEPT_AT + 1000,
    entries: [
      entry('meta', META),
      entry('indicators', INDICATORS),
      entry('organizations', ORGANIZATIONS),
      entry('observations', OBSERVATIONS),
      entry('facts', FACTS),
    ],
    ...overrides,
  }
}

/** An in-memory LastGoodStore (what IndexedDB holds under one key), its calls recorded. */
function memoryStore(initial?: unknown) {
  let kept: unknown = initial
  const store = {
    load: vi.fn(async (): Promise<unknown> => kept),
    save: vi.fn(async (record: LastGoodRecord): Promise<void> => {
      kept = record
    }),
    clear: vi.fn(async (): Promise<void> => {
      kept = undefined
    }),
  } satisfies LastGoodStore
  return {
    store,
    /** What the store holds now. */
    get kept() {
      return kept
    },
    /** The records written, in order. */
    get saved() {
      return store.save.mock.calls.map(([record]) => record)
    },
  }
}

const KEYS = {
  meta: datasetKeys.meta(),
  indicators: datasetKeys.indicators(),
  organizations: datasetKeys.organizations(),
  observations: datasetKeys.observations(),
  facts: datasetKeys.facts(),
}

const newClient = () =>
  new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity } } })

/** A successful fetch of `key`, as a query of the app would make it. */
const fetchAs = (client: QueryClient, key: QueryKey, data: unknown) =>
  client.fetchQuery({ queryKey: key, queryFn: () => Promise.resolve(data) })

/** Lets the store's answer and everything chained to it run (no timer is due). */
const settle = () => vi.advanceTimersByTimeAsync(0)
/** Past the 1 s coalescing of writes, and the write itself. */
const pastCoalescing = () => vi.advanceTimersByTimeAsync(1_001)

let client: QueryClient
let stops: (() => void)[]
let warn: ReturnType<typeof vi.spyOn>
let info: ReturnType<typeof vi.spyOn>

function keep(store: LastGoodStore | null, apiBaseUrl = API_BASE) {
  const stop = keepLastGood(client, apiBaseUrl, store)
  stops.push(stop)
  return stop
}

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(NOW)
  client = newClient()
  stops = []
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
  info = vi.spyOn(console, 'info').mockImplementation(() => undefined)
})

afterEach(() => {
  for (const stop of stops) stop()
  client.clear()
  vi.useRealTimers()
})

describe('keepLastGood: restoring the kept copy at start', () => {
  it('fills every empty dataset query with the kept data, dated when it was fetched', async () => {
    const { store } = memoryStore(keptRecord())
    keep(store)
    await settle()

    expect(client.getQueryData(KEYS.meta)).toEqual(META)
    expect(client.getQueryData(KEYS.indicators)).toEqual(INDICATORS)
    expect(client.getQueryData(KEYS.organizations)).toEqual(ORGANIZATIONS)
    expect(client.getQueryData(KEYS.observations)).toEqual(OBSERVATIONS)
    expect(client.getQueryData(KEYS.facts)).toEqual(FACTS)
    for (const key of Object.values(KEYS))
      expect(client.getQueryState(key)?.dataUpdatedAt).toBe(KEPT_AT)
    // A good copy is kept as it is, and restoring it is no fetch: nothing is written back.
    expect(store.clear).not.toHaveBeenCalled()
    await pastCoalescing()
    expect(store.save).not.toHaveBeenCalled()
    expect(warn).not.toHaveBeenCalled()
  })

  it('restores items held back from a malformed refresh still marked as such', async () => {
    const kept = {
      keys: ['stock-docs'],
      message: '数据格式错误:数值应为数字',
      since: KEPT_AT - 60_000,
    }
    const { store } = memoryStore(
      keptRecord({ entries: [entry('observations', { ...OBSERVATIONS, kept })] }),
    )
    keep(store)
    await settle()
    expect(client.getQueryData(KEYS.observations)).toEqual({ ...OBSERVATIONS, kept })
  })

  it('keeps each resource its own fetch time', async () => {
    const metaAt = KEPT_AT - 3_600_000
    const { store } = memoryStore(
      keptRecord({
        entries: [entry('meta', META, metaAt), entry('observations', OBSERVATIONS, KEPT_AT)],
      }),
    )
    keep(store)
    await settle()

    expect(client.getQueryState(KEYS.meta)?.dataUpdatedAt).toBe(metaAt)
    expect(client.getQueryState(KEYS.observations)?.dataUpdatedAt).toBe(KEPT_AT)
    // Resources the copy does not hold stay empty.
    expect(client.getQueryData(KEYS.indicators)).toBeUndefined()
    expect(client.getQueryData(KEYS.facts)).toBeUndefined()
  })

  it('does not overwrite data this session has already fetched', async () => {
    const fresh = { ...META, updatedAt: '2026-11-28T07:30:00+08:00' }
    await fetchAs(client, KEYS.meta, fresh)
    const fetchedAt = client.getQueryState(KEYS.meta)?.dataUpdatedAt
    const { store } = memoryStore(keptRecord())
    keep(store)
    await settle()

    expect(client.getQueryData(KEYS.meta)).toEqual(fresh)
    expect(client.getQueryState(KEYS.meta)?.dataUpdatedAt).toBe(fetchedAt)
    // The others, not fetched yet, are filled from the copy.
    expect(client.getQueryData(KEYS.observations)).toEqual(OBSERVATIONS)
  })

  it('does not overwrite a fetch that succeeds while the store is still being read', async () => {
    let answer: (raw: unknown) => void = () => undefined
    const { store } = memoryStore()
    store.load.mockImplementation(() => new Promise((r) => (answer = r)))
    keep(store)
    const fresh = { ...META, updatedAt: '2026-11-28T07:30:00+08:00' }
    await fetchAs(client, KEYS.meta, fresh)
    answer(keptRecord())
    await settle()

    expect(client.getQueryData(KEYS.meta)).toEqual(fresh)
    expect(client.getQueryData(KEYS.organizations)).toEqual(ORGANIZATIONS)
    // The copy written after that fetch holds the fresh data, not the kept one.
    await pastCoalescing()
    expect(store.save).toHaveBeenCalledTimes(1)
    const meta = store.save.mock.calls[0]![0].entries.find((e) => e.name === 'meta')
    expect(meta?.data).toEqual(fresh)
  })

  it('asks a query that already gave up to try again, showing the kept data meanwhile', async () => {
    const queryFn = vi.fn(() => Promise.reject(new Error('数据源无响应')))
    const observer = new QueryObserver(client, { queryKey: KEYS.meta, queryFn, retry: false })
    const unsubscribe = observer.subscribe(() => undefined)
    await settle()
    expect(client.getQueryState(KEYS.meta)?.status).toBe('error')
    expect(queryFn).toHaveBeenCalledTimes(1)

    const { store } = memoryStore(keptRecord())
    keep(store)
    await settle()

    expect(queryFn).toHaveBeenCalledTimes(2)
    expect(client.getQueryData(KEYS.meta)).toEqual(META)
    unsubscribe()
  })

  it('does nothing when nothing has been kept', async () => {
    const { store } = memoryStore(undefined)
    keep(store)
    await settle()

    for (const key of Object.values(KEYS)) expect(client.getQueryData(key)).toBeUndefined()
    expect(store.clear).not.toHaveBeenCalled()
    expect(warn).not.toHaveBeenCalled()
    expect(info).not.toHaveBeenCalled()
  })

  it('says so and shows nothing when the store cannot be read', async () => {
    const { store } = memoryStore()
    store.load.mockRejectedValue(new Error('IndexedDB 不可用'))
    keep(store)
    await settle()

    for (const key of Object.values(KEYS)) expect(client.getQueryData(key)).toBeUndefined()
    expect(warn).toHaveBeenCalledTimes(1)
    // Fetched data is still kept afterwards.
    await fetchAs(client, KEYS.meta, META)
    await pastCoalescing()
    expect(store.save).toHaveBeenCalledTimes(1)
  })

  it('takes a base URL that names the same source differently as the same source', async () => {
    const { store } = memoryStore(keptRecord())
    keep(store, './data/')
    await settle()

    expect(client.getQueryData(KEYS.meta)).toEqual(META)
    expect(store.clear).not.toHaveBeenCalled()
  })
})

describe('keepLastGood: a copy that must not be shown', () => {
  it.each([
    ['another data source', { apiBaseUrl: apiUrl('https://data.example.org/api', '') }],
    ['another relative base URL', { apiBaseUrl: apiUrl('./other-data', '') }],
    ['another contract version', { contract: '0.9.0' }],
  ])('deletes a copy from %s, shows none of it and says why', async (_, overrides) => {
    const memory = memoryStore(keptRecord(overrides))
    keep(memory.store)
    await settle()

    for (const key of Object.values(KEYS)) expect(client.getQueryData(key)).toBeUndefined()
    expect(memory.store.clear).toHaveBeenCalledTimes(1)
    expect(memory.kept).toBeUndefined()
    expect(info).toHaveBeenCalledTimes(1)
    expect(warn).not.toHaveBeenCalled()
  })

  it('does not carry the refused copy into the next write', async () => {
    const memory = memoryStore(keptRecord({ contract: '0.9.0' }))
    keep(memory.store)
    await settle()
    await fetchAs(client, KEYS.meta, META)
    await pastCoalescing()

    expect(memory.saved).toHaveLength(1)
    expect(memory.saved[0]!.entries.map((e) => e.name)).toEqual(['meta'])
    expect(memory.saved[0]!.contract).toBe(CONTRACT_VERSION)
  })

  const { format: _format, ...withoutFormat } = keptRecord()
  const { entries: _entries, ...withoutEntries } = keptRecord()
  it.each([
    ['a string', 'not a record'],
    ['a number', 42],
    ['an array', [keptRecord()]],
    ['a record without its format', withoutFormat],
    ['a record without entries', withoutEntries],
    ['a record of another format', { ...keptRecord(), format: 2 }],
    ['a record with a savedAt that is no number', { ...keptRecord(), savedAt: 'yesterday' }],
    [
      'a record with an unknown resource',
      keptRecord({ entries: [{ name: 'budgets', data: [], dataUpdatedAt: KEPT_AT } as never] }),
    ],
    [
      'a record with an entry without its fetch time',
      keptRecord({ entries: [{ name: 'meta', data: META } as never] }),
    ],
  ])('ignores and deletes %s, with a console note', async (_, raw) => {
    const memory = memoryStore(raw)
    keep(memory.store)
    await settle()

    for (const key of Object.values(KEYS)) expect(client.getQueryData(key)).toBeUndefined()
    expect(warn).toHaveBeenCalledTimes(1)
    expect(memory.store.clear).toHaveBeenCalledTimes(1)
    expect(memory.kept).toBeUndefined()
  })

  it('skips only the entry whose data does not pass its schema, restoring the others', async () => {
    const [first, ...rest] = OBSERVATIONS.items
    const { value: _value, ...withoutValue } = first!
    const badObservations = { items: [withoutValue, ...rest], problems: [] }
    const memory = memoryStore(
      keptRecord({
        entries: [
          entry('meta', META),
          entry('indicators', INDICATORS),
          entry('organizations', ORGANIZATIONS),
          entry('observations', badObservations),
          entry('facts', FACTS),
        ],
      }),
    )
    keep(memory.store)
    await settle()

    expect(client.getQueryData(KEYS.observations)).toBeUndefined()
    expect(client.getQueryData(KEYS.meta)).toEqual(META)
    expect(client.getQueryData(KEYS.indicators)).toEqual(INDICATORS)
    expect(client.getQueryData(KEYS.organizations)).toEqual(ORGANIZATIONS)
    expect(client.getQueryData(KEYS.facts)).toEqual(FACTS)
    expect(warn).toHaveBeenCalledTimes(1)
    expect(String(warn.mock.calls[0]![0])).toContain('observations')
    // The rest of the copy is still good: it is not deleted.
    expect(memory.store.clear).not.toHaveBeenCalled()
  })

  it.each([
    ['organizations in their envelope (not the items array)', 'organizations', { items: [] }],
    ['a collection without its problems', 'indicators', { items: INDICATORS.items }],
    ['meta without its groups', 'meta', { ...META, groups: undefined }],
    [
      'a fact with an unknown group',
      'facts',
      { items: [{ ...FACTS.items[0], group: 'x' }], problems: [] },
    ],
  ] as const)('skips %s, restoring the rest', async (_, name, data) => {
    const good = name === 'facts' ? entry('meta', META) : entry('facts', FACTS)
    const memory = memoryStore(keptRecord({ entries: [entry(name, data), good] }))
    keep(memory.store)
    await settle()

    expect(client.getQueryData(KEYS[name])).toBeUndefined()
    expect(client.getQueryData(KEYS[good.name])).toEqual(good.data)
    expect(warn).toHaveBeenCalledTimes(1)
  })
})

describe('keepLastGood: writing the copy after a fetch', () => {
  it('writes one record, a second after the fetches, naming contract, source and fetch times', async () => {
    const memory = memoryStore()
    keep(memory.store)
    await settle()

    await fetchAs(client, KEYS.meta, META)
    await fetchAs(client, KEYS.organizations, ORGANIZATIONS)
    await vi.advanceTimersByTimeAsync(500)
    await fetchAs(client, KEYS.observations, OBSERVATIONS)
    await vi.advanceTimersByTimeAsync(400)
    // Within the coalescing second: nothing yet.
    expect(memory.store.save).not.toHaveBeenCalled()

    await pastCoalescing()
    expect(memory.saved).toHaveLength(1)
    const record = memory.saved[0]!
    expect(record).toMatchObject({
      format: 1,
      contract: CONTRACT_VERSION,
      apiBaseUrl: SOURCE,
    })
    expect(record.savedAt).toBeGreaterThanOrEqual(NOW + 1000)
    expect(record.savedAt).toBeLessThanOrEqual(Date.now())
    const byName = new Map(record.entries.map((e) => [e.name, e]))
    expect([...byName.keys()].sort()).toEqual(['meta', 'observations', 'organizations'])
    expect(byName.get('meta')).toEqual({
      name: 'meta',
      data: META,
      dataUpdatedAt: client.getQueryState(KEYS.meta)?.dataUpdatedAt,
    })
    expect(byName.get('organizations')?.data).toEqual(ORGANIZATIONS)
    expect(byName.get('organizations')?.dataUpdatedAt).toBe(
      client.getQueryState(KEYS.organizations)?.dataUpdatedAt,
    )
    expect(byName.get('observations')?.data).toEqual(OBSERVATIONS)
    expect(byName.get('observations')?.dataUpdatedAt).toBe(
      client.getQueryState(KEYS.observations)?.dataUpdatedAt,
    )
  })

  it('writes a record a restart restores in full', async () => {
    const first = memoryStore()
    keep(first.store)
    await settle()
    for (const [name, data] of [
      ['meta', META],
      ['indicators', INDICATORS],
      ['organizations', ORGANIZATIONS],
      ['observations', OBSERVATIONS],
      ['facts', FACTS],
    ] as const)
      await fetchAs(client, KEYS[name], data)
    await pastCoalescing()
    const fetchedAt = client.getQueryState(KEYS.observations)?.dataUpdatedAt

    // The screen restarts, the source is down: a new page, a new cache, the same store.
    const restarted = newClient()
    const stopRestarted = keepLastGood(restarted, API_BASE, memoryStore(first.kept).store)
    await settle()
    stopRestarted()
    expect(restarted.getQueryData(KEYS.meta)).toEqual(META)
    expect(restarted.getQueryData(KEYS.indicators)).toEqual(INDICATORS)
    expect(restarted.getQueryData(KEYS.organizations)).toEqual(ORGANIZATIONS)
    expect(restarted.getQueryData(KEYS.observations)).toEqual(OBSERVATIONS)
    expect(restarted.getQueryData(KEYS.facts)).toEqual(FACTS)
    expect(restarted.getQueryState(KEYS.observations)?.dataUpdatedAt).toBe(fetchedAt)
    expect(warn).not.toHaveBeenCalled()
    restarted.clear()
  })

  it('keeps in the record the kept resources this session has not fetched yet', async () => {
    const memory = memoryStore(
      keptRecord({ entries: [entry('meta', META), entry('organizations', ORGANIZATIONS)] }),
    )
    keep(memory.store)
    await settle()
    const changed = { ...OBSERVATIONS, items: OBSERVATIONS.items.slice(1) }
    await fetchAs(client, KEYS.observations, changed)
    await pastCoalescing()

    expect(memory.saved).toHaveLength(1)
    const byName = new Map(memory.saved[0]!.entries.map((e) => [e.name, e]))
    expect(byName.get('meta')).toEqual(entry('meta', META))
    expect(byName.get('organizations')).toEqual(entry('organizations', ORGANIZATIONS))
    expect(byName.get('observations')?.data).toEqual(changed)
    expect(byName.get('observations')?.dataUpdatedAt).toBeGreaterThan(KEPT_AT)
  })

  it('keeps in the record kept resources dropped from the cache unused', async () => {
    // Default gcTime: a restored query no view observes leaves the cache after 5 minutes.
    client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
    const memory = memoryStore(
      keptRecord({ entries: [entry('meta', META), entry('facts', FACTS)] }),
    )
    keep(memory.store)
    await settle()
    expect(client.getQueryData(KEYS.facts)).toEqual(FACTS)
    await vi.advanceTimersByTimeAsync(6 * 60_000)
    expect(client.getQueryData(KEYS.facts)).toBeUndefined()

    await fetchAs(client, KEYS.observations, OBSERVATIONS)
    await pastCoalescing()
    const byName = new Map(memory.saved[0]!.entries.map((e) => [e.name, e]))
    expect(byName.get('facts')).toEqual(entry('facts', FACTS))
    expect(byName.get('meta')).toEqual(entry('meta', META))
    expect(byName.get('observations')?.data).toEqual(OBSERVATIONS)
  })

  it('replaces a restored resource with its fresh fetch', async () => {
    const memory = memoryStore(keptRecord())
    keep(memory.store)
    await settle()
    const fresh = { ...META, updatedAt: '2026-11-28T07:30:00+08:00' }
    await fetchAs(client, KEYS.meta, fresh)
    await pastCoalescing()

    const meta = memory.saved[0]!.entries.find((e) => e.name === 'meta')
    expect(meta?.data).toEqual(fresh)
    expect(meta?.dataUpdatedAt).toBe(client.getQueryState(KEYS.meta)?.dataUpdatedAt)
    expect(meta?.dataUpdatedAt).toBeGreaterThan(KEPT_AT)
  })

  it('writes nothing for a second fetch of equal data within a minute', async () => {
    const memory = memoryStore()
    keep(memory.store)
    await settle()
    await fetchAs(client, KEYS.meta, META)
    await pastCoalescing()
    expect(memory.saved).toHaveLength(1)

    await vi.advanceTimersByTimeAsync(20_000)
    await fetchAs(client, KEYS.meta, structuredClone(META))
    await pastCoalescing()
    expect(memory.saved).toHaveLength(1)
  })

  it('writes equal data again once a minute has passed, with its new fetch time', async () => {
    const memory = memoryStore()
    keep(memory.store)
    await settle()
    await fetchAs(client, KEYS.meta, META)
    await pastCoalescing()

    await vi.advanceTimersByTimeAsync(60_000)
    await fetchAs(client, KEYS.meta, structuredClone(META))
    await pastCoalescing()
    expect(memory.saved).toHaveLength(2)
    const [first, second] = memory.saved.map((r) => r.entries.find((e) => e.name === 'meta')!)
    expect(second!.data).toEqual(META)
    expect(second!.dataUpdatedAt).toBe(client.getQueryState(KEYS.meta)?.dataUpdatedAt)
    expect(second!.dataUpdatedAt).toBeGreaterThan(first!.dataUpdatedAt)
  })

  it('writes again within the minute when the data has changed', async () => {
    const memory = memoryStore()
    keep(memory.store)
    await settle()
    await fetchAs(client, KEYS.observations, OBSERVATIONS)
    await pastCoalescing()

    await vi.advanceTimersByTimeAsync(5_000)
    const [first, ...rest] = OBSERVATIONS.items
    const changed = { items: [{ ...first, value: 99 }, ...rest], problems: [] }
    await fetchAs(client, KEYS.observations, changed)
    await pastCoalescing()

    expect(memory.saved).toHaveLength(2)
    const observations = memory.saved[1]!.entries.find((e) => e.name === 'observations')
    expect(observations?.data).toEqual(changed)
    expect((memory.kept as LastGoodRecord).entries[0]?.data).toEqual(changed)
  })

  it('writes nothing for data set by hand or for queries outside the dataset', async () => {
    const memory = memoryStore()
    keep(memory.store)
    await settle()
    client.setQueryData(KEYS.meta, META)
    await fetchAs(client, ['config'], { apiBaseUrl: API_BASE })
    await fetchAs(client, [...KEYS.observations, 'extra'], OBSERVATIONS)
    await pastCoalescing()

    expect(memory.store.save).not.toHaveBeenCalled()
  })

  it('keeps the last good data of a resource whose refresh failed', async () => {
    const memory = memoryStore()
    keep(memory.store)
    await settle()
    await fetchAs(client, KEYS.meta, META)
    await fetchAs(client, KEYS.organizations, ORGANIZATIONS)
    await pastCoalescing()

    // A refresh of meta fails (its last data stays), organizations comes back changed.
    await expect(
      client.fetchQuery({
        queryKey: KEYS.meta,
        queryFn: () => Promise.reject(new Error('503')),
      }),
    ).rejects.toThrow()
    const changed = ORGANIZATIONS.slice(1)
    await fetchAs(client, KEYS.organizations, changed)
    await pastCoalescing()

    expect(memory.saved).toHaveLength(2)
    const byName = new Map(memory.saved[1]!.entries.map((e) => [e.name, e]))
    // The failed resource keeps its last good data in the copy.
    expect(byName.get('meta')?.data).toEqual(META)
    expect(byName.get('organizations')?.data).toEqual(changed)
  })

  it('says once, not on every write, that the store refuses to save', async () => {
    const memory = memoryStore()
    memory.store.save.mockRejectedValue(new Error('QuotaExceededError'))
    keep(memory.store)
    await settle()
    await fetchAs(client, KEYS.meta, META)
    await pastCoalescing()
    await fetchAs(client, KEYS.meta, { ...META, updatedAt: '2026-11-28T07:30:00+08:00' })
    await pastCoalescing()

    expect(memory.store.save).toHaveBeenCalledTimes(2)
    expect(warn).toHaveBeenCalledTimes(1)
  })

  it('writes nothing when stopped while the write waits for the store to be read', async () => {
    let answer: (raw: unknown) => void = () => undefined
    const memory = memoryStore()
    memory.store.load.mockImplementation(() => new Promise((r) => (answer = r)))
    const stop = keep(memory.store)
    await fetchAs(client, KEYS.meta, META)
    await pastCoalescing()
    stop()
    answer(undefined)
    await settle()
    expect(memory.store.save).not.toHaveBeenCalled()
  })

  it('stops writing once stopped, a pending write included', async () => {
    const memory = memoryStore()
    const stop = keep(memory.store)
    await settle()
    await fetchAs(client, KEYS.meta, META)
    await vi.advanceTimersByTimeAsync(500)
    stop()
    await pastCoalescing()
    expect(memory.store.save).not.toHaveBeenCalled()

    await fetchAs(client, KEYS.observations, OBSERVATIONS)
    await pastCoalescing()
    expect(memory.store.save).not.toHaveBeenCalled()
    expect(client.getQueryCache().hasListeners()).toBe(false)
  })
})

describe('keepLastGood without a store', () => {
  it('does nothing: the cache is untouched and nothing listens to it', async () => {
    const stop = keep(null)
    await settle()
    expect(client.getQueryCache().hasListeners()).toBe(false)
    await fetchAs(client, KEYS.meta, META)
    await pastCoalescing()
    expect(client.getQueryCache().getAll()).toHaveLength(1)
    expect(client.getQueryData(KEYS.meta)).toEqual(META)
    expect(() => stop()).not.toThrow()
    expect(warn).not.toHaveBeenCalled()
  })
})
