import { z } from 'zod';
import type { FieldError } from '../../errors/appError';
import { notInFuture } from '../../validation/dates';
import { isoDateSchema, nameSchema, optionalText } from '../common';

/**
 * A volunteer: always a registered person (the registry's id), with the number the
 * volunteer registration system gave them and their skills. Name copied for lists and
 * search; the ID number stays on the person and is read only for a certificate.
 */
export const volunteerDataSchema = z.object({
  personId: z.string().min(1),
  name: nameSchema,
  volunteerNumber: z
    .string()
    .trim()
    .min(1)
    .max(32)
    .regex(/^[A-Za-z0-9-]+$/, 'community.volunteer_number_chars'),
  skills: z.array(z.string().trim().min(1).max(30)).max(20),
  joinedOn: isoDateSchema,
  notes: optionalText(500),
  /** Derived by the write path from the name, as for persons. */
  searchTokens: z.array(z.string()),
});

export type VolunteerData = z.infer<typeof volunteerDataSchema>;
export type VolunteerInput = Omit<z.input<typeof volunteerDataSchema>, 'searchTokens'>;

export function volunteerIssues(data: VolunteerData, today: string): FieldError[] {
  const issues: FieldError[] = [];
  issues.push(...notInFuture(data.joinedOn, today, 'joinedOn'));
  if (new Set(data.skills).size !== data.skills.length) {
    issues.push({ path: 'skills', code: 'community.listed_twice' });
  }
  return issues;
}
