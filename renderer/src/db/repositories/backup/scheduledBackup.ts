import { backupDue } from '@shared/backup/schedule';
import type { WriteBackupResponse } from '@shared/ipc/contract';
import type { DeskDatabase } from '../../database';
import type { WriteContext } from '../../writeContext';
import { lastBackup, recordBackupMade } from './backupStatus';
import { makeBackup } from './makeBackup';
import { loadRecoveryKey } from './recoveryKeyStore';
import { loadBackupSchedule } from './scheduleStore';

/**
 * Where a scheduled backup goes: in Electron, the folder the main process keeps; in a
 * browser, nowhere (a page cannot write into a folder unasked), so the desk reminds.
 */
export type BackupTarget =
  | {
      kind: 'folder';
      write: (bytes: Uint8Array<ArrayBuffer>, keep: number) => Promise<WriteBackupResponse>;
    }
  | { kind: 'reminder' };

export type ScheduledOutcome =
  | { outcome: 'not_due' }
  | { outcome: 'remind' } // web: the supervisor should back up by hand
  | { outcome: 'no_key' } // the recovery key is not set up: nothing can be sealed
  | { outcome: 'made'; fileName: string; removed: number };

/**
 * Makes the backup the schedule asks for, if it is due, without asking anyone. Counted as
 * made (the status bar's age) only once the folder holds it; a failed write stays due and
 * is tried again at the next check.
 */
export async function runDueBackup(
  db: DeskDatabase,
  ctx: WriteContext,
  target: BackupTarget,
  now: Date,
): Promise<ScheduledOutcome> {
  const schedule = await loadBackupSchedule(db);
  if (!backupDue(schedule, (await lastBackup(db))?.at ?? null, now)) return { outcome: 'not_due' };
  if (target.kind === 'reminder') return { outcome: 'remind' };
  if (!(await loadRecoveryKey(db))) return { outcome: 'no_key' };
  const made = await makeBackup(db, ctx, undefined, { scheduled: true });
  const written = await target.write(made.bytes, schedule.keep);
  await recordBackupMade(db, { at: made.manifest.createdAt, fileName: written.fileName });
  return { outcome: 'made', ...written };
}
