import type { FieldError } from '../../errors/appError';
import { notInFuture } from '../../validation/dates';
import { dateOf, localMinutes, minutesBetween } from './localTime';

/** Longest single stretch of service one record may hold; a longer one is a typing slip. */
export const maxSpanMinutes = 24 * 60;

export interface ServiceSpan {
  startAt: string;
  endAt: string;
}

/**
 * Problems with a start/end pair: each must be a real time, end after start, no longer
 * than a day, and not in the future (records are of service already given).
 */
export function spanIssues(span: ServiceSpan, today: string): FieldError[] {
  const issues: FieldError[] = [];
  if (localMinutes(span.startAt) === null)
    issues.push({ path: 'startAt', code: 'community.datetime' });
  if (localMinutes(span.endAt) === null) issues.push({ path: 'endAt', code: 'community.datetime' });
  if (issues.length > 0) return issues;
  const minutes = minutesBetween(span.startAt, span.endAt) ?? 0;
  if (minutes <= 0) issues.push({ path: 'endAt', code: 'community.end_not_after_start' });
  if (minutes > maxSpanMinutes) issues.push({ path: 'endAt', code: 'community.span_too_long' });
  issues.push(...notInFuture(span.startAt, today, 'startAt'));
  return issues;
}

/**
 * Hours of actual service (national measures on volunteer service records): the time
 * from start to end minus travel, which is not counted. Whole minutes; never negative,
 * so a bad record contributes nothing to a total instead of subtracting from it.
 */
export function actualServiceMinutes(span: ServiceSpan & { travelMinutes: number }): number {
  const minutes = minutesBetween(span.startAt, span.endAt);
  if (minutes === null) return 0;
  return Math.max(0, minutes - span.travelMinutes);
}

export interface Period {
  /** Inclusive first and last calendar days. */
  from: string;
  to: string;
}

/** A record belongs to the period of the day its service started on, bounds included. */
export function inPeriod(startAt: string, period: Period): boolean {
  const day = dateOf(startAt);
  return day >= period.from && day <= period.to;
}

export interface CountedService {
  startAt: string;
  serviceMinutes: number;
  voided: boolean;
}

/** The records that count for a period: not voided, started within it, oldest first. */
export function servicesInPeriod<T extends CountedService>(records: T[], period: Period): T[] {
  return records
    .filter((r) => !r.voided && inPeriod(r.startAt, period))
    .sort((a, b) => a.startAt.localeCompare(b.startAt));
}

/** Total minutes of actual service in a period; sums minutes, never rounded hours. */
export function totalMinutesInPeriod(records: CountedService[], period: Period): number {
  return servicesInPeriod(records, period).reduce((sum, r) => sum + r.serviceMinutes, 0);
}

/** Hours for people: minutes / 60 to at most two decimals, no trailing zeros ("2.5"). */
export function hoursText(minutes: number): string {
  const hundredths = Math.round((minutes * 100) / 60);
  const whole = Math.trunc(hundredths / 100);
  const rest = String(hundredths % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return rest ? `${whole}.${rest}` : String(whole);
}
