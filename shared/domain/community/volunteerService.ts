import { z } from 'zod';
import type { FieldError } from '../../errors/appError';
import { optionalText } from '../common';
import { actualServiceMinutes, maxSpanMinutes, spanIssues } from './hours';
import { localDateTimeSchema, minutesBetween } from './localTime';

/** Who wrote a record down: the national measures ask for the recorder and the time. */
export const recorderSchema = z.object({
  userId: z.string().min(1),
  name: z.string().min(1),
  /** ISO instant of the first recording; a correction keeps it and adds its own version. */
  at: z.string().min(1),
});

/**
 * One stretch of volunteer service: who, in which activity (if any), what was done,
 * start and end, and the travel time inside that span that does not count. Never
 * overwritten: a correction is a new version with a reason; a record entered by
 * mistake is voided (a correction too), so totals and history stay explainable.
 */
export const volunteerServiceDataSchema = z.object({
  volunteerId: z.string().min(1),
  volunteerName: z.string().trim().min(1),
  activityId: z.string().min(1).nullable(),
  /** Copied from the activity so the ledger and certificates need no join. */
  activityName: optionalText(100),
  content: z.string().trim().min(1).max(500),
  place: optionalText(200),
  startAt: localDateTimeSchema,
  endAt: localDateTimeSchema,
  travelMinutes: z.number().int().min(0).max(maxSpanMinutes),
  /** Derived: hours of actual service in minutes (start to end, minus travel). */
  serviceMinutes: z.number().int().default(0),
  recordedBy: recorderSchema,
  voided: z.boolean().default(false),
});

export type VolunteerServiceData = z.infer<typeof volunteerServiceDataSchema>;
export type VolunteerServiceInput = Omit<
  z.input<typeof volunteerServiceDataSchema>,
  'serviceMinutes'
>;

export function deriveVolunteerService(data: VolunteerServiceData): VolunteerServiceData {
  return { ...data, serviceMinutes: actualServiceMinutes(data) };
}

export function volunteerServiceIssues(data: VolunteerServiceData, today: string): FieldError[] {
  const issues = spanIssues(data, today);
  if (issues.length > 0) return issues;
  const span = minutesBetween(data.startAt, data.endAt) ?? 0;
  // Travel is part of the span; all travel and no service is not a service record.
  if (data.travelMinutes >= span) {
    issues.push({ path: 'travelMinutes', code: 'community.travel_exceeds_span' });
  }
  return issues;
}
