import dayjs, { type Dayjs } from 'dayjs';

/**
 * HQ's dates are 'YYYY-MM-DD' strings; the picker works on dayjs values. These two are
 * the only crossing (as the desk's dateValue.ts): built from the parts in local time, no
 * parsing that could shift a zone.
 */

/** What a field holds while its sections are filled in part, or name no real day. */
export const unfinishedDay = 'invalid';

/** '' → null; a well-formed real day → its value; anything else → an invalid value. */
export function toPickerDay(value: string): Dayjs | null {
  if (value === '') return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return dayjs('');
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const day = dayjs(new Date(y, m - 1, d));
  return day.format('YYYY-MM-DD') === value ? day : dayjs('');
}

/** null → ''; an unfinished or impossible day → unfinishedDay; else 'YYYY-MM-DD'. */
export function fromPickerDay(value: Dayjs | null): string {
  if (value === null) return '';
  if (!value.isValid()) return unfinishedDay;
  return value.format('YYYY-MM-DD');
}
