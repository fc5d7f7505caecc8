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

export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = isoDatePattern.exec(value);
  if (!match) return false;
  return isoDateFromParts(Number(match[1]), Number(match[2]), Number(match[3])) === value;
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
 * The local calendar date at instant `now`. `timeZoneOffsetMinutes` is minutes east
 * of UTC (China: 480); when omitted, the runtime's own zone is used. Callers pass
 * `now` so nothing here reads the clock.
 */
export function todayIso(now: Date, timeZoneOffsetMinutes?: number): string {
  const offset = timeZoneOffsetMinutes ?? -now.getTimezoneOffset();
  return fromUtcMs(now.getTime() + offset * 60_000);
}
