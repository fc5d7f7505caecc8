import { z } from 'zod';
import type { FieldError } from '../errors/appError';
import { notInFuture } from '../validation/dates';
import {
  areaCodeSchema,
  fenAmountSchema,
  isoDateSchema,
  optionalText,
  urbanRuralSchema,
} from './common';

/**
 * The programmes the desk carries (one module each under shared/programmes/; this list
 * is the registry's key set, kept here so the schema has no import cycle).
 */
export const programmes = ['dibao', 'tekun', 'temporary'] as const;
export type Programme = (typeof programmes)[number];

/** 'YYYY-MM': a payment month. */
export const isoMonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'field.month');

export const monthlyIncomeSchema = z.object({
  wagesFen: fenAmountSchema,
  businessFen: fenAmountSchema,
  propertyFen: fenAmountSchema,
  transferFen: fenAmountSchema,
});

export const assetsSchema = z.object({
  depositsFen: fenAmountSchema,
  securitiesFen: fenAmountSchema,
  vehicles: z.number().int().min(0).max(99),
  extraHousingUnits: z.number().int().min(0).max(99),
  note: optionalText(500),
});

/** The benefit as computed when the case was last saved, kept so lists need no recompute. */
export const benefitSnapshotSchema = z.object({
  standardId: z.string().nullable(),
  standardFen: fenAmountSchema,
  coveredCount: z.number().int().min(0),
  countedIncomeFen: fenAmountSchema,
  benefitFen: fenAmountSchema,
  /**
   * 低保: 'dibao' | 'edge' | 'above' | 'assets_exceed'; every programme: 'no_standard'
   * when nothing is in force; others name their own (the module's calculator says).
   */
  classification: z.string().min(1).max(40),
  computedForDate: isoDateSchema,
  /** The amount's parts (特困: basic living and care), each in fen; [] when one figure. */
  parts: z
    .array(z.object({ code: z.string().min(1).max(40), fen: fenAmountSchema }))
    .max(10)
    .default([]),
});

export const assistanceCaseDataSchema = z.object({
  programme: z.enum(programmes),
  householdId: z.string().min(1),
  applicantPersonId: z.string().min(1),
  applicantName: z.string().min(1),
  category: urbanRuralSchema,
  areaCode: areaCodeSchema,
  coveredPersonIds: z.array(z.string().min(1)).min(1).max(30),
  income: monthlyIncomeSchema,
  deductionsFen: fenAmountSchema,
  assets: assetsSchema,
  applicationDate: isoDateSchema,
  benefit: benefitSnapshotSchema,
  /** One of the programme's workflow states (checked against its module). */
  status: z.string().min(1).max(40),
  statusChangedAt: z.string(),
  acceptedOn: isoDateSchema.nullable(),
  noticeStartedOn: isoDateSchema.nullable(),
  noticeEnd: isoDateSchema.nullable(),
  decisionDue: isoDateSchema.nullable(),
  // Written by steps only (StepMark in shared/programmes/types.ts); null on older records.
  decidedOn: isoDateSchema.nullable().default(null),
  paymentFrom: isoMonthSchema.nullable().default(null),
  endedOn: isoDateSchema.nullable().default(null),
  paymentTo: isoMonthSchema.nullable().default(null),
  helpedFirstOn: isoDateSchema.nullable().default(null),
  paperworkDue: isoDateSchema.nullable().default(null),
  reviewedOn: isoDateSchema.nullable().default(null),
  /** The day the current or last review started: a reviewed case's benefit date. */
  reviewStartedOn: isoDateSchema.nullable().default(null),
  reviewDue: isoDateSchema.nullable().default(null),
  phaseOutUntil: isoMonthSchema.nullable().default(null),
  /** The programme's own facts, checked by its module's factsSchema. */
  programmeFacts: z.record(z.string(), z.unknown()).default({}),
  /** The closed case this one continues (head of household changed or died). */
  previousCaseId: z.string().min(1).nullable().default(null),
  searchTokens: z.array(z.string()),
});

export type AssistanceCaseData = z.infer<typeof assistanceCaseDataSchema>;
export type MonthlyIncomeData = z.infer<typeof monthlyIncomeSchema>;
export type AssetsData = z.infer<typeof assetsSchema>;
export type BenefitSnapshot = z.infer<typeof benefitSnapshotSchema>;

/** Fields only the workflow may change: a form edit touching them is refused. */
export const workflowOwnedCaseFields = [
  'status',
  'statusChangedAt',
  'acceptedOn',
  'noticeStartedOn',
  'noticeEnd',
  'decisionDue',
  'decidedOn',
  'paymentFrom',
  'endedOn',
  'paymentTo',
  'helpedFirstOn',
  'paperworkDue',
  'reviewedOn',
  'reviewStartedOn',
  'reviewDue',
  'phaseOutUntil',
] as const;

/** The step-written fields of a new case: none set yet. */
export const noStepDates = {
  acceptedOn: null,
  noticeStartedOn: null,
  noticeEnd: null,
  decisionDue: null,
  decidedOn: null,
  paymentFrom: null,
  endedOn: null,
  paymentTo: null,
  helpedFirstOn: null,
  paperworkDue: null,
  reviewedOn: null,
  reviewStartedOn: null,
  reviewDue: null,
  phaseOutUntil: null,
} as const;

export function caseDomainIssues(data: AssistanceCaseData, today: string): FieldError[] {
  const issues: FieldError[] = [];
  // No application dated later than the day it is recorded (HQ checks with its own today).
  issues.push(...notInFuture(data.applicationDate, today, 'applicationDate'));
  if (!data.coveredPersonIds.includes(data.applicantPersonId)) {
    issues.push({ path: 'coveredPersonIds', code: 'case.applicant_not_covered' });
  }
  if (new Set(data.coveredPersonIds).size !== data.coveredPersonIds.length) {
    issues.push({ path: 'coveredPersonIds', code: 'case.member_twice' });
  }
  return issues;
}
