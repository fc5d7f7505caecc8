import type { BackupTarget } from '../db/repositories/backup/scheduledBackup';
import { electronBackupTarget } from './backupTarget.electron';
import { webBackupTarget } from './backupTarget.web';
import { getDeskApi, isDesktop } from './deskApi';

/** Where this runtime puts a scheduled backup (see the two adapters). */
export function backupTarget(): BackupTarget {
  return isDesktop() ? electronBackupTarget(getDeskApi()) : webBackupTarget();
}
