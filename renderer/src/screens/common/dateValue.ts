import dayjs, { type Dayjs } from 'dayjs';

/**
 * The store's dates are strings: a day 'YYYY-MM-DD', a month 'YYYY-MM' — never Date
 * objects, never a time zone. The pickers work on dayjs values; these two functions are
 * the only crossing between the two.
 */
export type DateKind = 'date' | 'month';

/**
 * What a field holds while its sections are filled only in part, or name a day that does
 * not exist (2026-02-30): not a date, so the form's own check (the same schema the save
 * uses) refuses it next to the field instead of the field silently emptying itself.
 */
export const unfinishedDate = 'invalid';

const pattern: Record<DateKind, RegExp> = {
  date: /^\d{4}-\d{2}-\d{2}$/,
  month: /^\d{4}-\d{2}$/,
};
const format: Record<DateKind, string> = { date: 'YYYY-MM-DD', month: 'YYYY-MM' };

/** The store's string as a picker value: '' → null; a well-formed string → its day (local). */
export function toPickerValue(value: string, kind: DateKind): Dayjs | null {
  if (value === '') return null;
  if (!pattern[kind].test(value)) return dayjs('');
  const [y, m, d] = value.split('-').map(Number) as [number, number, number?];
  // Built from its parts, in local time: no parsing that could shift a zone.
  const day = dayjs(new Date(y, m - 1, d ?? 1));
  return day.format(format[kind]) === value ? day : dayjs('');
}

/** A picker value as the store's string: null → '', invalid → unfinishedDate. */
export function fromPickerValue(value: Dayjs | null, kind: DateKind): string {
  if (value === null) return '';
  if (!value.isValid()) return unfinishedDate;
  return value.format(format[kind]);
}

/** Whether a field's value is a whole month 'YYYY-MM' (not empty, not unfinished). */
export function isWholeMonth(value: string): boolean {
  return fromPickerValue(toPickerValue(value, 'month'), 'month') === value && value !== '';
}
