import * as z from 'zod/mini'
import { observationSchema, type Observation } from '@/domain/schemas'
import { withIdbStore, type IdbPlace } from '@/lib/idb'

/**
 * Data a clerk applied in this browser, kept in IndexedDB: the imported observations only (an
 * overlay), never a copy of the published data, so reverting is deleting it. What is read back is
 * parsed with the contract's schema; anything unreadable counts as “no local data”.
 */

export interface LocalData {
  /** When it was applied, ISO 8601. */
  appliedAt: string
  fileName: string
  /** The imported observations, applied over the published ones. */
  rows: Observation[]
}

const localDataSchema = z.object({
  version: z.literal(1),
  appliedAt: z.string(),
  fileName: z.string(),
  rows: z.array(observationSchema),
})

const DB_NAME = 'tzw-dashboard'
const STORE = 'local-data'
const KEY = 'overlay'

/** Other tabs of the same browser hear about apply and revert on this channel. */
export const LOCAL_DATA_CHANNEL = 'tzw-dashboard-local-data'

export interface LocalDataStore {
  load(): Promise<LocalData | null>
  save(data: LocalData): Promise<void>
  clear(): Promise<void>
}

export function indexedDbStore(
  factory: IDBFactory | undefined = globalThis.indexedDB,
): LocalDataStore {
  const place = (f: IDBFactory): IdbPlace => ({ factory: f, db: DB_NAME, store: STORE })
  return {
    async load() {
      if (!factory) return null
      try {
        const raw = await withIdbStore(place(factory), 'readonly', (s) => s.get(KEY))
        const parsed = localDataSchema.safeParse(raw)
        if (!parsed.success) return null
        const { appliedAt, fileName, rows } = parsed.data
        return { appliedAt, fileName, rows }
      } catch {
        return null
      }
    },
    async save(data) {
      if (!factory) throw new Error('此浏览器不支持本机存储(IndexedDB),无法应用导入数据')
      await withIdbStore(place(factory), 'readwrite', (s) => s.put({ version: 1, ...data }, KEY))
    },
    async clear() {
      if (!factory) return
      await withIdbStore(place(factory), 'readwrite', (s) => s.delete(KEY))
    },
  }
}

/** A store in memory, for tests and for browsers without IndexedDB. */
export function memoryStore(initial: LocalData | null = null): LocalDataStore {
  let current = initial
  return {
    load: async () => current,
    save: async (data) => {
      current = data
    },
    clear: async () => {
      current = null
    },
  }
}
