import type { StoredRecord } from '@shared/records/envelope';
import { recordTable, recordTableNames, type DeskDatabase } from '../../renderer/src/db/database';
import type { GeneratedRecord } from './generator';

/**
 * The generator's fast path into a desk store (Node or a bench page): one bulkPut per
 * kind for the records given, in the caller's transaction.
 */
export async function putByKind(db: DeskDatabase, records: GeneratedRecord[]): Promise<void> {
  const byKind = new Map<GeneratedRecord['kind'], StoredRecord<unknown>[]>();
  for (const { kind, record } of records) {
    const list = byKind.get(kind) ?? [];
    list.push(record);
    byKind.set(kind, list);
  }
  for (const [kind, list] of byKind) await recordTable(db, kind).bulkPut(list);
}

/** Every record, `chunk` to a transaction (not measured: the office as if pulled). */
export async function bulkLoad(
  db: DeskDatabase,
  records: GeneratedRecord[],
  chunk = 5_000,
): Promise<void> {
  for (let i = 0; i < records.length; i += chunk) {
    await db.transaction('rw', recordTableNames, () => putByKind(db, records.slice(i, i + chunk)));
  }
}

/**
 * The bare pull's loop (Node and a bench page): a bare server's 5,000-record JSON pages
 * (syncBench.ts, startBareServer), one bulkPut per kind per page. Returns the records.
 */
export async function loadBarePages(db: DeskDatabase, url: string): Promise<number> {
  let pulled = 0;
  for (let page = 0; ; page++) {
    const body = (await (await fetch(`${url}/pages/${page}`)).json()) as {
      records: GeneratedRecord[];
      hasMore: boolean;
    };
    await db.transaction('rw', recordTableNames, () => putByKind(db, body.records));
    pulled += body.records.length;
    if (!body.hasMore) return pulled;
  }
}
