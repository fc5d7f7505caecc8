import { AppError } from '@shared/errors/appError';
import { readBackupBytes, type BackupManifest } from '@shared/backup/format';
import { openBackup } from '@shared/backup/open';
import { backupRefusal } from '@shared/backup/refusals';
import type { DeskDatabase, MetaRow } from '../../database';
import { requireRole } from '../../permissions';
import { latestSchemaVersion } from '../../schema';
import type { WriteContext } from '../../writeContext';
import { loadDeviceKeys } from '../../../sync/packages/deviceKeys';
import { recordBackupMade } from './backupStatus';
import { backupFileName } from '@shared/backup/fileName';
import { markSeqCheck } from './seqCheck';
import { machineMetaKeys } from './tableLines';
import { upgradeBackupTables } from './upgradeBackup';
import { adoptRecoveryKeyAfterRestore } from './recoveryKeyStore';
import { preSealRows } from '../../atRest/preSeal';

/** Meta counters a restore never moves back (the device seq has its own check: seqCheck.ts). */
const forwardOnlyMetaKeys = ['packageNumber'] as const;

export interface RestoreResult {
  manifest: BackupManifest;
  counts: Record<string, number>;
}

/**
 * Replaces the whole store with a backup's, in ONE transaction: a refused file or a
 * failure half-way leaves the store as it was. `ctx` is the supervisor on a desk in
 * use; null only on a desk with no account yet (a new PC), which takes any office's.
 */
export async function restoreBackup(
  db: DeskDatabase,
  bytes: Uint8Array<ArrayBuffer>,
  words: readonly string[],
  ctx: WriteContext | null,
): Promise<RestoreResult> {
  if (ctx) requireRole(ctx, ['supervisor'], 'restore a backup');
  else if ((await db.staff.count()) + (await db.users.count()) > 0) throw notSignedIn();
  const read = readBackupBytes(bytes);
  const { manifest } = read;
  if (ctx && manifest.officeId !== ctx.officeId) {
    throw backupRefusal('backup.foreign_office', { office: manifest.officeId });
  }
  if (manifest.schemaVersion > latestSchemaVersion) {
    throw backupRefusal('backup.newer_schema', { version: manifest.schemaVersion });
  }
  const own = ctx && manifest.deviceId === ctx.deviceId ? await loadDeviceKeys(db) : null;
  const opened = await openBackup(read, words, own?.publicKeys.signing ?? null);
  // An older desk's backup goes through the normal upgrades first (upgradeBackup.ts).
  const tables =
    manifest.schemaVersion < latestSchemaVersion
      ? await upgradeBackupTables(opened, manifest.schemaVersion)
      : opened;
  const known = new Set(db.tables.map((t) => t.name));
  for (const name of tables.keys()) {
    if (!known.has(name)) throw backupRefusal('backup.newer_schema', { table: name });
  }
  // Sealed for this store before its transaction opens (natively, concurrently): inside
  // it, the middleware would seal row by row in JS while IndexedDB waits (preSeal.ts).
  for (const [name, rows] of tables) tables.set(name, await preSealRows(db, name, rows));
  await db.transaction('rw', db.tables, async () => {
    const kept = (await db.meta.bulkGet([...machineMetaKeys])).filter(
      (row): row is MetaRow => row !== undefined,
    );
    const numbers = await db.meta.bulkGet([...forwardOnlyMetaKeys]);
    await writeAllTables(db, tables);
    await db.meta.bulkPut(kept);
    // A number HQ has seen must never be used again (HQ refuses a package numbered at or
    // below one it imported): such counters keep the higher of the two.
    for (const current of numbers) {
      if (typeof current?.value !== 'number') continue;
      const restored = await db.meta.get(current.key);
      if (typeof restored?.value !== 'number' || restored.value < current.value) {
        await db.meta.put(current);
      }
    }
    await markSeqCheck(db);
    await recordBackupMade(db, { at: manifest.createdAt, fileName: backupFileName(manifest) });
  });
  await adoptRecoveryKeyAfterRestore(db, words);
  return { manifest, counts: manifest.counts };
}

/**
 * Rows sealed and handed to IndexedDB per request, and requests left in flight at once.
 * A table's rows are not written in one bulkAdd awaited before the next table: IndexedDB
 * then writes while nothing is sealed, and the page seals while nothing is written (a
 * restore of 58,000 rows sat idle 26 of its 43 s waiting for the writes). Batches in
 * flight let the store write one while the next is sealed; the window bounds how many
 * sealed rows wait in memory (docs/backup.md, "Restore at office size").
 */
const rowsPerBatch = 2_000;
const batchesInFlight = 8;

/** Every table cleared and refilled with the backup's rows; inside the restore's transaction. */
async function writeAllTables(db: DeskDatabase, tables: Map<string, unknown[]>): Promise<void> {
  const inFlight: Promise<unknown>[] = [];
  const issue = async (write: Promise<unknown>) => {
    inFlight.push(write);
    if (inFlight.length >= batchesInFlight) await inFlight.shift();
  };
  try {
    for (const table of db.tables) {
      await issue(table.clear());
      const rows = tables.get(table.name) ?? [];
      for (let at = 0; at < rows.length; at += rowsPerBatch) {
        await issue(table.bulkAdd(rows.slice(at, at + rowsPerBatch)));
      }
    }
  } catch (error) {
    // The first failure fails the restore (its transaction aborts); the writes still in
    // flight fail with it and are not left without a handler.
    await Promise.allSettled(inFlight);
    throw error;
  }
  await Promise.all(inFlight);
}

/** A desk with accounts restores only for a signed-in supervisor. */
function notSignedIn(): AppError {
  return new AppError({
    code: 'forbidden',
    message: 'Sign in as a supervisor to restore a backup on a desk in use.',
  });
}
