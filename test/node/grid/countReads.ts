import type { DBCore, DBCoreCursor } from 'dexie';

/** What the grid tests count: records handed up by Dexie, and IndexedDB's cursor moves. */
export const counted = { reads: 0, steps: 0 };

/**
 * A DBCore middleware counting records read from one table: values of getAll / get /
 * getMany, and each cursor stop (a cursor's advance is one stop, whatever it skips).
 */
export function countReads(tableName: string) {
  return (down: DBCore): DBCore => ({
    ...down,
    table(name) {
      const table = down.table(name);
      if (name !== tableName) return table;
      return {
        ...table,
        async get(req) {
          counted.reads += 1;
          return table.get(req);
        },
        async getMany(req) {
          counted.reads += req.keys.length;
          return table.getMany(req);
        },
        async query(req) {
          const res = await table.query(req);
          if (req.values) counted.reads += res.result.length;
          return res;
        },
        async openCursor(req) {
          const cursor = await table.openCursor(req);
          if (!cursor) return cursor;
          const start = cursor.start.bind(cursor);
          (cursor as { start: DBCoreCursor['start'] }).start = (onNext) =>
            start(() => {
              if (req.values) counted.reads += 1;
              onNext();
            });
          return cursor;
        },
      };
    },
  });
}

let patched = false;

/**
 * Counts IndexedDB's own reads on the fake-indexeddb prototypes — each cursor move
 * (continue, continuePrimaryKey, advance) and each record an index's getAll returns:
 * the anchored pages seek the anchor with a key cursor of their own, past Dexie.
 */
export function countSteps(): void {
  if (patched) return;
  patched = true;
  const proto = (globalThis as unknown as { IDBCursor: { prototype: Record<string, unknown> } })
    .IDBCursor.prototype;
  for (const name of ['continue', 'continuePrimaryKey', 'advance']) {
    const original = proto[name] as (...args: unknown[]) => void;
    proto[name] = function (this: unknown, ...args: unknown[]) {
      counted.steps += 1;
      return original.apply(this, args);
    };
  }
  const index = (globalThis as unknown as { IDBIndex: { prototype: Record<string, unknown> } })
    .IDBIndex.prototype;
  const getAll = index.getAll as (...args: unknown[]) => IDBRequest<unknown[]>;
  index.getAll = function (this: unknown, ...args: unknown[]) {
    const request = getAll.apply(this, args);
    request.addEventListener('success', () => (counted.steps += request.result.length));
    return request;
  };
}
