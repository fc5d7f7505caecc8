/**
 * A hand-entered coverage record (`medicalCoverage`): a person covered in a category
 * that is not derived from a case (防止返贫监测对象 and the county's own), from a date,
 * to a date or open. Corrected, never overwritten (keepsRevisions): ending it is a
 * correction that sets `to`, with a reason. `source` is always 'manual': derived
 * coverage is computed from cases, never stored, so a pushed "derived" record is forged.
 */
import { z } from 'zod';
import { isoDateSchema, optionalText } from '../domain/common';
import type { FieldError } from '../errors/appError';
import { notInFuture } from '../validation/dates';
import { categoryCodePattern } from './categories';

export const medicalCoverageDataSchema = z.object({
  personId: z.string().min(1),
  category: z.string().regex(categoryCodePattern, 'medical.category_code'),
  from: isoDateSchema,
  to: isoDateSchema.nullable(),
  note: optionalText(200),
  source: z.literal('manual'),
  /** Why this record may overlap a derived coverage of another category ('' = none). */
  overlapReason: optionalText(200),
});

export type MedicalCoverageData = z.infer<typeof medicalCoverageDataSchema>;

/** What the record alone must satisfy (the same at the desk and at HQ). */
export function medicalCoverageIssues(data: MedicalCoverageData, today: string): FieldError[] {
  const issues = notInFuture(data.from, today, 'from');
  if (data.to !== null && data.to < data.from) {
    issues.push({ path: 'to', code: 'medical.period_reversed', params: { from: data.from } });
  }
  return issues;
}
