import { backupExtension } from './format';

/** What a backup's file name is made of; the rest of the manifest does not matter here. */
export interface BackupNaming {
  officeId: string;
  createdAt: string;
}

const prefix = '民政备份_';

/**
 * "民政备份_<office>_20261205-0830.mzbak". The office id is reduced to letters, digits,
 * '-' and '_' so the name can never carry a folder or a character a file system refuses.
 */
export function backupFileName(naming: BackupNaming): string {
  const stamp = naming.createdAt.slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  const office = naming.officeId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64) || 'office';
  return `${prefix}${office}_${stamp}${backupExtension}`;
}

/** A file this desk wrote into a backup folder (the only files it may ever remove there). */
export function isBackupFileName(name: string): boolean {
  return /^民政备份_[A-Za-z0-9_-]{1,64}_\d{8}-\d{4}\.mzbak$/.test(name);
}
