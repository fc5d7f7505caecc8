import { cmp, type IndexableType, type Table } from 'dexie';
import type { SortDirection } from './gridQuery';

/**
 * The page next to one already shown: `row` is the last row of the page before (`next`)
 * or the first row of the page after (`prev`). Paging by one page reads from that row's
 * place in the index instead of counting rows from the start.
 */
export interface PageAnchor {
  row: { id: string } & Record<string, unknown>;
  direction: 'next' | 'prev';
}

type Key = string | number;

/**
 * Up to `limit` records just past `anchor` in the order of `index` (asc or desc), in
 * that order, IndexedDB's order: the index key, then the id among equal keys. Bounded
 * reads, whatever the direction and however deep the anchor: the ids of the entries
 * sharing the anchor's key past it (a key cursor, no record opened: tiedIdsPast), then
 * through Dexie the page's records — those ids, and the rest by one read of the index
 * range strictly past the anchor's key with the page's count (one getAll, walking down
 * too where the engine has getAll's direction, as Chromium does: it was a cursor step
 * per row). Only the page's records are read, so a page deep in a 200,000-row table
 * costs what page 2 does, and through Dexie every record passes its middlewares and a
 * live query sees what the page read.
 * Returns null when the anchor row has no key in that index (the caller pages by offset).
 */
export function keysetPage<R extends { id: string }>(
  table: Table<R, string>,
  index: string,
  order: SortDirection,
  anchor: PageAnchor,
  limit: number,
): Promise<R[]> | null {
  const key = anchor.row[index] as Key | undefined;
  if (key === undefined || key === null) return null;
  // Walking forward in the list means ascending in the index for an ascending list.
  const ascending = (order === 'asc') === (anchor.direction === 'next');
  const read =
    index === 'id'
      ? pastRange(table, 'id', anchor.row.id, ascending, limit)
      : pastKey(table, index, key, anchor.row.id, ascending, limit);
  return anchor.direction === 'prev' ? read.then((rows) => rows.reverse()) : read;
}

/** The records of `index` strictly past `key`, walking up or down, at most `limit`. */
function pastRange<R>(
  table: Table<R, string>,
  index: string,
  key: IndexableType,
  ascending: boolean,
  limit: number,
): Promise<R[]> {
  if (limit <= 0) return Promise.resolve([]);
  const beyond = ascending ? table.where(index).above(key) : table.where(index).below(key);
  return (ascending ? beyond : beyond.reverse()).limit(limit).toArray();
}

async function pastKey<R extends { id: string }>(
  table: Table<R, string>,
  index: string,
  key: Key,
  id: string,
  ascending: boolean,
  limit: number,
): Promise<R[]> {
  const ties = ascending
    ? await tiedIdsPast(table, index, key, id, true, limit)
    : ((await tiedIdsBelow(table, index, key, id, limit)) ??
      (await tiedIdsPast(table, index, key, id, false, limit)));
  const single = ties.ids.slice(0, ties.run);
  const [singleRows, runRows, rest] = await Promise.all([
    single.length > 0 ? table.bulkGet(single) : Promise.resolve<(R | undefined)[]>([]),
    rowsOfRun(table, ties.ids.slice(ties.run), ascending),
    pastRange(table, index, key, ascending, limit - ties.ids.length),
  ]);
  const found = singleRows.filter((row): row is R => row !== undefined);
  return [...found, ...runRows, ...rest];
}

/**
 * The ids sharing the anchor's key on the page, in the walk's order; from `run` on they
 * are every id of the store between the first and the last of them (what a leap found),
 * so they are read by one id range (one getAll) instead of one get each.
 */
interface Ties {
  ids: string[];
  run: number;
}

const noTies: Ties = { ids: [], run: 0 };

/** The records of a run of ids (every store id between its ends), in the walk's order. */
async function rowsOfRun<R extends { id: string }>(
  table: Table<R, string>,
  run: string[],
  ascending: boolean,
): Promise<R[]> {
  const [low, high] = ascending ? [run[0], run.at(-1)] : [run.at(-1), run[0]];
  if (low === undefined || high === undefined) return [];
  const wanted = new Set(run);
  const rows = (await table.where('id').between(low, high, true, true).toArray()).filter((row) =>
    wanted.has(row.id),
  );
  return ascending ? rows : rows.reverse();
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
function tiedIdsPast<R>(
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
function tiedIdsBelow<R>(
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
