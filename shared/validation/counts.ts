import { z } from 'zod';
import type { FieldError } from '../errors/appError';

/**
 * Counts (beds, floors, members, vehicles): whole numbers within a range. A number out
 * of range is refused with the range in the message, never clamped to it: "-2" beds is
 * a typing slip the registrar must see, not 0 beds.
 */
export const countSchema = (min: number, max: number) => z.number().int().min(min).max(max);

/**
 * A count as typed in a text field: the number, or the error to show next to the field.
 * '' is 必填; "2.5", "abc" and "-2" (when min ≥ 0) are refused, never rounded or clamped.
 */
export function parseCount(
  text: string,
  range: { min: number; max: number },
  path: string,
): { ok: true; value: number } | { ok: false; error: FieldError } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, error: { path, code: 'field.required' } };
  if (!/^-?\d+$/.test(trimmed)) return { ok: false, error: { path, code: 'field.whole_number' } };
  const value = Number(trimmed);
  if (value < range.min) {
    return { ok: false, error: { path, code: 'field.too_small', params: { minimum: range.min } } };
  }
  if (value > range.max) {
    return { ok: false, error: { path, code: 'field.too_big', params: { maximum: range.max } } };
  }
  return { ok: true, value };
}
