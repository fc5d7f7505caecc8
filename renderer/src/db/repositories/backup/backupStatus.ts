import type { DeskDatabase } from '../../database';

/** When the last backup was made (or restored from): the status bar shows its age. */
const lastBackupKey = 'backupLast';

export interface LastBackup {
  at: string;
  fileName: string;
}

export async function recordBackupMade(db: DeskDatabase, last: LastBackup): Promise<void> {
  await db.meta.put({ key: lastBackupKey, value: last });
}

export async function lastBackup(db: DeskDatabase): Promise<LastBackup | null> {
  const value = (await db.meta.get(lastBackupKey))?.value as Partial<LastBackup> | undefined;
  return typeof value?.at === 'string' ? { at: value.at, fileName: value.fileName ?? '' } : null;
}

/** Whole days since the last backup (null: never); red from `staleAfterDays`. */
export function backupAgeDays(last: LastBackup | null, now: Date): number | null {
  if (!last) return null;
  return Math.max(0, Math.floor((now.getTime() - Date.parse(last.at)) / 86_400_000));
}

export const staleAfterDays = 7;
