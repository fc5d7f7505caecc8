/**
 * ISO calendar dates ('YYYY-MM-DD') as plain strings. They are local calendar days
 * (what the office calls "today"), so arithmetic runs on UTC midnights where no
 * daylight-saving or zone shift can move a day.
 */

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const msPerDay = 86_400_000;

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** 'YYYY-MM-DD' for a real calendar day, or null (e.g. 2025-02-29). */
export function isoDateFromParts(year: number, month: number, day: number): string | null {
  if (![year, month, day].every(Number.isInteger)) return null;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to the 1900s.
  const probe = new Date(0);
  probe.setUTCFullYear(year, month - 1, day);
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

const daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The value of the `count` ASCII digits at `from`, or -1 if one is not a digit. */
function digitsAt(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i += 1) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Whether the value is 'YYYY-MM-DD' for a real calendar day (the proleptic Gregorian
 * calendar, as Date and isoDateFromParts count). Every record's dates are checked by it,
 * a pulled page's thousands included, so it reads the digits instead of building a Date.
 */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || value.length !== 10) return false;
  if (value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false; // '-'
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 2);
  const day = digitsAt(value, 8, 2);
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : (daysInMonth[month - 1] ?? 0));
}

function toUtcMs(date: string): number {
  const match = isoDatePattern.exec(date);
  if (!match || !isIsoDate(date)) throw new RangeError(`Not an ISO date: ${date}`);
  const d = new Date(0);
  d.setUTCFullYear(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return d.getTime();
}

function fromUtcMs(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

/** The date `days` calendar days after (negative: before) `date`. */
export function addDays(date: string, days: number): string {
  return fromUtcMs(toUtcMs(date) + days * msPerDay);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / msPerDay);
}

/** -1, 0 or 1; valid ISO dates sort as strings, so this is a plain comparison. */
export function compareIsoDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** 0 = Sunday … 6 = Saturday, as Date#getUTCDay. */
export function dayOfWeek(date: string): number {
  return new Date(toUtcMs(date)).getUTCDay();
}

/** 'YYYY-MM' of a date. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** First day of the month of a date or of a 'YYYY-MM' month. */
export function firstDayOfMonth(dateOrMonth: string): string {
  return `${dateOrMonth.slice(0, 7)}-01`;
}

/** First day of the following month (benefits are paid from the month after 确认). */
export function firstDayOfNextMonth(dateOrMonth: string): string {
  const year = Number(dateOrMonth.slice(0, 4));
  const month = Number(dateOrMonth.slice(5, 7));
  return month === 12 ? `${pad(year + 1, 4)}-01-01` : `${pad(year, 4)}-${pad(month + 1, 2)}-01`;
}

/**
 * The calendar date at instant `now` in the zone `timeZoneOffsetMinutes` east of UTC
 * (China: 480). The offset is required: the runtime's own zone is not the office's (a
 * desk once dated work by the PC's zone while HQ used China's), so the office's day is
 * `officeToday` in validation/dates. Callers pass `now` so nothing here reads the clock.
 */
export function todayIso(now: Date, timeZoneOffsetMinutes: number): string {
  return fromUtcMs(now.getTime() + timeZoneOffsetMinutes * 60_000);
}

/** The 'YYYY-MM' month `months` after (negative: before) the month of `dateOrMonth`. */
export function addMonths(dateOrMonth: string, months: number): string {
  const index = Number(dateOrMonth.slice(0, 4)) * 12 + Number(dateOrMonth.slice(5, 7)) - 1 + months;
  return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1, 2)}`;
}

/** The last day of a 'YYYY-MM' month or of a date's month. */
export function lastDayOfMonth(dateOrMonth: string): string {
  return addDays(firstDayOfNextMonth(dateOrMonth), -1);
}

/** The date `months` after `date`, on the same day or the month's last when shorter. */
export function addMonthsToDate(date: string, months: number): string {
  const month = addMonths(date, months);
  const last = lastDayOfMonth(month);
  const day = date.slice(8, 10);
  return day > last.slice(8, 10) ? last : `${month}-${day}`;
}
