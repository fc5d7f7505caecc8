import type { BackupTarget } from '../db/repositories/backup/scheduledBackup';
import type { DeskApi } from '@shared/ipc/contract';

/** Electron: the main process writes the sealed bytes into the supervisor's folder. */
export function electronBackupTarget(api: DeskApi): BackupTarget {
  return { kind: 'folder', write: (bytes, keep) => api.writeBackupToFolder({ bytes, keep }) };
}
