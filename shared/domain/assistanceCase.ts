import { z } from 'zod';
import type { FieldError } from '../errors/appError';
import { notInFuture } from '../validation/dates';
import { dibaoStatuses } from '../workflow/dibaoWorkflow';
import {
  areaCodeSchema,
  fenAmountSchema,
  isoDateSchema,
  optionalText,
  urbanRuralSchema,
} from './common';

export const programmes = ['dibao'] as const;
export type Programme = (typeof programmes)[number];

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
  classification: z.enum(['dibao', 'edge', 'above', 'assets_exceed', 'no_standard']),
  computedForDate: isoDateSchema,
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
  status: z.enum(dibaoStatuses),
  statusChangedAt: z.string(),
  acceptedOn: isoDateSchema.nullable(),
  noticeStartedOn: isoDateSchema.nullable(),
  noticeEnd: isoDateSchema.nullable(),
  decisionDue: isoDateSchema.nullable(),
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
] as const;

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
