import { todayIso } from '../calendar/dates';
import type { FieldError } from '../errors/appError';

/**
 * Date rules shared by every form and by HQ (which passes its own today). Values are
 * calendar days ('YYYY-MM-DD') or local date-times ('YYYY-MM-DDTHH:mm'); only the day
 * is compared, so a visit at 23:59 today is today's. Both sides must already be valid
 * dates (the schemas check that); ISO days compare as strings.
 */
const dayOf = (value: string) => value.slice(0, 10);

/**
 * What happened cannot be dated later than today: an application, an admission, a
 * visit, a service, a birth. Today itself is allowed; tomorrow is refused.
 */
export function notInFuture(date: string, today: string, path: string): FieldError[] {
  const day = dayOf(date);
  return day > today ? [{ path, code: 'date.in_future', params: { date: day, today } }] : [];
}

/**
 * A step cannot be dated before the record it acts on (受理 before the application, a
 * discharge before the admission). The same day is allowed. `code` names the rule so
 * the message can say which earlier date it is; `earlier` null means no such date yet.
 */
export function notBefore(
  date: string,
  earlier: string | null,
  path: string,
  code: string,
): FieldError[] {
  if (earlier === null || earlier === '') return [];
  const day = dayOf(date);
  const first = dayOf(earlier);
  return day < first ? [{ path, code, params: { date: day, earlier: first } }] : [];
}

/** China keeps one clock, UTC+8, in every province. */
const chinaOffsetMinutes = 480;

/**
 * The offices' today at instant `now`, as HQ judges "not in the future": China's date,
 * whatever zone the server runs in. (A UTC day would refuse a desk's today for the first
 * eight hours of every morning.)
 */
export function officeToday(now: Date): string {
  return todayIso(now, chinaOffsetMinutes);
}
