import { z } from 'zod';
import type { FieldError } from '../../errors/appError';
import { isoDateSchema, nameSchema, optionalText } from '../common';
import { fenSchema } from '../../money/fen';
import { notInFuture } from '../../validation/dates';
import { phoneSchema } from '../../validation/phone';
import { abilityLevels, assessmentReasons, fundingCategories } from './enums';

/**
 * A resident (入住老人) is a registered person (the registry's `person`) with what
 * elderly care needs about them. Name, sex and birth date are copied from the person
 * so the board, the sex rule of a bed and the lists need no join.
 */
export const residentDataSchema = z.object({
  personId: z.string().min(1),
  personName: nameSchema,
  sex: z.enum(['male', 'female']),
  birthDate: isoDateSchema,
  fundingCategory: z.enum(fundingCategories),
  emergencyContact: z.object({
    name: z.string().trim().min(1).max(50),
    relation: optionalText(20),
    phone: phoneSchema,
  }),
  note: optionalText(500),
  /** Derived by the write path from the name, as for persons. */
  searchTokens: z.array(z.string()),
});
export type ResidentData = z.infer<typeof residentDataSchema>;

/**
 * One assessment of ability (能力评估). Never edited: a change of condition is a new
 * assessment (re-assessment), so the level on any past day can be read back.
 */
export const assessmentDataSchema = z.object({
  residentId: z.string().min(1),
  date: isoDateSchema,
  assessor: z.string().trim().min(1).max(50),
  level: z.enum(abilityLevels),
  reason: z.enum(assessmentReasons),
  note: optionalText(500),
});
export type AssessmentData = z.infer<typeof assessmentDataSchema>;

export function assessmentDomainIssues(a: AssessmentData, today: string): FieldError[] {
  return notInFuture(a.date, today, 'date');
}

/**
 * The service contract (服务合同). Fees are monthly amounts in integer fen; the
 * deposit is once. A correction keeps the superseded version with its reason.
 */
export const contractDataSchema = z.object({
  residentId: z.string().min(1),
  contractNo: optionalText(40),
  startDate: isoDateSchema,
  endDate: isoDateSchema,
  careLevel: z.enum(abilityLevels),
  bedId: z.string().nullable(),
  bedFeeFen: fenSchema,
  careFeeFen: fenSchema,
  mealFeeFen: fenSchema,
  depositFen: fenSchema,
});
export type ContractData = z.infer<typeof contractDataSchema>;

export function contractDomainIssues(c: ContractData): FieldError[] {
  return c.endDate < c.startDate ? [{ path: 'endDate', code: 'elderly.end_before_start' }] : [];
}

/** The latest assessment made on or before `date` (same day: the one recorded last). */
export function levelOn<T extends AssessmentData & { hlc: string }>(
  assessments: readonly T[],
  date: string,
): T | undefined {
  let best: T | undefined;
  for (const a of assessments) {
    if (a.date > date) continue;
    if (!best || a.date > best.date || (a.date === best.date && a.hlc > best.hlc)) best = a;
  }
  return best;
}
