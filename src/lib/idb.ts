/**
 * The few IndexedDB steps the app's browser stores share (src/api/local-store.ts, the imported
 * data; src/api/last-good-store.ts, the last good dataset): one database per store, one object
 * store in it, one request per transaction, the database closed after each.
 */

export interface IdbPlace {
  factory: IDBFactory
  db: string
  store: string
}

export function idbRequest<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error ?? new Error('IndexedDB 请求失败'))
  })
}

/**
 * Opens the database with its store; a database found without it (made by another page or tool,
 * or left half-made) is upgraded to one more version that has it.
 */
function openDb({ factory, db, store }: IdbPlace, version?: number): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    // Without a version: the database as it is (version 1, new, when there is none).
    const req = version === undefined ? factory.open(db) : factory.open(db, version)
    req.onupgradeneeded = () => {
      if (!req.result.objectStoreNames.contains(store)) req.result.createObjectStore(store)
    }
    req.onsuccess = () => {
      const opened = req.result
      if (opened.objectStoreNames.contains(store)) return resolve(opened)
      const next = opened.version + 1
      opened.close()
      openDb({ factory, db, store }, next).then(resolve, reject)
    }
    req.onerror = () => reject(req.error ?? new Error('无法打开本机数据库'))
    req.onblocked = () => reject(new Error('本机数据库被其他页面占用,请关闭其他看板页面后重试'))
  })
}

/** Runs one request in a transaction of `mode`; resolves when the transaction has completed. */
export async function withIdbStore<T>(
  place: IdbPlace,
  mode: IDBTransactionMode,
  run: (store: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  const db = await openDb(place)
  try {
    const tx = db.transaction(place.store, mode)
    const done = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve()
      tx.onerror = () => reject(tx.error ?? new Error('本机数据库写入失败'))
      tx.onabort = () => reject(tx.error ?? new Error('本机数据库写入被中止'))
    })
    const [result] = await Promise.all([idbRequest(run(tx.objectStore(place.store))), done])
    return result
  } finally {
    db.close()
  }
}
