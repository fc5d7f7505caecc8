/**
 * Large transactions reported as whole tables to live queries (issue #15: the window
 * stalled 1.9 s as a 100,000-row import committed).
 *
 * Dexie's Observability middleware notes, for every write, the key it wrote and its key
 * in every index, merges them into the transaction's change set, and at commit hands that
 * set to every live query and posts it to the other tabs (a BroadcastChannel message, a
 * structured clone of the whole set). An import writes 250,000 rows, each with a dozen
 * index keys: the set grew to millions of entries and the post alone held the window for
 * a quarter of a second at 20,000 rows. Past `bulkWriteThreshold` writes in one
 * transaction this middleware, just above Observability, hands it each further write's
 * change set already full — every key of the table and of each index — so the merge is
 * one node and the post a few lines; every live query reading those tables then reads
 * again, which after that many writes it would nearly all have done anyway. A save
 * (tens of writes) is reported key by key as before.
 */
import { RangeSet, type DBCore, type Middleware, type ObservabilitySet } from 'dexie';

/** Writes in one transaction past which its further changes are reported as whole tables. */
export const bulkWriteThreshold = 1_000;

export function bulkChangesMiddleware(threshold = bulkWriteThreshold): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'BulkChanges',
    // Above Dexie's Observability middleware (level 0), which fills in the request's set.
    level: 1,
    create: (down) => {
      const writes = new WeakMap<object, number>();
      // One whole-table set per transaction and table: Observability only adds keys to
      // it, which leave a full range as it was.
      const wholeSets = new WeakMap<object, Map<string, ObservabilitySet>>();
      const wholeTable = (trans: object, table: string, indexes: string[]) => {
        let byTable = wholeSets.get(trans);
        if (!byTable) wholeSets.set(trans, (byTable = new Map()));
        let set = byTable.get(table);
        if (!set) {
          set = {};
          for (const index of ['', ':dels', ...indexes]) {
            set[`idb://${down.schema.name}/${table}/${index}`] = new RangeSet(
              down.MIN_KEY,
              down.MAX_KEY,
            );
          }
          byTable.set(table, set);
        }
        return set;
      };
      return {
        ...down,
        table: (name) => {
          const table = down.table(name);
          const indexes = table.schema.indexes.map((index) => index.name ?? '');
          return {
            ...table,
            mutate: (req) => {
              const count = (writes.get(req.trans) ?? 0) + 1;
              writes.set(req.trans, count);
              if (count <= threshold) return table.mutate(req);
              return table.mutate({
                ...req,
                mutatedParts: wholeTable(req.trans, name, indexes),
              });
            },
          };
        },
      };
    },
  };
}
