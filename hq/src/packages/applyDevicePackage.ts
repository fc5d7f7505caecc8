import { presentChainKey, reportedChainHead } from '../store/accessChains';
import type { Kysely } from 'kysely';
import { packageRefusal } from '@shared/package/refusals';
import type { SyncCursor } from '@shared/sync/protocol';
import type { HqTables } from '../db/schema';
import { recordDeskContact } from '../store/deskContact';
import { recordDeviceCursor } from '../store/deviceCursor';
import { recordPackage } from '../store/packages';
import { applyBatchIn, lockDevice, type AppliedOp } from '../sync/applyBatch';
import { importSummary, type ImportedOps } from './importSummary';
import type { OpenedDevicePackage } from './openDevicePackage';
import { checkPackageOrder } from './packageOrder';

export interface AppliedPackage {
  applied: AppliedOp[];
  ops: ImportedOps;
  /** What the desk holds of HQ's streams: the return file carries what comes after. */
  cursor: SyncCursor;
}

/**
 * Applies every op of an opened package in ONE transaction — all or nothing — through
 * the same per-op logic as an online push, and records the import with it. The order
 * is checked again under the device's lock: an online push or a second import of the
 * same file may have committed since the first look.
 */
export async function applyDevicePackage(
  db: Kysely<HqTables>,
  opened: OpenedDevicePackage,
  fileName: string,
  now: Date,
  options: { dryRun?: boolean } = {},
): Promise<AppliedPackage> {
  const { manifest, device } = opened;
  await checkPackageOrder(db, manifest, await deviceRow(db, device.id));
  if (!options.dryRun) return applyIn(db, opened, fileName, now, false);
  // A preview: the very same import, in a transaction rolled back at its end (HQ's
  // counters live in tables, so nothing of it stays, not even a number).
  try {
    await applyIn(db, opened, fileName, now, true);
  } catch (error) {
    if (error instanceof RolledBack) return error.applied;
    throw error;
  }
  throw new Error('A dry run always rolls back.');
}

/** Carries a dry run's result out of the transaction it rolls back. */
class RolledBack extends Error {
  constructor(readonly applied: AppliedPackage) {
    super('Preview only: rolled back.');
  }
}

async function applyIn(
  db: Kysely<HqTables>,
  opened: OpenedDevicePackage,
  fileName: string,
  now: Date,
  dryRun: boolean,
): Promise<AppliedPackage> {
  const { manifest, device, ops } = opened;
  return db.transaction().execute(async (trx) => {
    const locked = await lockDevice(trx, device.id);
    // Revoked (or re-keyed) since the package was checked: its signature no longer counts.
    if (!locked || locked.revoked || locked.public_key !== device.signingKey) {
      throw packageRefusal(
        'package.unknown_signer',
        `Desk ${device.id} was revoked or changed keys while the package was being imported.`,
        { device: device.id },
      );
    }
    await checkPackageOrder(trx, manifest, locked);
    await presentChainKey(trx, device, manifest.report?.accessChainKey, now);
    const applied = await applyBatchIn(trx, device, ops, () => now);
    // The head the package reports is the desk's when it was made. When HQ held its last
    // op already (the desk went online since and pushed it, and maybe later looks), the
    // report is older than what HQ holds: no cut chain can be read from it.
    if (applied.at(-1)?.repeated !== true) {
      await reportedChainHead(trx, device, manifest.report?.accessChainSeq, now);
    }
    const summary = importSummary(ops, applied);
    await recordPackage(trx, {
      direction: 'in',
      officeId: device.officeId,
      deviceId: device.id,
      manifest,
      fileName,
      at: now,
      summary,
    });
    await trx
      .updateTable('devices')
      .set({ package_number: manifest.number })
      .where('id', '=', device.id)
      .execute();
    const cursor = manifest.acknowledges.cursor ?? {
      office: Number(locked.cursor_office),
      reference: Number(locked.cursor_reference),
    };
    await recordDeviceCursor(trx, device.id, cursor);
    await recordDeskContact(trx, device.id, 'package', now, manifest.report);
    if (dryRun) throw new RolledBack({ applied, ops: summary, cursor });
    return { applied, ops: summary, cursor };
  });
}

async function deviceRow(db: Kysely<HqTables>, deviceId: string) {
  return db
    .selectFrom('devices')
    .select(['package_number', 'last_seq'])
    .where('id', '=', deviceId)
    .executeTakeFirstOrThrow();
}
