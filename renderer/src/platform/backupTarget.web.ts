import type { BackupTarget } from '../db/repositories/backup/scheduledBackup';

/** A browser cannot write into a folder unasked: a due backup becomes a reminder. */
export function webBackupTarget(): BackupTarget {
  return { kind: 'reminder' };
}
