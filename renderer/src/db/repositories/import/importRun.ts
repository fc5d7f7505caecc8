import { AppError, type FieldError } from '@shared/errors/appError';

/** How far a dry run or commit is: rows done of rows in all. */
export interface ImportProgress {
  done: number;
  total: number;
}

/** The user cancelled the commit: thrown inside its transaction, so nothing is kept. */
export class ImportCancelled extends Error {
  constructor() {
    super('The import was cancelled; nothing was written.');
    this.name = 'ImportCancelled';
  }
}

/**
 * A failure while committing, naming the data row (0-based; -1: not one row) in
 * `details.row`, with the write path's own field errors kept. A cancel passes through.
 */
export function rowFailure(row: number, cause: unknown): Error {
  if (cause instanceof ImportCancelled) return cause;
  if (cause instanceof AppError) {
    if ('row' in cause.details) return cause;
    return new AppError({ ...cause.toData(), details: { ...cause.details, row } });
  }
  if (isCode(cause)) {
    return new AppError({
      code: 'validation',
      message: `Row ${row} cannot be imported (${cause.code}).`,
      fieldErrors: [{ path: 'row', code: cause.code, params: cause.params }],
      details: { row },
    });
  }
  return new AppError({
    code: 'internal',
    message: `Row ${row}: ${cause instanceof Error ? cause.message : String(cause)}`,
    details: { row },
  });
}

function isCode(value: unknown): value is Pick<FieldError, 'code' | 'params'> {
  return (
    typeof value === 'object' && value !== null && 'code' in value && !(value instanceof Error)
  );
}
