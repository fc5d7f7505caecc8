import type { Table } from 'dexie';
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
 * that order. The cursor seeks straight to the anchor's place (continuePrimaryKey: its
 * index key, then its id among equal keys — what IndexedDB orders ties by), so the
 * page costs the same anywhere in a 200,000-row table; only the page's records are
 * read. IndexedDB directly: Dexie has no seek by index key and primary key.
 * Returns null when the anchor row has no key in that index (the caller pages by offset).
 */
export function keysetPage<R>(
  table: Table<R, string>,
  index: string,
  order: SortDirection,
  anchor: PageAnchor,
  limit: number,
): Promise<R[]> | null {
  const key = anchor.row[index] as Key | undefined;
  const id = anchor.row.id;
  if (key === undefined || key === null) return null;
  // Walking forward in the list means ascending in the index for an ascending list.
  const ascending = (order === 'asc') === (anchor.direction === 'next');
  const idb = table.db.backendDB();
  return new Promise<R[]>((resolve, reject) => {
    const tx = idb.transaction(table.name, 'readonly');
    const store = tx.objectStore(table.name);
    const rows: R[] = [];
    const byId = index === 'id';
    const range = byId
      ? ascending
        ? IDBKeyRange.lowerBound(id, true)
        : IDBKeyRange.upperBound(id, true)
      : ascending
        ? IDBKeyRange.lowerBound(key)
        : IDBKeyRange.upperBound(key);
    const source = byId ? store : store.index(index);
    const request = source.openCursor(range, ascending ? 'next' : 'prev');
    let placed = byId;
    request.onsuccess = () => {
      const cursor = request.result;
      const done = () => resolve(anchor.direction === 'prev' ? rows.reverse() : rows);
      if (!cursor) return done();
      if (!placed) {
        const sameKey = indexedDB.cmp(cursor.key, key) === 0;
        const byPrimary = indexedDB.cmp(cursor.primaryKey, id);
        if (sameKey && (ascending ? byPrimary < 0 : byPrimary > 0)) {
          cursor.continuePrimaryKey(key, id);
          return;
        }
        placed = true;
        if (sameKey && byPrimary === 0) {
          cursor.continue();
          return;
        }
      }
      if (ascending && !byId && indexedDB.cmp(cursor.key, key) !== 0) {
        // Past the anchor's equal keys, at the first entry of a new key: the rest of the
        // page is one getAll from that key on (one request instead of one per row).
        const rest = (source as IDBIndex).getAll(
          IDBKeyRange.lowerBound(cursor.key),
          limit - rows.length,
        );
        rest.onsuccess = () => {
          rows.push(...(rest.result as R[]));
          done();
        };
        rest.onerror = () => reject(rest.error ?? new Error('getAll failed'));
        return;
      }
      rows.push(cursor.value as R);
      if (rows.length >= limit) return done();
      cursor.continue();
    };
    request.onerror = () => reject(request.error ?? new Error('cursor failed'));
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
  });
}
