/**
 * Every row of every object store of an IndexedDB database, read with the bare
 * IndexedDB API (no Dexie, so no at-rest middleware): what is on the disk.
 */
export async function rawRows(name: string): Promise<Record<string, unknown[]>> {
  const idb = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('open failed'));
  });
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
