import type { BackupManifest } from '@shared/backup/format';
import { backupFileName } from '@shared/backup/fileName';
import { backupRefusal } from '@shared/backup/refusals';
import { sealGzippedBackup } from '@shared/backup/seal';
import { newRecordId } from '@shared/records/ids';
import type { DeskDatabase } from '../../database';
import { requireRole } from '../../permissions';
import { logAccess } from '../accessLog';
import { latestSchemaVersion } from '../../schema';
import type { WriteContext } from '../../writeContext';
import { ensureDeviceKeys, loadDeviceKeys } from '../../../sync/packages/deviceKeys';
import { loadRecoveryKey } from './recoveryKeyStore';
import type { DumpProgress } from './tableLines';
import { snapshotGzip } from './snapshot';

export interface MakeBackupOptions {
  /** Made by the schedule (any signed-in user), not by a supervisor on the screen. */
  scheduled?: boolean;
}

export interface MadeBackup {
  bytes: Uint8Array<ArrayBuffer>;
  fileName: string;
  manifest: BackupManifest;
}

/**
 * The whole local store, what HQ has not got yet included, sealed for the office
 * recovery key and signed by this desk. Logged in the access log first (the backup
 * carries its own entry). It counts as the last backup (recordBackupMade) only once the
 * caller has the file saved: a cancelled save dialog is no backup.
 */
export async function makeBackup(
  db: DeskDatabase,
  ctx: WriteContext,
  onProgress?: (progress: DumpProgress) => void,
  options: MakeBackupOptions = {},
): Promise<MadeBackup> {
  // A scheduled backup runs for whoever is signed in: the supervisor's schedule asked for
  // it, and its file opens only with the office recovery words (which the user may not hold).
  if (!options.scheduled) requireRole(ctx, ['supervisor'], 'back up the desk');
  const recovery = await loadRecoveryKey(db);
  if (!recovery) throw backupRefusal('backup.no_recovery_key');
  const publicKeys = await ensureDeviceKeys(db);
  const device = await loadDeviceKeys(db);
  if (!device) throw backupRefusal('backup.no_recovery_key');
  const backupId = newRecordId();
  await logAccess(db, ctx, {
    action: 'backup',
    subjectKind: 'office',
    subjectId: ctx.officeId,
    maskedSubject: ctx.officeId,
    purpose: `${options.scheduled ? 'scheduled backup' : 'backup'} ${backupId}`,
  });
  const createdAt = ctx.now().toISOString();
  const snapshot = await snapshotGzip(db, onProgress);
  const sealed = await sealGzippedBackup({
    manifest: {
      format: 'mzbak',
      version: 1,
      kind: 'backup',
      backupId,
      officeId: ctx.officeId,
      deviceId: ctx.deviceId,
      createdAt,
      createdBy: ctx.actor.name,
      schemaVersion: latestSchemaVersion,
    },
    payload: snapshot.payload,
    counts: snapshot.counts,
    recoveryKey: recovery.publicKey,
    signer: { privateKey: device.signing.privateKey, publicKey: publicKeys.signing },
  });
  const fileName = backupFileName(sealed.manifest);
  return { bytes: sealed.bytes, fileName, manifest: sealed.manifest };
}
