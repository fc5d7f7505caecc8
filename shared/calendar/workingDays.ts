/**
 * Working-day arithmetic on a configurable calendar. Time limits (受理 to decision,
 * 公示 length) count working days, and which days work is decided each year by the
 * State Council (holidays plus weekend make-up days, 调休), so the calendar is data.
 */
import { AppError, type FieldError } from '../errors/appError';
import { addDays, dayOfWeek, isIsoDate } from './dates';

/** One year's exceptions to the Mon–Fri week. */
export interface CalendarYear {
  year: number;
  /** Days off that would otherwise be working days (or are listed for clarity). */
  holidays: string[];
  /** Weekend days that are worked (调休上班). */
  extraWorkdays: string[];
}

export interface WorkingCalendar {
  readonly holidays: ReadonlySet<string>;
  readonly extraWorkdays: ReadonlySet<string>;
  /** Years the calendar has data for; other years fall back to plain Mon–Fri. */
  readonly years: ReadonlySet<number>;
}

/** Guards the loops below against a calendar with (almost) no working days. */
const maxScanDays = 366 * 20;

/** Validates and indexes calendar years; throws AppError 'validation' on bad data. */
export function buildCalendar(years: CalendarYear[]): WorkingCalendar {
  const errors: FieldError[] = [];
  const holidays = new Set<string>();
  const extraWorkdays = new Set<string>();
  const seenYears = new Set<number>();
  years.forEach((entry, i) => {
    if (seenYears.has(entry.year)) {
      errors.push({
        path: `${i}.year`,
        code: 'calendar.duplicate_year',
        params: { year: entry.year },
      });
    }
    seenYears.add(entry.year);
    const check = (list: string[], key: 'holidays' | 'extraWorkdays', into: Set<string>) => {
      list.forEach((date, j) => {
        const path = `${i}.${key}.${j}`;
        if (!isIsoDate(date)) errors.push({ path, code: 'calendar.date', params: { date } });
        else if (Number(date.slice(0, 4)) !== entry.year) {
          errors.push({ path, code: 'calendar.wrong_year', params: { date, year: entry.year } });
        } else into.add(date);
      });
    };
    check(entry.holidays, 'holidays', holidays);
    check(entry.extraWorkdays, 'extraWorkdays', extraWorkdays);
  });
  for (const date of holidays) {
    if (extraWorkdays.has(date))
      errors.push({ path: 'calendar', code: 'calendar.conflict', params: { date } });
  }
  if (errors.length > 0) {
    throw new AppError({
      code: 'validation',
      message: 'Invalid working calendar.',
      fieldErrors: errors,
    });
  }
  return { holidays, extraWorkdays, years: seenYears };
}

/** Whether the calendar has data for the year of `date` (the UI warns when not). */
export function calendarCovers(cal: WorkingCalendar, date: string): boolean {
  return cal.years.has(Number(date.slice(0, 4)));
}

/** Mon–Fri unless a holiday; a weekend day listed as an extra workday (调休) works. */
export function isWorkingDay(date: string, cal: WorkingCalendar): boolean {
  if (cal.holidays.has(date)) return false;
  if (cal.extraWorkdays.has(date)) return true;
  const dow = dayOfWeek(date);
  return dow !== 0 && dow !== 6;
}

function requireInteger(n: number, path: string): void {
  if (!Number.isSafeInteger(n)) {
    throw new AppError({
      code: 'validation',
      message: `${path} must be an integer.`,
      fieldErrors: [{ path, code: 'number.integer' }],
    });
  }
}

/**
 * The date of the n-th working day after `start` (start itself is not counted, so a
 * limit of 30 working days from 受理 ends on addWorkingDays(acceptedOn, 30)).
 * n = 0 returns start; a negative n counts backwards.
 */
export function addWorkingDays(start: string, n: number, cal: WorkingCalendar): string {
  requireInteger(n, 'n');
  const step = n < 0 ? -1 : 1;
  let remaining = Math.abs(n);
  let date = start;
  let scanned = 0;
  while (remaining > 0) {
    date = addDays(date, step);
    if (isWorkingDay(date, cal)) remaining -= 1;
    if (++scanned > maxScanDays + Math.abs(n) * 7) {
      throw new AppError({ code: 'internal', message: 'Calendar has no working days.' });
    }
  }
  return date;
}

/**
 * Working days after `from` up to and including `to`; negative when `to` is earlier.
 * The inverse of addWorkingDays: workingDaysBetween(d, addWorkingDays(d, n)) === n.
 */
export function workingDaysBetween(from: string, to: string, cal: WorkingCalendar): number {
  if (to < from) return -workingDaysBetween(to, from, cal);
  let count = 0;
  for (let date = from; date < to;) {
    date = addDays(date, 1);
    if (isWorkingDay(date, cal)) count += 1;
  }
  return count;
}

/** Every date from `from` to `to` inclusive; keeps the sample data readable. */
function span(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) dates.push(date);
  return dates;
}

/**
 * SAMPLE DATA — editable. HQ publishes the real calendar and replaces this; a county
 * may add local days off. 2026 follows the State Council notice of 2025-11-04
 * (国务院办公厅关于2026年部分节假日安排的通知). 2027 had not been published when this
 * was written: it is an ESTIMATE from the lunar dates and the usual 调休 pattern.
 */
export const sampleCalendarYears: CalendarYear[] = [
  {
    year: 2026,
    holidays: [
      ...span('2026-01-01', '2026-01-03'), // 元旦
      ...span('2026-02-15', '2026-02-23'), // 春节
      ...span('2026-04-04', '2026-04-06'), // 清明节
      ...span('2026-05-01', '2026-05-05'), // 劳动节
      ...span('2026-06-19', '2026-06-21'), // 端午节
      ...span('2026-09-25', '2026-09-27'), // 中秋节
      ...span('2026-10-01', '2026-10-07'), // 国庆节
    ],
    extraWorkdays: [
      '2026-01-04', // Sun, 元旦
      '2026-02-14', // Sat, 春节
      '2026-02-28', // Sat, 春节
      '2026-05-09', // Sat, 劳动节
      '2026-09-20', // Sun, 国庆节
      '2026-10-10', // Sat, 国庆节
    ],
  },
  {
    // ESTIMATE — replace with the published 2027 notice.
    year: 2027,
    holidays: [
      ...span('2027-01-01', '2027-01-03'), // 元旦 (Fri–Sun)
      ...span('2027-02-05', '2027-02-13'), // 春节 (除夕 Fri 02-05 … Sat)
      ...span('2027-04-03', '2027-04-05'), // 清明节 (Sat–Mon)
      ...span('2027-05-01', '2027-05-05'), // 劳动节 (Sat–Wed)
      '2027-06-09', // 端午节 (Wed)
      '2027-09-15', // 中秋节 (Wed)
      ...span('2027-10-01', '2027-10-07'), // 国庆节 (Fri–Thu)
    ],
    extraWorkdays: [
      '2027-01-30', // Sat, 春节 (estimate)
      '2027-02-20', // Sat, 春节 (estimate)
      '2027-05-08', // Sat, 劳动节 (estimate)
      '2027-09-26', // Sun, 国庆节 (estimate)
      '2027-10-09', // Sat, 国庆节 (estimate)
    ],
  },
];
