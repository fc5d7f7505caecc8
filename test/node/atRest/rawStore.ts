import { DeskDatabase } from '../../../renderer/src/db/database';
import { setDataKeySource } from '../../../renderer/src/db/atRest/keySource';
import { restoreTestKeySource } from '../setup';

/**
 * Every row of every object store of an IndexedDB database, read with the bare
 * IndexedDB API (no Dexie, so no at-rest middleware): what is on the disk.
 */
export async function rawRows(name: string): Promise<Record<string, unknown[]>> {
  const idb = await openRaw(name);
  try {
    const out: Record<string, unknown[]> = {};
    for (const store of Array.from(idb.objectStoreNames)) {
      out[store] = await new Promise<unknown[]>((resolve, reject) => {
        const req = idb.transaction(store, 'readonly').objectStore(store).getAll();
        req.onsuccess = () => resolve(req.result as unknown[]);
        req.onerror = () => reject(req.error ?? new Error('read failed'));
      });
    }
    return out;
  } finally {
    idb.close();
  }
}

function openRaw(name: string): Promise<IDBDatabase> {
  return new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('open failed'));
  });
}

/** One request on one object store in its own bare IndexedDB transaction. */
async function rawChange(
  name: string,
  table: string,
  change: (store: IDBObjectStore) => void,
): Promise<void> {
  const idb = await openRaw(name);
  try {
    await new Promise<void>((resolve, reject) => {
      const tx = idb.transaction(table, 'readwrite');
      change(tx.objectStore(table));
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('write failed'));
    });
  } finally {
    idb.close();
  }
}

/** A row put straight into the profile (no middleware, no key): what an intruder writes. */
export function rawPut(name: string, table: string, row: unknown): Promise<void> {
  return rawChange(name, table, (store) => store.put(row));
}

/** A row deleted straight from the profile. */
export function rawDelete(name: string, table: string, key: IDBValidKey): Promise<void> {
  return rawChange(name, table, (store) => store.delete(key));
}

/**
 * The store `name` reopened as a browser opens it before anyone logs in: no key source
 * (no OS key store), so it is locked until a password or the recovery words open it.
 * `fn` gets the open DeskDatabase; it is closed, and the tests' key source restored, after.
 * The desk that wrote the store must be closed first.
 */
export async function withLockedStore<T>(
  name: string,
  fn: (db: DeskDatabase) => Promise<T>,
): Promise<T> {
  setDataKeySource(() => null);
  try {
    const db = new DeskDatabase(name);
    try {
      return await fn(db);
    } finally {
      db.close();
    }
  } finally {
    restoreTestKeySource();
  }
}
