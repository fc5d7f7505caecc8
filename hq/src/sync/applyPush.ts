import { presentChainKey } from '../store/accessChains';
import type { Kysely } from 'kysely';
import { AppError } from '@shared/errors/appError';
import type { OpResult } from '@shared/sync/protocol';
import type { QueueEntry } from '@shared/sync/queueEntry';
import type { HqTables } from '../db/schema';
import type { AuthenticatedDevice } from '../store/offices';
import { heldByAnotherOffice } from '../store/recordStore';
import { applyBatchIn, lockDevice } from './applyBatch';

/**
 * Applies a desk's pushed batch in ONE transaction that starts by locking the device
 * row: the whole batch and the device's last-applied sequence commit together (a crash
 * leaves all of it or none, and the desk sends it again), and one commit per batch
 * instead of one per op is what lets HQ keep up with a desk's backlog (issue #6).
 */
export async function applyPush(
  db: Kysely<HqTables>,
  device: AuthenticatedDevice,
  ops: QueueEntry[],
  now: () => Date,
  accessChainKey?: string,
): Promise<OpResult[]> {
  if (await touchesForeignData(db, device, ops)) {
    throw new AppError({
      code: 'forbidden',
      message: "A device may only write its own office's records, as itself.",
    });
  }
  const applied = await db.transaction().execute(async (trx) => {
    await lockDevice(trx, device.id);
    // Before the ops: the batch's access-log entries are checked with this key.
    await presentChainKey(trx, device, accessChainKey, now());
    return applyBatchIn(trx, device, ops, now);
  });
  return applied.map((a) => a.result);
}

/**
 * Whether ops claim another office or device, or target a record (by UUID) another
 * office holds: such a batch or package is refused whole, before anything applies.
 */
export async function touchesForeignData(
  db: Kysely<HqTables>,
  device: AuthenticatedDevice,
  ops: QueueEntry[],
): Promise<boolean> {
  const foreign = ops.some((op) => op.officeId !== device.officeId || op.deviceId !== device.id);
  return (
    foreign ||
    (await heldByAnotherOffice(
      db,
      device.officeId,
      ops.map((op) => ({ kind: op.kind, id: op.recordId })),
    ))
  );
}
