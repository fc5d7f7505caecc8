import type { WorkingCalendar } from '@shared/calendar/workingDays';

/** What a day is on the calendar beyond the plain week: a holiday, or a worked weekend. */
export type DayMark = 'holiday' | 'extraWorkday' | null;

export function dayMark(date: string, calendar: WorkingCalendar | null): DayMark {
  if (!calendar) return null;
  if (calendar.holidays.has(date)) return 'holiday';
  if (calendar.extraWorkdays.has(date)) return 'extraWorkday';
  return null;
}

/**
 * The holidays and 调休 working days from `from` to `to` (both included): why a deadline
 * counted in working days lands later (or earlier) than the plain week says.
 */
export function marksBetween(
  from: string,
  to: string,
  calendar: WorkingCalendar | null,
): { holidays: number; extraWorkdays: number } {
  const counts = { holidays: 0, extraWorkdays: 0 };
  if (!calendar || from > to) return counts;
  for (const day of calendar.holidays) if (day >= from && day <= to) counts.holidays += 1;
  for (const day of calendar.extraWorkdays) if (day >= from && day <= to) counts.extraWorkdays += 1;
  return counts;
}
