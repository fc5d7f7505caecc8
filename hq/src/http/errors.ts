import {
  AppError,
  toAppErrorData,
  type AppErrorCode,
  type AppErrorData,
} from '@shared/errors/appError';
import type { z } from 'zod';
import { fieldErrorsFromZod } from '@shared/validation/fieldErrors';

/** HTTP status for each error code: the body is always the one AppErrorData shape. */
const statusOf: Record<AppErrorCode, number> = {
  validation: 400,
  duplicate: 409,
  conflict: 409,
  not_found: 404,
  forbidden: 403,
  invalid_transition: 409,
  unauthenticated: 401,
  unavailable: 503,
  rate_limited: 429,
  internal: 500,
};

export function httpError(error: unknown): { status: number; body: AppErrorData } {
  const fastifyError = error as { statusCode?: number; code?: string; validation?: unknown };
  if (
    !(error instanceof AppError) &&
    typeof fastifyError.statusCode === 'number' &&
    fastifyError.statusCode < 500
  ) {
    // Fastify's own refusals: malformed JSON, too large, wrong content type.
    return {
      status: fastifyError.statusCode,
      body: { code: 'validation', message: fastifyRefusal(fastifyError.statusCode) },
    };
  }
  // Only HQ's own errors speak to the client. Anything else (a database driver's error
  // also has a string code and message) is an internal error whose text stays here.
  const body: AppErrorData =
    error instanceof AppError
      ? toAppErrorData(error)
      : { code: 'internal', message: 'An unexpected error occurred.' };
  return { status: statusOf[body.code] ?? 500, body };
}

/**
 * Parses a request body with a protocol schema or throws a 400 naming each bad field.
 * Text HQ keeps in its own columns may not contain NUL (PostgreSQL text cannot hold it);
 * `opaque` names the parts stored as JSON, which may (e.g. a pushed op's fields).
 */
export function parseBody<T>(
  schema: z.ZodType<T>,
  body: unknown,
  opaque: (path: string[]) => boolean = () => false,
): T {
  const result = schema.safeParse(body);
  if (!result.success) {
    throw new AppError({
      code: 'validation',
      message: 'The request body does not match the protocol.',
      fieldErrors: fieldErrorsFromZod(result.error),
    });
  }
  const nul = pathsWithNul(result.data, [], opaque);
  if (nul.length > 0) {
    throw new AppError({
      code: 'validation',
      message: 'The request body contains a NUL character.',
      fieldErrors: nul.map((path) => ({ path, code: 'field.invalid' })),
    });
  }
  return result.data;
}

/** In a push body or a package's payload, an op's fields are stored as JSON: any text goes. */
export const opFields = (path: string[]) =>
  path.length === 3 && path[0] === 'ops' && path[2] === 'fields';

/** Where a value holds text with NUL (PostgreSQL text cannot), as dotted paths. */
export function pathsWithNul(
  value: unknown,
  path: string[],
  opaque: (path: string[]) => boolean,
): string[] {
  if (opaque(path)) return [];
  if (typeof value === 'string') return value.includes('\u0000') ? [path.join('.')] : [];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key.includes('\u0000')
      ? [[...path, key].join('.')]
      : pathsWithNul(inner, [...path, key], opaque),
  );
}

function fastifyRefusal(status: number): string {
  if (status === 413) return 'The request body is too large.';
  if (status === 415) {
    return 'The request body must be JSON (content-type: application/json), or a package file (application/octet-stream) where a route takes one.';
  }
  return 'The request body is not valid JSON.';
}
