import { caseEditIssues } from '@shared/authority/caseOps';
import { benefitDateOf } from '@shared/dynamics/benefitDate';
import type {
  AssistanceCaseData,
  BenefitSnapshot,
  MonthlyIncomeData,
} from '@shared/domain/assistanceCase';
import { AppError } from '@shared/errors/appError';
import { moduleOf } from '@shared/programmes/caseEngine';
import type { CalcReference } from '@shared/programmes/types';
import type { DeskDatabase } from '../../database';
import { write } from '../../writePath';
import type { WriteContext } from '../../writeContext';
import type { AssistanceCase } from '../cases';
import { recordHistory } from '../recordHistory';
import { listStandards, loadRuleBook } from '../reference';
import { loadSettings } from '../settings';

/** What a review may correct (复核): who is covered, the income, the income's stability. */
export interface ReviewFacts {
  coveredPersonIds: string[];
  income: MonthlyIncomeData;
  deductionsFen: number;
  incomeUnstable: boolean;
}

/** The reference the programme calculators read, at the desk. */
export async function calcReference(db: DeskDatabase): Promise<CalcReference> {
  const [standards, settings, rules] = await Promise.all([
    listStandards(db),
    loadSettings(db),
    loadRuleBook(db),
  ]);
  if (!settings) throw new AppError({ code: 'not_found', message: 'Office settings are missing.' });
  return { standards, settings, rules };
}

/** The case with the review's corrected facts applied (nothing written). */
export function withReviewFacts(c: AssistanceCaseData, facts: ReviewFacts): AssistanceCaseData {
  return {
    ...c,
    coveredPersonIds: facts.coveredPersonIds,
    income: facts.income,
    deductionsFen: facts.deductionsFen,
    programmeFacts: { ...c.programmeFacts, incomeUnstable: facts.incomeUnstable },
  };
}

/** The new computation: the programme's calculator on the review's date (never the application's). */
export function reviewComputation(
  c: AssistanceCaseData,
  facts: ReviewFacts,
  ref: CalcReference,
): BenefitSnapshot {
  const next = withReviewFacts(c, facts);
  return moduleOf(next).calculate(next, benefitDateOf(next), ref);
}

/**
 * The amount before the review: the case as it stood when the review started (the first
 * version in 'under_review' since `reviewStartedOn`); outside a review, as it stands.
 */
export async function snapshotBeforeReview(
  db: DeskDatabase,
  c: AssistanceCase,
): Promise<AssistanceCaseData> {
  if (c.status !== 'under_review') return c;
  const versions = await recordHistory(db, 'assistanceCase', c.id);
  const started = versions.find(
    (v) => v.record.status === 'under_review' && v.record.reviewStartedOn === c.reviewStartedOn,
  );
  return started?.record ?? c;
}

/**
 * A review's correction of members, income and amount, with its reason: one update the
 * case's history keeps (the superseded version stays), its benefit computed for the
 * review's date. Allowed while the case is under review (the same rule HQ checks).
 */
export async function correctInReview(
  db: DeskDatabase,
  ctx: WriteContext,
  id: string,
  baseVersion: number,
  facts: ReviewFacts,
  reason: string,
): Promise<AssistanceCase> {
  const ref = await calcReference(db);
  return write(db, ctx, async (w) => {
    const current = await w.get('assistanceCase', id);
    if (!current || current.deleted) {
      throw new AppError({ code: 'not_found', message: `No case with id ${id}.` });
    }
    const changed = {
      coveredPersonIds: facts.coveredPersonIds,
      income: facts.income,
      deductionsFen: facts.deductionsFen,
      programmeFacts: { ...current.programmeFacts, incomeUnstable: facts.incomeUnstable },
    };
    const issues = caseEditIssues(current, changed);
    if (issues.length > 0) {
      throw new AppError({
        code: 'invalid_transition',
        message: `A case in status ${current.status} cannot be corrected so.`,
        fieldErrors: issues,
      });
    }
    const benefit = reviewComputation(current, facts, ref);
    if (benefit.classification === 'no_standard') {
      throw new AppError({
        code: 'validation',
        message: 'No benefit standard is in force on the review date.',
        fieldErrors: [{ path: 'benefit', code: 'case.no_standard' }],
      });
    }
    return w.update('assistanceCase', id, baseVersion, { ...changed, benefit }, { reason });
  });
}
