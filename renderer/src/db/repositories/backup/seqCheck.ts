import Dexie from 'dexie';
import type { DeskDatabase } from '../../database';

/**
 * After a restore the device seq is the backup's, while HQ may already hold later ops of
 * this device (sent after the backup was made). A new op must not take a seq HQ holds
 * under another op id: HQ would refuse it for good ("sequence already used"). So a
 * restore leaves this mark: until HQ has said how far it holds this device
 * (`deviceSeq` of a pull answer), only the backup's own ops are pushed (HQ answers those
 * it holds from their op ids), and then the ops made since the restore move past HQ's.
 */
export const seqCheckKey = 'backupSeqCheck';

export interface SeqCheck {
  /** The device seq the backup held: ops above it were made after the restore. */
  backupSeq: number;
}

/** Must run inside the restore's transaction, after the backup's meta is in. */
export async function markSeqCheck(db: DeskDatabase): Promise<void> {
  const row = await db.meta.get('deviceSeq');
  const backupSeq = typeof row?.value === 'number' ? row.value : 0;
  await db.meta.put({ key: seqCheckKey, value: { backupSeq } satisfies SeqCheck });
}

export async function pendingSeqCheck(db: DeskDatabase): Promise<SeqCheck | null> {
  const value = (await db.meta.get(seqCheckKey))?.value as Partial<SeqCheck> | undefined;
  return typeof value?.backupSeq === 'number' ? { backupSeq: value.backupSeq } : null;
}

/** The queued ops that may go to HQ now: all, or only the backup's while the check is open. */
export async function opsBeforeSeqCheck<T extends { seq: number }>(
  db: DeskDatabase,
  ops: T[],
): Promise<T[]> {
  const check = await pendingSeqCheck(db);
  return check ? ops.filter((op) => op.seq <= check.backupSeq) : ops;
}

/**
 * HQ holds this device's ops up to `hqSeq`. Every seq up to it is taken at HQ (it applies
 * a device's ops strictly in order), by the backup's own ops or by ops sent after the
 * backup was made. The ops made since the restore move up, in order and without a gap,
 * to follow it, and the device counter with them; all in one transaction with the writes.
 */
export async function settleSeqCheck(db: DeskDatabase, hqSeq: number): Promise<void> {
  // Every pull page says it: most desks were never restored, and pay one read for it.
  if (!Dexie.currentTransaction && !(await pendingSeqCheck(db))) return;
  await db.transaction('rw', db.queue, db.meta, async () => {
    const check = await pendingSeqCheck(db);
    if (!check) return;
    const shift = hqSeq - check.backupSeq;
    if (shift > 0) {
      const moved = await db.queue.where('seq').above(check.backupSeq).toArray();
      await db.queue.bulkDelete(moved.map((op) => op.seq));
      await db.queue.bulkAdd(moved.map((op) => ({ ...op, seq: op.seq + shift })));
      const row = await db.meta.get('deviceSeq');
      const seq = typeof row?.value === 'number' ? row.value : check.backupSeq;
      await db.meta.put({ key: 'deviceSeq', value: seq + shift });
    }
    await db.meta.delete(seqCheckKey);
  });
}
