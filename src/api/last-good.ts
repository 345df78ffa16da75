import type { QueryClient, QueryKey } from '@tanstack/react-query'
import * as z from 'zod/mini'
import {
  CONTRACT_VERSION,
  factSchema,
  indicatorSchema,
  metaSchema,
  observationSchema,
  organizationSchema,
} from '@/domain/schemas'
import { apiUrl } from '@/lib/early-fetch'
import { withIdbStore, type IdbPlace } from '@/lib/idb'
import { datasetKeys } from './keys'

/**
 * The last good data, kept in this browser (IndexedDB) so that a screen restarted while the data
 * source is down — a hall PC rebooted at night, the network not back — shows the last figures at
 * once, marked not current (离线 · 数据截至 … · 最后刷新 …), instead of going dark.
 *
 * What is kept: each dataset resource's data as last fetched and validated, with the time it was
 * fetched. Written after a successful fetch (coalesced; at most once a minute when nothing
 * changed). Read once at start: a copy made under another contract version or from another data
 * source (apiBaseUrl) is deleted, never shown; a copy that does not pass the same zod schemas as
 * a fetch is ignored with a console note. A copy only fills a query that has no data yet: data
 * fetched in this session always wins, and the queries keep retrying in the background.
 *
 * Not TanStack's persister packages: their restore gates every query until the store has
 * answered and hydrates without validation. This is ~100 lines over the query cache's own API.
 */

/** The resources kept, each with how its kept data is checked on the way back in. */
const problemsSchema = z.array(
  z.object({ key: z.nullable(z.string()), index: z.number(), message: z.string() }),
)
// `kept`: items held back from a malformed refresh (keep-good-items.ts) stay marked after a restart.
const keptSchema = z.object({ keys: z.array(z.string()), message: z.string(), since: z.number() })
const collectionOf = (item: z.ZodMiniType) =>
  z.object({ items: z.array(item), problems: problemsSchema, kept: z.optional(keptSchema) })

const RESOURCES = {
  meta: { key: datasetKeys.meta(), schema: metaSchema },
  indicators: { key: datasetKeys.indicators(), schema: collectionOf(indicatorSchema) },
  organizations: { key: datasetKeys.organizations(), schema: z.array(organizationSchema) },
  observations: { key: datasetKeys.observations(), schema: collectionOf(observationSchema) },
  facts: { key: datasetKeys.facts(), schema: collectionOf(factSchema) },
} as const satisfies Record<string, { key: QueryKey; schema: z.ZodMiniType }>

type ResourceName = keyof typeof RESOURCES
const NAMES = Object.keys(RESOURCES) as ResourceName[]

const recordSchema = z.object({
  format: z.literal(1),
  contract: z.string(),
  apiBaseUrl: z.string(),
  savedAt: z.number(),
  entries: z.array(
    z.object({
      name: z.enum(NAMES as [ResourceName, ...ResourceName[]]),
      data: z.unknown(),
      dataUpdatedAt: z.number(),
    }),
  ),
})
export type LastGoodRecord = z.infer<typeof recordSchema>

export interface LastGoodStore {
  load(): Promise<unknown>
  save(record: LastGoodRecord): Promise<void>
  clear(): Promise<void>
}

const DB_NAME = 'tzw-dashboard-last-good'
const STORE = 'snapshot'
const KEY = 'last-good'

export function indexedDbLastGoodStore(factory: IDBFactory): LastGoodStore {
  const place: IdbPlace = { factory, db: DB_NAME, store: STORE }
  return {
    load: () => withIdbStore(place, 'readonly', (s) => s.get(KEY) as IDBRequest<unknown>),
    save: async (record) => {
      await withIdbStore(place, 'readwrite', (s) => s.put(record, KEY))
    },
    clear: async () => {
      await withIdbStore(place, 'readwrite', (s) => s.delete(KEY))
    },
  }
}

/** Written at most this often when the data has not changed (only the fetch time moves on). */
const UNCHANGED_WRITE_MS = 60_000
/** Successes within this delay are written once. */
const COALESCE_MS = 1_000

const isResource = (key: QueryKey, name: ResourceName) =>
  JSON.stringify(key) === JSON.stringify(RESOURCES[name].key)
const nameOf = (key: QueryKey) => NAMES.find((n) => isResource(key, n))

/**
 * Restores the kept copy into `client` (where a query has no data yet), then keeps the copy up to
 * date with every successful fetch. Returns a stop function. Without IndexedDB it does nothing.
 */
export function keepLastGood(
  client: QueryClient,
  apiBaseUrl: string,
  store: LastGoodStore | null = globalThis.indexedDB
    ? indexedDbLastGoodStore(globalThis.indexedDB)
    : null,
): () => void {
  if (!store) return () => undefined
  const source = apiUrl(apiBaseUrl, '')
  const written = new Map<ResourceName, { data: unknown; dataUpdatedAt: number }>()
  let lastWriteAt = 0
  let timer: ReturnType<typeof setTimeout> | null = null
  let stopped = false
  let failedOnce = false

  const restored = store
    .load()
    .then((raw) => restore(client, raw, source, store, written))
    .catch((err: unknown) => {
      console.warn('本机保存的数据无法读取,已忽略', err)
    })

  const write = () => {
    timer = null
    if (stopped) return
    let changed = false
    for (const name of NAMES) {
      const state = client
        .getQueryCache()
        .find({ queryKey: RESOURCES[name].key, exact: true })?.state
      if (state?.data === undefined || state.status === 'error') continue
      const before = written.get(name)
      if (before?.data !== state.data) changed = true
      if (before?.data !== state.data || before.dataUpdatedAt !== state.dataUpdatedAt)
        written.set(name, { data: state.data, dataUpdatedAt: state.dataUpdatedAt })
    }
    const now = Date.now()
    if (!changed && now - lastWriteAt < UNCHANGED_WRITE_MS) return
    lastWriteAt = now
    const record: LastGoodRecord = {
      format: 1,
      contract: CONTRACT_VERSION,
      apiBaseUrl: source,
      savedAt: now,
      entries: [...written].map(([name, e]) => ({ name, ...e })),
    }
    store.save(record).catch((err: unknown) => {
      // Full or refused storage costs the restart copy, nothing on screen: say it once.
      if (!failedOnce) console.warn('无法在本机保存最近一次数据', err)
      failedOnce = true
    })
  }

  const unsubscribe = client.getQueryCache().subscribe((event) => {
    if (
      event.type !== 'updated' ||
      event.action.type !== 'success' ||
      event.action.manual ||
      !nameOf(event.query.queryKey)
    )
      return
    // Not before the kept copy has been read: it must not overwrite what this session fetched.
    if (timer === null) timer = setTimeout(() => void restored.then(write), COALESCE_MS)
  })

  return () => {
    stopped = true
    unsubscribe()
    if (timer !== null) clearTimeout(timer)
  }
}

async function restore(
  client: QueryClient,
  raw: unknown,
  source: string,
  store: LastGoodStore,
  written: Map<ResourceName, { data: unknown; dataUpdatedAt: number }>,
): Promise<void> {
  if (raw === undefined || raw === null) return
  const parsed = recordSchema.safeParse(raw)
  if (!parsed.success) {
    console.warn('本机保存的数据无法读取,已忽略并删除', parsed.error.issues)
    await store.clear()
    return
  }
  const record = parsed.data
  if (record.contract !== CONTRACT_VERSION || record.apiBaseUrl !== source) {
    console.info(
      `本机保存的数据来自另一数据源或数据版本(${record.apiBaseUrl},版本 ${record.contract}),不再使用`,
    )
    await store.clear()
    return
  }
  for (const entry of record.entries) {
    const { key, schema } = RESOURCES[entry.name]
    const data = schema.safeParse(entry.data)
    if (!data.success) {
      console.warn(`本机保存的数据(${entry.name})不符合数据格式,已忽略`, data.error.issues)
      continue
    }
    // Kept for the next write, so a resource not fetched this session stays in the copy.
    if (!written.has(entry.name))
      written.set(entry.name, { data: data.data, dataUpdatedAt: entry.dataUpdatedAt })
    const query = client.getQueryCache().find({ queryKey: key, exact: true })
    if (query?.state.data !== undefined) continue
    client.setQueryData(key, data.data, { updatedAt: entry.dataUpdatedAt })
    // Kept data is never taken for current: a view mounting later still fetches at once (even
    // with refreshing off), and a query that already gave up tries again now; one still
    // fetching goes on.
    void client.invalidateQueries({ queryKey: key, exact: true, refetchType: 'none' })
    if (query && query.getObserversCount() > 0 && query.state.fetchStatus === 'idle')
      void client.refetchQueries({ queryKey: key, exact: true })
  }
}
