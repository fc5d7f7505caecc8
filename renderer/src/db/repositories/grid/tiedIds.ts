import { cmp, type Table } from 'dexie';

/** An index key the lists sort by (an array: a compound index; `[]` sorts past every string). */
export type Key = string | number | (string | number | never[])[];

/**
 * The ids sharing the anchor's key on the page, in the walk's order; from `run` on they
 * are every id of the store between the first and the last of them (what a leap found),
 * so they are read by one id range (one getAll) instead of one get each.
 */
export interface Ties {
  ids: string[];
  run: number;
}

const noTies: Ties = { ids: [], run: 0 };

/**
 * A key shared by at most this many entries (a birth date among 200,000 persons: about
 * eight) is read whole by one getAllKeys instead of a cursor stepping through it.
 */
const fewTies = 16;

/**
 * The ids sharing the anchor's key past the anchor's id in the walk's order (up to
 * `limit`): a key shared by a few, from one read of all its ids; a key shared by many,
 * by a cursor seeking to the anchor (tiedIdsPast, or tiedIdsBelow walking down).
 */
export async function tiesPast<R>(
  table: Table<R, string>,
  index: string,
  key: Key,
  id: string,
  ascending: boolean,
  limit: number,
): Promise<Ties> {
  const few = await idsOfKey(table, index, key, fewTies + 1);
  if (few.length <= fewTies) {
    const past = ascending
      ? few.filter((other) => cmp(other, id) > 0)
      : few.filter((other) => cmp(other, id) < 0).reverse();
    const ids = past.slice(0, limit);
    return { ids, run: ids.length };
  }
  if (ascending) return tiedIdsPast(table, index, key, id, true, limit);
  return (
    (await tiedIdsBelow(table, index, key, id, limit)) ??
    (await tiedIdsPast(table, index, key, id, false, limit))
  );
}

/** The first `count` ids (the store's order) of the entries of `index` with `key`. */
function idsOfKey<R>(table: Table<R, string>, index: string, key: Key, count: number) {
  const idb = table.db.backendDB();
  return new Promise<string[]>((resolve, reject) => {
    const request = idb
      .transaction(table.name, 'readonly')
      .objectStore(table.name)
      .index(index)
      .getAllKeys(IDBKeyRange.only(key), count);
    request.onsuccess = () => resolve(request.result as string[]);
    request.onerror = () => reject(request.error ?? new Error('getAllKeys failed'));
  });
}

/** Entries past the anchor walked one by one before leaping (a key shared by a few). */
const shortWalk = 8;

/**
 * The ids of up to `limit` entries sharing the anchor's key past the anchor's id, in the
 * walk's order. A key cursor on that one key seeks straight to the anchor
 * (continuePrimaryKey) and steps on from there. When the key goes on past a few steps
 * (every person loaded in one go shares one updatedAt) it leaps: `advance` to the
 * page's last entry, then the ids between by one getAllKeys of the store's id range —
 * which are the key's entries exactly when the range holds no more ids than the leap
 * crossed (else it steps after all). Keys only — no record is opened here (they are
 * read through Dexie with the page). Raw IndexedDB: Dexie has no seek by index key and
 * id.
 */
export function tiedIdsPast<R>(
  table: Table<R, string>,
  index: string,
  key: Key,
  id: string,
  ascending: boolean,
  limit: number,
  leap = true,
): Promise<Ties> {
  const idb = table.db.backendDB();
  return new Promise<Ties>((resolve, reject) => {
    const tx = idb.transaction(table.name, 'readonly');
    const store = tx.objectStore(table.name);
    const request = store
      .index(index)
      .openKeyCursor(IDBKeyRange.only(key), ascending ? 'next' : 'prev');
    const ids: string[] = [];
    const last = () => ids.at(-1) ?? id;
    let placed = false;
    let leaping = false;
    /** The leap missed (other ids in the range, or the key ended): step from the last id. */
    const stepFromLast = () =>
      tiedIdsPast(table, index, key, last(), ascending, limit - ids.length, false).then(
        (more) => resolve({ ids: [...ids, ...more.ids], run: ids.length + more.run }),
        reject,
      );
    request.onsuccess = () => {
      const cursor = request.result;
      if (leaping) {
        if (!cursor) return void stepFromLast();
        const crossed = limit - ids.length;
        const edge = cursor.primaryKey as string;
        const between = store.getAllKeys(
          ascending
            ? IDBKeyRange.bound(last(), edge, true)
            : IDBKeyRange.bound(edge, last(), false, true),
          crossed + 1,
        );
        between.onsuccess = () => {
          const got = between.result as string[];
          if (got.length !== crossed) return void stepFromLast();
          resolve({ ids: [...ids, ...(ascending ? got : got.reverse())], run: ids.length });
        };
        between.onerror = () => reject(between.error ?? new Error('getAllKeys failed'));
        return;
      }
      if (!cursor || ids.length >= limit) return resolve({ ids, run: ids.length });
      const order = cmp(cursor.primaryKey, id);
      if (!placed) {
        placed = true;
        // Before the anchor in the walk's order: seek to it (it is where it was, or gone
        // and the cursor stops at the entry just past it).
        if (ascending ? order < 0 : order > 0) return cursor.continuePrimaryKey(key, id);
      }
      if (order !== 0) ids.push(cursor.primaryKey as string);
      if (ids.length >= limit) return resolve({ ids, run: ids.length });
      if (leap && ids.length >= shortWalk) {
        leaping = true;
        return cursor.advance(limit - ids.length);
      }
      cursor.continue();
    };
    request.onerror = () => reject(request.error ?? new Error('cursor failed'));
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
  });
}

/** getAllKeys with a direction (IndexedDB 3: Chromium, fake-indexeddb; Dexie uses it too). */
type KeysWithDirection = (options: {
  query: IDBKeyRange;
  count: number;
  direction: IDBCursorDirection;
}) => IDBRequest<IDBValidKey[]>;

/**
 * Walking down (a descending list's next page, an ascending one's previous): the ids of
 * up to `limit` entries sharing the anchor's key below the anchor's id, highest first —
 * without a 'prev' cursor, which Chromium moves to a key's end and seeks back by stepping
 * (11 ms through 5,000 persons sharing one updatedAt). A 'next' key cursor opens at the
 * key's lowest id: if that is the anchor, nothing shares the key below it (one request).
 * Otherwise the store's ids just below the anchor (one getAllKeys walking down) are the
 * key's when the cursor, at the lowest of them, advances by their number onto the
 * anchor. Null when they are not (other keys' ids between): the caller steps instead.
 */
export function tiedIdsBelow<R>(
  table: Table<R, string>,
  index: string,
  key: Key,
  id: string,
  limit: number,
): Promise<Ties | null> {
  const idb = table.db.backendDB();
  return new Promise<Ties | null>((resolve, reject) => {
    const tx = idb.transaction(table.name, 'readonly');
    const store = tx.objectStore(table.name);
    const request = store.index(index).openKeyCursor(IDBKeyRange.only(key), 'next');
    let below: string[] = [];
    let phase: 'first' | 'seek' | 'check' = 'first';
    const check = (cursor: IDBCursor) => {
      phase = 'check';
      cursor.advance(below.length);
    };
    request.onsuccess = () => {
      const cursor = request.result;
      if (phase === 'first') {
        const lowest = cursor?.primaryKey as string | undefined;
        if (!cursor || lowest === undefined || cmp(lowest, id) >= 0) return resolve(noTies);
        const getAllKeys = store.getAllKeys.bind(store) as unknown as KeysWithDirection;
        const ids = getAllKeys({
          query: IDBKeyRange.bound(lowest, id, false, true),
          count: limit,
          direction: 'prev',
        });
        ids.onsuccess = () => {
          below = ids.result as string[];
          const bottom = below.at(-1) as string;
          if (cmp(bottom, lowest) === 0) return check(cursor);
          phase = 'seek';
          cursor.continuePrimaryKey(key, bottom);
        };
        ids.onerror = () => reject(ids.error ?? new Error('getAllKeys failed'));
        return;
      }
      if (!cursor) return resolve(null);
      if (phase === 'seek') {
        if (cmp(cursor.primaryKey, below.at(-1) as string) !== 0) return resolve(null);
        return check(cursor);
      }
      resolve(cmp(cursor.primaryKey, id) === 0 ? { ids: below, run: 0 } : null);
    };
    request.onerror = () => reject(request.error ?? new Error('cursor failed'));
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
  });
}
