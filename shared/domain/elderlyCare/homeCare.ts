import { z } from 'zod';
import type { FieldError } from '../../errors/appError';
import { isoDateFromParts } from '../../calendar/dates';
import { notInFuture } from '../../validation/dates';
import { nameSchema, optionalText } from '../common';
import { homeCareServiceTypes } from './enums';

/**
 * A 社区居家养老 service visit to an elderly person at home: who was served, what
 * service, who served, from when to when. Local date-times without a zone
 * ('YYYY-MM-DDTHH:mm'), as the staff wrote them on the visit sheet.
 */
const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'elderly.datetime');

export const homeCareVisitDataSchema = z.object({
  personId: z.string().min(1),
  personName: nameSchema,
  serviceType: z.enum(homeCareServiceTypes),
  /** The staff who served, as written (names separated by 、 or commas). */
  staff: z.string().trim().min(1).max(200),
  startAt: localDateTime,
  endAt: localDateTime,
  /** Derived from start and end; stored so lists and totals need no arithmetic. */
  durationMinutes: z.number().int().min(0).default(0),
  notes: optionalText(1000),
});
export type HomeCareVisitData = z.infer<typeof homeCareVisitDataSchema>;

/** A visit longer than this is a typing mistake (a date in the wrong field), not a visit. */
export const maxVisitMinutes = 24 * 60;

/** Minutes since 0001-01-01 of a local date-time, or null if it is not a real moment. */
export function localMinutes(value: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  if (isoDateFromParts(year, month, day) === null || hour > 23 || minute > 59) return null;
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return Math.round(d.getTime() / 60_000) + hour * 60 + minute;
}

export function visitMinutes(startAt: string, endAt: string): number | null {
  const start = localMinutes(startAt);
  const end = localMinutes(endAt);
  return start === null || end === null ? null : end - start;
}

export function deriveVisit(v: HomeCareVisitData): HomeCareVisitData {
  return { ...v, durationMinutes: Math.max(0, visitMinutes(v.startAt, v.endAt) ?? 0) };
}

export function visitDomainIssues(v: HomeCareVisitData, today: string): FieldError[] {
  const issues: FieldError[] = [];
  if (localMinutes(v.startAt) === null) issues.push({ path: 'startAt', code: 'elderly.datetime' });
  if (localMinutes(v.endAt) === null) issues.push({ path: 'endAt', code: 'elderly.datetime' });
  const minutes = visitMinutes(v.startAt, v.endAt);
  if (minutes !== null && minutes <= 0) {
    issues.push({ path: 'endAt', code: 'elderly.end_before_start' });
  }
  if (minutes !== null && minutes > maxVisitMinutes) {
    issues.push({ path: 'endAt', code: 'elderly.visit_too_long' });
  }
  issues.push(...notInFuture(v.startAt, today, 'startAt'));
  return issues;
}
