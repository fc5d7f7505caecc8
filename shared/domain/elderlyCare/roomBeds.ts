import type { FieldError } from '../../errors/appError';

/** The most beds a room holds in service at once (a ward of 12 is the largest seen). */
export const maxBedsPerRoom = 12;

/**
 * How many beds may be added to a room that has `inService` beds in service: a whole
 * number from 1 to what is left of `maxBedsPerRoom`. A count out of range is refused,
 * never clamped, so "-2" or "20" is an error next to the field, not 0 or 12 beds.
 * `count` is null when nothing was typed.
 */
export function bedCountIssues(count: number | null, inService = 0): FieldError[] {
  const path = 'bedCount';
  const room = maxBedsPerRoom - inService;
  if (count === null || Number.isNaN(count)) return [{ path, code: 'field.required' }];
  if (!Number.isInteger(count)) return [{ path, code: 'elderly.bed_count_whole' }];
  if (count < 1) return [{ path, code: 'field.too_small', params: { minimum: 1 } }];
  if (room <= 0) return [{ path, code: 'elderly.room_full', params: { maximum: maxBedsPerRoom } }];
  if (count > room) return [{ path, code: 'field.too_big', params: { maximum: room } }];
  return [];
}

/** The typed count as a number, null when empty (the form's text, as typed). */
export function parseBedCount(text: string): number | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : Number(trimmed);
}

/**
 * Numbers for `count` new beds of a room, after the highest number in use ("1".."n"
 * for an empty room), so adding beds never takes a number a bed of the room still has.
 */
export function nextBedNumbers(taken: readonly string[], count: number): string[] {
  const numeric = taken.map((n) => Number(n)).filter((n) => Number.isInteger(n) && n > 0);
  const start = numeric.length === 0 ? 1 : Math.max(...numeric) + 1;
  return Array.from({ length: count }, (_, i) => String(start + i));
}
