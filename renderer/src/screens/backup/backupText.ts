import type { AppErrorData } from '@shared/errors/appError';
import type { FileFilter } from '@shared/ipc/contract';
import { isMessageKey, type Translate } from '../../i18n/translate';

/** The file dialogs' filter: backups only. */
export function backupFilters(t: Translate): FileFilter[] {
  return [{ name: t('backup.fileFilter'), extensions: ['mzbak'] }];
}

/** Why a backup or restore failed, in words: each refusal has its own sentence. */
export function backupErrorText(t: Translate, error: AppErrorData): string {
  const refusal = error.fieldErrors?.find((e) => e.path === 'backup' || e.path === 'backupFolder');
  if (refusal && isMessageKey(refusal.code)) return t(refusal.code, refusal.params);
  const key = `error.${error.code}`;
  return t(isMessageKey(key) ? key : 'error.internal');
}

/** "上次备份：3 天前", or that there is none. */
export function backupAgeText(t: Translate, days: number | null): string {
  if (days === null) return t('backup.age.never');
  return days === 0 ? t('backup.age.today') : t('backup.age.days', { days });
}
