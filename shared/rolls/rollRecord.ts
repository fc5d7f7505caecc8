import { z } from 'zod';
import { isoMonthSchema, programmes } from '../domain/assistanceCase';
import { fenAmountSchema, isoDateSchema } from '../domain/common';

/**
 * A payment roll (发放花名册) of one programme for one month, as drawn by drawRoll.ts and
 * kept: its lines, the month's changes, the problems its checks found and the SHA-256 of
 * its lines. draft → checked → approved (locked by a supervisor; never edited after). A
 * correction of a locked roll is a new roll version for the month, or an adjustment
 * line on next month's roll (drawRoll computes those).
 */
export const rollLineKinds = ['new', 'continuing', 'adjusted', 'once', 'carried'] as const;
export type RollLineKind = (typeof rollLineKinds)[number];

/** Why a line's back pay or deduction: a month missed, a standard changed, overpaid. */
export const adjustmentReasons = ['missed_month', 'amount_changed', 'overpaid'] as const;

export const rollAdjustmentSchema = z.object({
  /** The earlier month the difference belongs to. */
  month: isoMonthSchema,
  /** Positive: back pay (补发); negative: deduction (扣减). */
  fen: z.number().int().min(-100_000_000).max(100_000_000),
  reason: z.enum(adjustmentReasons),
});

export const rollLineSchema = z.object({
  /** caseId for a month's line; `carried:<rollId>:<key>` for a line carried from a roll. */
  key: z.string().min(1).max(200),
  kind: z.enum(rollLineKinds),
  caseId: z.string().min(1),
  township: z.string().max(60),
  village: z.string().max(60),
  headName: z.string().max(50),
  headIdNumber: z.string().max(30),
  payeePersonId: z.string().min(1),
  payeeName: z.string().max(50),
  coveredCount: z.number().int().min(0).max(30),
  category: z.string().min(1).max(20),
  monthlyFen: z.number().int().min(-100_000_000).max(100_000_000),
  adjustments: z.array(rollAdjustmentSchema).max(120),
  adjustFen: z.number().int().min(-100_000_000).max(100_000_000),
  paidFen: z.number().int().min(-100_000_000).max(100_000_000),
  bankName: z.string().max(60),
  accountNumber: z.string().max(25),
  oneCard: z.boolean(),
  /** The line an earlier roll reported unpaid that this one pays. */
  carriedFrom: z
    .object({ rollId: z.string().min(1), key: z.string().min(1), month: isoMonthSchema })
    .nullable(),
  /** 备注: the unpaid reason of a carried line ('' otherwise). */
  note: z.string().max(200),
});

export const rollChangeSchema = z.object({
  kind: z.enum(['new', 'stopped', 'adjusted']),
  caseId: z.string().min(1),
  headName: z.string().max(50),
  fromFen: fenAmountSchema,
  toFen: fenAmountSchema,
});

export const rollProblemCodes = [
  'roll.paid_twice',
  'roll.deceased',
  'roll.amount_not_positive',
  'roll.amount_above_limit',
  'roll.no_account',
] as const;

export const rollProblemSchema = z.object({
  key: z.string().min(1).max(200),
  code: z.enum(rollProblemCodes),
  params: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
});

export const rollStatuses = ['draft', 'checked', 'approved'] as const;
export type RollStatus = (typeof rollStatuses)[number];

export const paymentRollDataSchema = z.object({
  programme: z.enum(programmes),
  month: isoMonthSchema,
  /** 1 for the month's first roll; a correction of an approved roll is the next number. */
  rollVersion: z.number().int().min(1).max(99),
  status: z.enum(rollStatuses),
  drawnOn: isoDateSchema,
  lines: z.array(rollLineSchema).max(20_000),
  changes: z.array(rollChangeSchema).max(20_000),
  problems: z.array(rollProblemSchema).max(100_000),
  totalFen: z.number().int(),
  /** SHA-256 (hex) of the lines' canonical JSON (rollHash.ts). */
  hash: z.string().regex(/^[0-9a-f]{64}$/, 'roll.hash'),
  approvedBy: z.string().max(50).nullable().default(null),
  approvedOn: isoDateSchema.nullable().default(null),
});

export type RollLine = z.infer<typeof rollLineSchema>;
export type RollChange = z.infer<typeof rollChangeSchema>;
export type RollProblem = z.infer<typeof rollProblemSchema>;
export type RollAdjustment = z.infer<typeof rollAdjustmentSchema>;
export type PaymentRollData = z.infer<typeof paymentRollDataSchema>;

/** A line the bank reported unpaid (closed account, wrong name): paid on a later roll. */
export const rollUnpaidDataSchema = z.object({
  rollId: z.string().min(1),
  key: z.string().min(1).max(200),
  reason: z.string().trim().min(2, 'roll.unpaid_reason_required').max(200),
});

export type RollUnpaidData = z.infer<typeof rollUnpaidDataSchema>;

/** A roll's own rules: totals add up; an approved roll names its approver and has no problem. */
export function paymentRollIssues(roll: PaymentRollData) {
  const issues: { path: string; code: string; params?: Record<string, string | number> }[] = [];
  const total = roll.lines.reduce((sum, l) => sum + l.paidFen, 0);
  if (total !== roll.totalFen) issues.push({ path: 'totalFen', code: 'roll.total_mismatch' });
  if (roll.status === 'approved') {
    if (roll.approvedBy === null || roll.approvedOn === null) {
      issues.push({ path: 'approvedBy', code: 'roll.approver_required' });
    }
    if (roll.problems.length > 0) {
      issues.push({ path: 'problems', code: 'roll.problems_open' });
    }
  }
  return issues;
}
