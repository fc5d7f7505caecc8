/**
 * A new standard published for a month (动态管理): every case paid that month is
 * recomputed for the month's first day with its programme's own calculator, and the
 * differences become one `benefitRecomputation` list (old → new per case) that the
 * supervisor approves. Approval applies each line as a correction of its case (the
 * reason names the standard), in the one write transaction that approves the list; HQ
 * checks each correction like any other — recomputed on its own data for the month —
 * and accepts a correction of a paid case only with the approval of a list holding
 * that line in the same transaction.
 */
import { z } from 'zod';
import { firstDayOfMonth } from '../calendar/dates';
import {
  benefitSnapshotSchema,
  isoMonthSchema,
  programmes,
  type AssistanceCaseData,
  type BenefitSnapshot,
} from '../domain/assistanceCase';
import { isoDateSchema } from '../domain/common';
import type { FieldError } from '../errors/appError';
import { programmeModule } from '../programmes/registry';
import type { CalcReference } from '../programmes/types';

export const recomputationLineSchema = z.object({
  caseId: z.string().min(1),
  applicantName: z.string().min(1).max(50),
  areaCode: z.string().min(1).max(12),
  oldBenefit: benefitSnapshotSchema,
  newBenefit: benefitSnapshotSchema,
});

export const benefitRecomputationDataSchema = z.object({
  programme: z.enum(programmes),
  /** The month the new standard is published for ('YYYY-MM'). */
  month: isoMonthSchema,
  /** The standard(s) by name, as the corrections' reason shows it. */
  standardNote: z.string().trim().min(1).max(200),
  status: z.enum(['draft', 'approved']),
  /** Only the cases whose figures change (unchanged ones are counted). */
  lines: z.array(recomputationLineSchema).max(5000),
  unchangedCount: z.number().int().min(0).max(100_000),
  preparedOn: isoDateSchema,
  approvedOn: isoDateSchema.nullable(),
});

export type BenefitRecomputationData = z.infer<typeof benefitRecomputationDataSchema>;
export type RecomputationLine = z.infer<typeof recomputationLineSchema>;

const figures = [
  'standardFen',
  'coveredCount',
  'countedIncomeFen',
  'benefitFen',
  'classification',
] as const;

/** Whether two snapshots differ in what is paid or how it is classed. */
export function snapshotsDiffer(a: BenefitSnapshot, b: BenefitSnapshot): boolean {
  return figures.some((f) => a[f] !== b[f]) || a.standardId !== b.standardId;
}

/** Whether the case is paid in `month` by its programme (status, payment window). */
export function isPaidInMonth(
  data: Pick<AssistanceCaseData, 'programme' | 'status' | 'paymentFrom' | 'paymentTo'>,
  month: string,
): boolean {
  const module = programmeModule(data.programme);
  return (
    module.payment === 'monthly' &&
    module.paidStatuses.includes(data.status) &&
    data.paymentFrom !== null &&
    data.paymentFrom <= month &&
    (data.paymentTo === null || data.paymentTo >= month)
  );
}

/**
 * The lines of a month's recomputation: each case of the programme paid in `month`,
 * recomputed for the month's first day; the ones whose figures change, and a count of
 * the others. A case whose benefit is already computed for a later date is left out.
 */
export function recomputeMonth(
  programme: string,
  month: string,
  cases: readonly (AssistanceCaseData & { id: string })[],
  ref: CalcReference,
): { lines: RecomputationLine[]; unchangedCount: number } {
  const module = programmeModule(programme);
  const date = firstDayOfMonth(month);
  const lines: RecomputationLine[] = [];
  let unchangedCount = 0;
  for (const c of cases) {
    if (c.programme !== programme || !isPaidInMonth(c, month)) continue;
    if (c.benefit.computedForDate > date) continue;
    const next = module.calculate(c, date, ref);
    if (!snapshotsDiffer(c.benefit, next)) {
      unchangedCount += 1;
      continue;
    }
    lines.push({
      caseId: c.id,
      applicantName: c.applicantName,
      areaCode: c.areaCode,
      oldBenefit: c.benefit,
      newBenefit: next,
    });
  }
  return { lines, unchangedCount };
}

/** The reason each applied line's correction carries. */
export function recomputationReason(r: Pick<BenefitRecomputationData, 'month' | 'standardNote'>) {
  return `标准调整重算（${r.month} 起）：${r.standardNote}`;
}

/**
 * A correction of a paid case by an approved recomputation: only its benefit, exactly
 * the line's new one, computed for the month's first day and not before the date the
 * case's benefit is computed for now (no older standard is picked again).
 */
export function recomputedCorrectionIssues(
  fields: Record<string, unknown>,
  current: Pick<
    AssistanceCaseData,
    'benefit' | 'programme' | 'status' | 'paymentFrom' | 'paymentTo'
  >,
  recomputation: BenefitRecomputationData | undefined,
  caseId: string,
): FieldError[] {
  const path = 'benefit';
  if (!recomputation || recomputation.status !== 'approved') {
    return [{ path: 'status', code: 'case.not_editable', params: { status: current.status } }];
  }
  const other = Object.keys(fields).filter((f) => f !== 'benefit');
  if (other.length > 0)
    return other.map((p) => ({ path: p, code: 'dynamics.recomputation_field' }));
  const line = recomputation.lines.find((l) => l.caseId === caseId);
  const sent = benefitSnapshotSchema.safeParse(fields.benefit);
  const date = firstDayOfMonth(recomputation.month);
  if (!line || recomputation.programme !== current.programme || !sent.success) {
    return [{ path, code: 'dynamics.recomputation_line_missing' }];
  }
  // Only a case paid monthly in the month is recomputed (as recomputeMonth lists them): a
  // one-off amount decided (临时救助, by the county above the township's limit) or a closed
  // case is not a month's benefit for a new standard to change.
  if (!isPaidInMonth(current, recomputation.month)) {
    return [
      { path, code: 'dynamics.recomputation_not_paid', params: { month: recomputation.month } },
    ];
  }
  if (sent.data.benefitFen !== line.newBenefit.benefitFen || sent.data.computedForDate !== date) {
    return [{ path, code: 'dynamics.recomputation_line_differs' }];
  }
  if (date < current.benefit.computedForDate) {
    return [
      {
        path,
        code: 'dynamics.recomputation_older',
        params: { date: current.benefit.computedForDate },
      },
    ];
  }
  return [];
}
