import { z } from 'zod';
import { isoDateFromParts } from '../../calendar/dates';

/**
 * Local wall-clock times as the office reads them ('YYYY-MM-DDTHH:MM', the value of an
 * <input type="datetime-local">). No zone: a volunteer who served 09:00–11:30 served
 * 2½ hours wherever the desk's clock is set, so arithmetic runs on UTC of the parts.
 */
export const localDateTimeSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'community.datetime');

const pattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** Minutes since 1970-01-01T00:00 of the wall-clock time, or null if it does not exist. */
export function localMinutes(value: string): number | null {
  const match = pattern.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  if (isoDateFromParts(year, month, day) === null || hour > 23 || minute > 59) return null;
  const probe = new Date(0);
  probe.setUTCFullYear(year, month - 1, day);
  return Math.round(probe.getTime() / 60_000) + hour * 60 + minute;
}

/** Whole minutes from start to end (negative when end is earlier), or null if either is invalid. */
export function minutesBetween(startAt: string, endAt: string): number | null {
  const start = localMinutes(startAt);
  const end = localMinutes(endAt);
  return start === null || end === null ? null : end - start;
}

/** The calendar date a wall-clock time falls on. */
export function dateOf(value: string): string {
  return value.slice(0, 10);
}

/** 'HH:MM' of a wall-clock time. */
export function timeOf(value: string): string {
  return value.slice(11, 16);
}
