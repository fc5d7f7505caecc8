/**
 * Changes from HQ that the desk refused (shared/sync/incomingChanges.ts): an account,
 * a record of another office, a kind this desk does not know… Their page or package
 * applied nothing and the cursor stayed before them; they are kept here so people can
 * see why receiving stopped and tell the county.
 */
import type { ChangeRefusal } from '@shared/sync/incomingChanges';
import type { ServerChange } from '@shared/sync/protocol';
import type { DeskDatabase } from '../db/database';
import { refusedChangesTable, type RefusedChangeRow } from '../db/tables/refusedChangeTables';
import { loadCursor } from './syncCursor';

export type RefusedChange = RefusedChangeRow & {
  /** Still ahead of the desk's cursor: receiving stops there until HQ sends it right. */
  blocking: boolean;
};

/**
 * Keeps each refused change with its reason, in its own transaction (the page's own
 * applied nothing). The same change refused again keeps its first time and counts.
 */
export async function keepRefusedChanges(
  db: DeskDatabase,
  changes: readonly ServerChange[],
  refusals: readonly ChangeRefusal[],
  via: RefusedChangeRow['via'],
  at: Date,
): Promise<void> {
  const table = refusedChangesTable(db);
  const now = at.toISOString();
  await db.transaction('rw', table, async () => {
    const rows: RefusedChangeRow[] = [];
    for (const refusal of refusals) {
      const change = changes[refusal.index];
      if (!change) continue;
      const id = change.record.id;
      rows.push({
        id: `${change.stream}:${change.seq}`,
        stream: change.stream,
        seq: change.seq,
        kind: change.kind,
        recordId: typeof id === 'string' ? id : '',
        change,
        code: refusal.code,
        params: refusal.params,
        via,
        refusedAt: now,
        lastRefusedAt: now,
        times: 1,
      });
    }
    const earlier = await table.bulkGet(rows.map((row) => row.id));
    rows.forEach((row, i) => {
      const before = earlier[i];
      if (!before) return;
      row.refusedAt = before.refusedAt;
      row.times = before.times + 1;
    });
    await table.bulkPut(rows);
  });
}

/** Newest first, each marked whether it still stops receiving (beyond the cursor). */
export async function refusedChanges(db: DeskDatabase, limit = 200): Promise<RefusedChange[]> {
  const [rows, cursor] = await Promise.all([
    refusedChangesTable(db).orderBy('refusedAt').reverse().limit(limit).toArray(),
    loadCursor(db),
  ]);
  return rows.map((row) => ({ ...row, blocking: row.seq > cursor[row.stream] }));
}

/** How many refused changes still stop receiving: the status bar's count. */
export async function blockingRefusedCount(db: DeskDatabase): Promise<number> {
  const [rows, cursor] = await Promise.all([refusedChangesTable(db).toArray(), loadCursor(db)]);
  return rows.filter((row) => row.seq > cursor[row.stream]).length;
}
