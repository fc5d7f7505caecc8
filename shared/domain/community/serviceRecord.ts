import { z } from 'zod';
import type { FieldError } from '../../errors/appError';
import { optionalText } from '../common';
import { minutesBetween, localDateTimeSchema } from './localTime';
import { spanIssues } from './hours';

/** 社区服务 record types (domain.md, 社区服务); wording lives in the UI. */
export const serviceTypes = ['home_visit', 'consultation', 'volunteer_activity', 'other'] as const;
export type ServiceType = (typeof serviceTypes)[number];

/** A registered person or volunteer named on a record; the name is copied so lists need no join. */
export const namedRefSchema = z.object({ id: z.string().min(1), name: z.string().trim().min(1) });
export type NamedRef = z.infer<typeof namedRefSchema>;

/** Only a file's own name: a path would leak the clerk's folders and mean nothing at HQ. */
export const attachmentNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(255)
  .regex(/^[^/\\:*?"<>|]+$/, 'community.attachment_name');

/**
 * One community service given by the office: a home visit, a 协商议事 meeting, a
 * volunteer activity. Never overwritten (keepsRevisions): a correction is a new
 * version with its reason.
 */
export const serviceRecordDataSchema = z.object({
  type: z.enum(serviceTypes),
  startAt: localDateTimeSchema,
  endAt: localDateTimeSchema,
  place: z.string().trim().min(1).max(200),
  /** Registered persons served (the registry's person ids). */
  served: z.array(namedRefSchema).max(200),
  /** Office staff by name: they may be from another office or the village committee. */
  staffNames: z.array(z.string().trim().min(1).max(50)).max(50),
  volunteers: z.array(namedRefSchema).max(200),
  notes: optionalText(2000),
  /** File names only for now; the files themselves stay in the paper file. */
  attachments: z.array(attachmentNameSchema).max(50),
  /** Derived: minutes from start to end. */
  durationMinutes: z.number().int().default(0),
  /** Derived index keys: who was served, which volunteers took part. */
  servedPersonIds: z.array(z.string()).default([]),
  volunteerIds: z.array(z.string()).default([]),
});

export type ServiceRecordData = z.infer<typeof serviceRecordDataSchema>;
export type ServiceRecordInput = Omit<
  z.input<typeof serviceRecordDataSchema>,
  'durationMinutes' | 'servedPersonIds' | 'volunteerIds'
>;

export function deriveServiceRecord(data: ServiceRecordData): ServiceRecordData {
  return {
    ...data,
    durationMinutes: Math.max(0, minutesBetween(data.startAt, data.endAt) ?? 0),
    servedPersonIds: data.served.map((p) => p.id),
    volunteerIds: data.volunteers.map((v) => v.id),
  };
}

export function serviceRecordIssues(data: ServiceRecordData, today: string): FieldError[] {
  const issues = spanIssues(data, today);
  if (new Set(data.servedPersonIds).size !== data.servedPersonIds.length) {
    issues.push({ path: 'served', code: 'community.listed_twice' });
  }
  if (new Set(data.volunteerIds).size !== data.volunteerIds.length) {
    issues.push({ path: 'volunteers', code: 'community.listed_twice' });
  }
  return issues;
}
