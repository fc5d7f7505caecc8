/**
 * The search measures (docs/performance.md, "Search"): `searchPersons`, the repository
 * the search box calls, against a raw IndexedDB lookup of the same query on the same
 * store in the same page, interleaved query by query (which side goes first alternates)
 * so both meet the same disk, cache and machine load. The target is a ratio of the two
 * p95s: absolute milliseconds do not survive a change of machine (issue #17 item 5).
 */
import type { AtRestKeys } from '@shared/atRest/cipher';
import { idIndexToken, idPrefixIndex, idPrefixLookup } from '@shared/atRest/idTokens';
import { classifyQuery } from '@shared/search/searchTokens';
import type { DeskDatabase } from '../../../renderer/src/db/database';
import { searchPersons } from '../../../renderer/src/db/repositories/persons';

/**
 * The baseline: the same lookup as one native `IDBIndex.getAll(range, limit)` per index
 * searchPersons reads (name/pinyin: the `searchTokens` prefix; ID: the `idNumber` prefix;
 * a 4- or 6-character tail: the `idTails` key and the prefix, both in one transaction),
 * with no Dexie above it and nothing of ours after it (no dedupe, no deleted filter).
 * Raw IndexedDB rather than Dexie's bare `where().startsWith().limit()`: Dexie's own
 * promise and middleware layer is code the desk runs too, so the ratio should count it.
 */
export function rawSearch(
  idb: IDBDatabase,
  query: string,
  keys: AtRestKeys,
  limit = 50,
): Promise<number> {
  const q = classifyQuery(query);
  const tx = idb.transaction('persons', 'readonly');
  const store = tx.objectStore('persons');
  const prefix = (index: string, value: string) =>
    request(store.index(index).getAll(IDBKeyRange.bound(value, `${value}\uffff`), limit));
  if (q.kind !== 'id') return prefix('searchTokens', q.value.toLowerCase()).then((r) => r.length);
  // ID numbers are sealed: their indexes hold keyed tokens (docs/at-rest.md); the
  // baseline reads the prefix index's ranges as searchPersons does, and opens nothing.
  const byPrefix = () => {
    const ranges = prefixRanges(q.value, keys);
    return Promise.all(
      ranges.map((r) => request(store.index(idPrefixIndex).getAll(r, limit))),
    ).then((found) => found.flat().slice(0, limit));
  };
  if (!q.tail) return byPrefix().then((r) => r.length);
  return Promise.all([
    request(store.index('idTails').getAll(idIndexToken(keys, 'idTails', q.value), limit)),
    byPrefix(),
  ]).then(([a, b]) => Math.min(limit, a.length + b.length));
}

/** The prefix index's key ranges for an ID prefix, in tokens (as the store's middleware makes them). */
function prefixRanges(query: string, keys: AtRestKeys): IDBKeyRange[] {
  const lookup = idPrefixLookup(query);
  if (lookup === null) return [];
  const t4 = idIndexToken(keys, 'idPrefix4', lookup.prefix4);
  if (lookup.prefix6 === null && /^\d{5}$/.test(query)) {
    // Five digits: the ten 6-character ranges they begin (renderer/src/db/repositories/persons.ts).
    return ['', ...'0123456789'].map((d) => {
      const t6 = idIndexToken(keys, 'idPrefix6', `${query}${d}`);
      return IDBKeyRange.bound([t4, t6], [t4, t6, []]);
    });
  }
  if (lookup.prefix6 === null) return [IDBKeyRange.bound([t4], [t4, []])];
  const t6 = idIndexToken(keys, 'idPrefix6', lookup.prefix6);
  if (lookup.born === null) return [IDBKeyRange.bound([t4, t6], [t4, t6, []])];
  return lookup.born.map(({ from, to }) => IDBKeyRange.bound([t4, t6, from], [t4, t6, to]));
}

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

export interface SearchSamples {
  times: number[];
  rawTimes: number[];
  hits: number;
  rawHits: number;
}

/** `samples` queries (after 5 warm-up ones), each run by searchPersons and raw. */
export async function measureSearchQueries(
  db: DeskDatabase,
  makeQuery: () => string,
  samples: number,
): Promise<SearchSamples> {
  const idb = db.backendDB();
  const keys = db.atRest.keys;
  if (!keys) throw new Error('The bench store is locked.');
  const out: SearchSamples = { times: [], rawTimes: [], hits: 0, rawHits: 0 };
  for (let i = 0; i < samples + 5; i++) {
    const q = makeQuery();
    const ours = async () => {
      const t0 = performance.now();
      const found = await searchPersons(db, q);
      return { ms: performance.now() - t0, hits: found.length };
    };
    const raw = async () => {
      const t0 = performance.now();
      const hits = await rawSearch(idb, q, keys);
      return { ms: performance.now() - t0, hits };
    };
    let a: { ms: number; hits: number };
    let b: { ms: number; hits: number };
    if (i % 2 === 0) {
      a = await ours();
      b = await raw();
    } else {
      b = await raw();
      a = await ours();
    }
    if (i < 5) continue;
    out.times.push(a.ms);
    out.rawTimes.push(b.ms);
    out.hits += a.hits;
    out.rawHits += b.hits;
  }
  return out;
}
