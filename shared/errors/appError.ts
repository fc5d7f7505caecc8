/**
 * The one error shape that crosses every boundary: write path → UI, main → renderer
 * over IPC, HQ → desk over HTTP. `code` is stable and machine-readable; `message` is
 * an English sentence for logs and developers; the UI translates `code` (and each
 * field error's `code`) into Chinese next to the field.
 */
export type AppErrorCode =
  | 'validation' // input failed a schema or a domain rule; see fieldErrors
  | 'duplicate' // a unique rule (e.g. one person per ID number) would be broken
  | 'conflict' // the record changed since the caller read it (stale base version)
  | 'not_found'
  | 'forbidden' // the actor's role may not do this
  | 'invalid_transition' // a workflow step not allowed from the current state
  | 'unauthenticated'
  | 'unavailable' // a platform feature this build lacks
  | 'rate_limited' // too many attempts from one place in a while (e.g. enrollment codes)
  | 'internal';

/** One problem with one field. `path` is the dotted field path ("members.2.idNumber"). */
export interface FieldError {
  path: string;
  /** A stable code such as "id.checksum"; the UI owns the wording. */
  code: string;
  /** Values the wording needs, e.g. { expected: 'X', actual: '5' }. */
  params?: Record<string, string | number>;
}

export interface AppErrorData {
  code: AppErrorCode;
  message: string;
  fieldErrors?: FieldError[];
  /** Extra facts, e.g. the id of the existing record on a duplicate. */
  details?: Record<string, string | number | boolean | null>;
  /** HQ's id for this error: its log line carries the same id (quote it to HQ's staff). */
  errorId?: string;
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly fieldErrors: FieldError[];
  readonly details: Record<string, string | number | boolean | null>;
  readonly errorId: string | undefined;

  constructor(data: AppErrorData) {
    super(data.message);
    this.name = 'AppError';
    this.code = data.code;
    this.fieldErrors = data.fieldErrors ?? [];
    this.details = data.details ?? {};
    this.errorId = data.errorId;
  }

  toData(): AppErrorData {
    return {
      code: this.code,
      message: this.message,
      ...(this.fieldErrors.length > 0 ? { fieldErrors: this.fieldErrors } : {}),
      ...(Object.keys(this.details).length > 0 ? { details: this.details } : {}),
      ...(this.errorId ? { errorId: this.errorId } : {}),
    };
  }

  static fromData(data: AppErrorData): AppError {
    return new AppError(data);
  }
}

/** Normalises anything thrown into the one shape, hiding internals of unknown errors. */
export function toAppErrorData(error: unknown): AppErrorData {
  if (error instanceof AppError) return error.toData();
  if (isAppErrorData(error)) return error;
  return { code: 'internal', message: 'An unexpected error occurred.' };
}

export function isAppErrorData(value: unknown): value is AppErrorData {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}

export function validationError(message: string, fieldErrors: FieldError[]): AppError {
  return new AppError({ code: 'validation', message, fieldErrors });
}
