/**
 * The names of one store's indexes as IndexedDB holds them (not as Dexie declares them):
 * what a migration test checks a version built and dropped. Opens the database at its
 * current version, without Dexie.
 */
export function storedIndexNames(name: string, store: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onerror = () => reject(open.error ?? new Error('open failed'));
    open.onsuccess = () => {
      const names = open.result.transaction(store).objectStore(store).indexNames;
      resolve(Array.from(names));
      open.result.close();
    };
  });
}
