import type { IndexableType, Table } from 'dexie';
import { onTableChanges, tablePart } from '../../tableChanges';

/** A table's count as last read, valid until the table changes (`generation` moves on). */
interface Kept {
  generation: number;
  count?: number;
  pending?: Promise<number>;
}

/** By table, named as Dexie names a table's changes (tableChanges.ts's `tablePart`). */
const kept = new Map<string, Kept>();
let listening = false;

/**
 * Every committed change to a table (this window's, another's or the sync worker's) forgets
 * its count; so does Dexie's `all` (a page back from the back-forward cache, which may have
 * missed any change meanwhile).
 */
function listen(): void {
  if (listening) return;
  listening = true;
  onTableChanges(
    () => kept.keys(),
    (name) => {
      const entry = kept.get(name);
      if (!entry) return;
      entry.generation += 1;
      delete entry.count;
      delete entry.pending;
    },
  );
}

/**
 * The number of records in a table, for a list's total. IndexedDB counts a store by
 * walking it (in Chromium 4 ms at 5,000 persons, ~40 ms at 20,000: it grows with the
 * table), and a list asked for it with every page; now a table is counted once and the
 * count kept until a change to the table commits, so paging, sorting and reopening a
 * list cost only their page. A count that was under way when a change committed is
 * not kept. Inside a live query the whole table is still watched, as the count would
 * watch it: a record added anywhere shows in the list's total.
 */
export async function tableCount<R>(table: Table<R, string>): Promise<number> {
  const entry = await watched(table);
  return entry.count ?? entry.pending ?? countOnce(table, entry);
}

/**
 * The kept count at once; or, when the table has none (the first list opened after a
 * start, or after a change), `later`: the count, started outside the caller's live query
 * so that the page does not wait for it — at 200,000 persons the count takes ~0.4 s, the
 * page a few ms (ServerGrid shows the page, then the total). The table is watched as by
 * tableCount, so the live query runs again on any change to it.
 */
export async function tableCountOrLater<R>(
  table: Table<R, string>,
): Promise<{ count: number } | { later: Promise<number> }> {
  const entry = await watched(table);
  if (entry.count !== undefined) return { count: entry.count };
  // (countOnce's and outsideLiveQuery's promises each handle their own rejection.)
  return {
    later: entry.pending ?? outsideLiveQuery(() => entry.pending ?? countOnce(table, entry)),
  };
}

/**
 * Inside a live query, makes it hear of a row leaving a filtered list that the page did
 * not read (a case closed off the page, a person renamed out of a surname), by another
 * tab or a sync, while its count runs outside the query (outsideLiveQuery): Dexie watches
 * every change whose old row it did not see for any count on an index, as the range's own
 * count did when the page waited for it. This count is of one key no row has (`none`: a
 * bound of a range whose keys end with an id), so it costs one request, not a walk.
 */
export function watchLeavers<R>(
  table: Table<R, string>,
  index: string,
  none: IndexableType,
): Promise<number> {
  return table.where(index).equals(none).count();
}

/**
 * A read started from a timer, after the caller has handed back its answer: it then
 * belongs to no live query (a request made inside one is part of it, and the query's
 * answer would wait for it again, and watch what it read). For what a list shows after
 * its page (a count); the page's own reads are what the live query watches. A failure is
 * the caller's to handle, never an unhandled rejection.
 */
export function outsideLiveQuery<T>(read: () => Promise<T>): Promise<T> {
  const result = new Promise<T>((resolve, reject) => {
    // (Through a promise: a read that throws at once still rejects this one.)
    setTimeout(() => Promise.resolve().then(read).then(resolve, reject), 0);
  });
  result.catch(() => undefined);
  return result;
}

async function watched<R>(table: Table<R, string>): Promise<Kept> {
  listen();
  const name = tablePart(table.db.name, table.name);
  let entry = kept.get(name);
  if (!entry) {
    entry = { generation: 0 };
    kept.set(name, entry);
  }
  // First a cursor on the whole primary key, stopped at the first record: inside a live
  // query it watches what count would (a getAll could be answered from Dexie's query
  // cache, which need not requery when a record is added elsewhere), and a change that
  // committed before it has reported itself (and forgotten the count) by the time it
  // answers — a requery that runs while the change's commit is still being announced
  // must not be handed the old count.
  await table.limit(1).each(() => undefined);
  return entry;
}

function countOnce<R>(table: Table<R, string>, entry: Kept): Promise<number> {
  const generation = entry.generation;
  const pending = table.count().then((n) => {
    if (entry.generation === generation) {
      entry.count = n;
      delete entry.pending;
    }
    return n;
  });
  entry.pending = pending;
  pending.catch(() => {
    if (entry.pending === pending) delete entry.pending;
  });
  return pending;
}
