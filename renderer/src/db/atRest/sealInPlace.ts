/**
 * Seals the rows a desk wrote before encryption (issue #16 item 1, "existing desks
 * migrate their plaintext data in place"). Every sealed table is read in pages by
 * primary key and put back: the middleware seals each row on the way down. A page is
 * one transaction, so a stop halfway leaves every row either plain (read as it is) or
 * sealed, never half; the store's `atRest` row says "sealing" until after the last page
 * (storeKeys.ts), so an interrupted run carries on at the next open with the key.
 */
import type { Dexie, IndexableType, Table } from 'dexie';
import type { AtRestKeys } from '@shared/atRest/cipher';
import { currentMetaRows, type MetaRow } from './legacyMeta';
import { sealedTables } from './middleware';
import { sealedMetaKeys } from './sealedMetaKeys';
import { reportSealProgress, type SealProgress } from './sealProgress';

const pageSize = 500;

export async function sealInPlace(db: Dexie): Promise<void> {
  const tables = db.tables.filter((table) => sealedTables.has(table.name));
  const progress = await progressOver('seal', tables);
  try {
    for (const table of tables) {
      await putBackInPages(db, table, (keys) => table.bulkGet(keys), progress);
    }
  } finally {
    reportSealProgress(null);
  }
}

/**
 * Seals a sealed table's rows again in today's form (the persons of a store from before
 * schema v18's ID-prefix index), page by page as sealInPlace does. Only what the store
 * opens is sealed again: the caller has the store marked sealed throughout first, so a
 * row without a seal planted in the profile is refused, not adopted under the desk's
 * key; a refused row (planted, edited, damaged) is left as it is — refused again
 * wherever it is read — and never stops the others. Returns how many were left.
 */
export async function resealInPlace(db: Dexie, tableName: string): Promise<number> {
  const table = db.table(tableName);
  let refused = 0;
  const progress = await progressOver('reseal', [table]);
  try {
    await putBackInPages(
      db,
      table,
      async (keys) => {
        try {
          return await table.bulkGet(keys);
        } catch {
          const rows: unknown[] = [];
          for (const key of keys) {
            try {
              rows.push(await table.get(key));
            } catch {
              refused += 1;
            }
          }
          return rows;
        }
      },
      progress,
    );
  } finally {
    reportSealProgress(null);
  }
  if (refused > 0) console.warn(`${tableName}: ${refused} row(s) refused, left as they were.`);
  return refused;
}

/**
 * The rows the run will put back (each table counted once, before the first page: the
 * count walks the table, a fraction of the run), reported as it goes (sealProgress.ts).
 */
async function progressOver(kind: SealProgress['kind'], tables: Table[]) {
  let total = 0;
  for (const table of tables) total += await table.count();
  const progress = { kind, done: 0, total };
  reportSealProgress({ ...progress });
  return (rows: number) => {
    progress.done = Math.min(total, progress.done + rows);
    reportSealProgress({ ...progress });
  };
}

/** Every row of `table` read by `read` and put back, a page of keys per transaction. */
async function putBackInPages(
  db: Dexie,
  table: Table,
  read: (keys: IndexableType[]) => Promise<unknown[]>,
  done: (rows: number) => void,
): Promise<void> {
  let after: IndexableType | undefined = undefined;
  for (;;) {
    const page: IndexableType[] = await db.transaction('rw', table, async () => {
      const keys =
        after === undefined
          ? await table.orderBy(':id').limit(pageSize).primaryKeys()
          : await table.where(':id').above(after).limit(pageSize).primaryKeys();
      const rows = await read(keys);
      await table.bulkPut(rows.filter((r) => r !== undefined));
      return keys;
    });
    done(page.length);
    if (page.length < pageSize) return;
    after = page[page.length - 1];
  }
}

/**
 * Seals the listed meta rows (sealedMetaKeys.ts) the store does not yet record as sealed:
 * a desk from before encryption, or one sealed before a key was listed. Each row is read
 * through the middleware (plain, or already sealed by a run cut short) and put back, in
 * the form its owner reads today (legacyMeta.ts). One transaction; the caller records the
 * keys as sealed after it.
 */
export async function sealMetaInPlace(
  db: Dexie,
  keys: AtRestKeys,
  recorded: ReadonlySet<string>,
): Promise<void> {
  const meta = db.table('meta');
  const pending = [...sealedMetaKeys].filter((key) => !recorded.has(key));
  await db.transaction('rw', meta, async () => {
    const rows = (await meta.bulkGet(pending)) as (MetaRow | undefined)[];
    const current = rows.flatMap((row) => (row ? currentMetaRows(row, keys) : []));
    await meta.bulkPut(current);
  });
}
