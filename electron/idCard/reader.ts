/**
 * The main process reaches an ID-card reader through this interface only. One adapter
 * exists today (httpReader.ts, the local-HTTP readers); a reader with a vendor DLL or
 * a serial protocol would be another adapter behind the same `read()`.
 *
 * Every failure is an AppError whose `details.reason` says what happened, so the
 * renderer words it ('idCard.error.<reason>' in renderer/src/i18n):
 * - 'reader_offline'  nothing answers at the address (service not running);
 * - 'reader_timeout'  it did not answer in time;
 * - 'no_card'         no card on the reader;
 * - 'reader_busy'     the reader is busy (another read in progress);
 * - 'reader_fault'    the reader answered with an error of its own or an HTTP error;
 * - 'answer_too_large', 'answer_malformed', 'answer_invalid'  its answer was refused
 *   (the last with field errors naming the fields).
 */
import { AppError, type AppErrorCode, type FieldError } from '@shared/errors/appError';
import type { IdCardReading } from '@shared/identity/idCardReading';

export interface IdCardReader {
  read(): Promise<IdCardReading>;
}

export type ReaderFailure =
  | 'reader_offline'
  | 'reader_timeout'
  | 'no_card'
  | 'reader_busy'
  | 'reader_fault'
  | 'answer_too_large'
  | 'answer_malformed'
  | 'answer_invalid';

export function readerError(
  reason: ReaderFailure,
  message: string,
  fieldErrors: FieldError[] = [],
  extra: Record<string, string | number> = {},
): AppError {
  const code: AppErrorCode = reason === 'answer_invalid' ? 'validation' : 'unavailable';
  return new AppError({
    code,
    message,
    ...(fieldErrors.length > 0 ? { fieldErrors } : {}),
    details: { reason, ...extra },
  });
}
