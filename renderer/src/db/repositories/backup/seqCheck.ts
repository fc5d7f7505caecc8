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
