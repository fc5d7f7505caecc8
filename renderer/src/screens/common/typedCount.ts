import { validationError } from '@shared/errors/appError';
import { parseCount } from '@shared/validation/counts';

/**
 * A count typed in a form field, as a number, or a thrown validation error for `path`
 * that the form shows next to the field: empty is 必填, "2.5" is not a whole number, and
 * a number out of `range` is refused with the range — never turned into 0 or clamped.
 */
export function typedCount(
  text: string,
  range: { min: number; max: number },
  path: string,
): number {
  const parsed = parseCount(text, range, path);
  if (!parsed.ok) throw validationError(`${path}: not a count in range`, [parsed.error]);
  return parsed.value;
}
