/**
 * Requests arrive from another process: the types say what they should be, this
 * checks what they are. A bad request becomes a `validation` AppError with field
 * paths, like any other write path in the desk.
 */
import type { z } from 'zod';
import { validationError } from '@shared/errors/appError';

export function parseRequest<S extends z.ZodType>(schema: S, request: unknown): z.output<S> {
  const result = schema.safeParse(request);
  if (result.success) return result.data;
  throw validationError(
    'IPC request failed validation.',
    result.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.'),
      code: `ipc.${issue.code}`,
    })),
  );
}
