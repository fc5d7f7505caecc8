import { AppError, type AppErrorCode } from '../errors/appError';

/** Every reason a backup is refused (field `backup`); a refused backup restores nothing. */
export type BackupRefusal =
  | 'backup.not_a_backup' // wrong magic: not a .mzbak file
  | 'backup.unsupported_version'
  | 'backup.truncated' // shorter than its manifest says, or fewer rows than counted
  | 'backup.tampered' // signature, hash or GCM tag fails
  | 'backup.wrong_words' // the words are not a recovery key, or not this backup's
  | 'backup.foreign_office' // another office's backup on a desk set up for this one
  | 'backup.newer_schema' // made by a newer desk than this one
  | 'backup.upgrade_failed' // made by an older desk, and its upgrade to this schema failed
  | 'backup.no_recovery_key'; // the office recovery key is not set up yet

const httpCode: Record<BackupRefusal, AppErrorCode> = {
  'backup.not_a_backup': 'validation',
  'backup.unsupported_version': 'validation',
  'backup.truncated': 'validation',
  'backup.tampered': 'validation',
  'backup.wrong_words': 'validation',
  'backup.foreign_office': 'forbidden',
  'backup.newer_schema': 'validation',
  'backup.upgrade_failed': 'validation',
  'backup.no_recovery_key': 'unavailable',
};

export function backupRefusal(
  reason: BackupRefusal,
  params: Record<string, string | number> = {},
): AppError {
  return new AppError({
    code: httpCode[reason],
    message: `Backup refused: ${reason}.`,
    fieldErrors: [{ path: 'backup', code: reason, params }],
    details: { refusal: reason, ...params },
  });
}

export function backupRefusalOf(error: unknown): BackupRefusal | null {
  if (!(error instanceof AppError)) return null;
  const refusal = error.details.refusal;
  return typeof refusal === 'string' && refusal in httpCode ? (refusal as BackupRefusal) : null;
}
