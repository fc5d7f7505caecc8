import type { z } from 'zod';
import { validationError, type AppError, type FieldError } from '../errors/appError';

const ownCode = /^[a-z_]+\.[a-z_.]+$/;

/**
 * Turns zod issues into the project's FieldErrors so every layer speaks one error
 * shape. Codes are stable keys the UI translates ("field.required", "field.too_long").
 */
export function fieldErrorsFromZod(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    // A schema that names its own code (e.g. .regex(re, 'field.area_code')) wins.
    if (issue.code !== 'custom' && ownCode.test(issue.message)) {
      return { path, code: issue.message };
    }
    switch (issue.code) {
      case 'too_small':
        if (issue.origin === 'string' && Number(issue.minimum) <= 1) {
          return { path, code: 'field.required' };
        }
        return { path, code: 'field.too_small', params: { minimum: Number(issue.minimum) } };
      case 'too_big':
        return { path, code: 'field.too_big', params: { maximum: Number(issue.maximum) } };
      case 'invalid_value':
        return { path, code: 'field.invalid_option' };
      case 'invalid_type':
        // zod 4 does not keep the input; its message says what was received.
        return /received undefined/.test(issue.message)
          ? { path, code: 'field.required' }
          : { path, code: 'field.invalid_type', params: { expected: issue.expected } };
      case 'invalid_format':
        return { path, code: 'field.invalid_format', params: { format: issue.format } };
      case 'custom':
        return { path, code: issue.message, ...(issue.params ? { params: issue.params } : {}) };
      default:
        return { path, code: 'field.invalid' };
    }
  });
}

/** Parses with a schema or throws the one error shape, naming every bad field. */
export function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw invalid(what, fieldErrorsFromZod(result.error));
}

export function invalid(what: string, fieldErrors: FieldError[]): AppError {
  const fields = fieldErrors.map((e) => `${e.path || '(root)'}: ${e.code}`).join('; ');
  return validationError(`Invalid ${what}: ${fields}`, fieldErrors);
}
