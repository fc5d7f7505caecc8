import type { TerminationReason } from '@shared/dynamics/termination';
import { AppError } from '@shared/errors/appError';
import { noStepDates } from '@shared/domain/assistanceCase';
import { moduleOf } from '@shared/programmes/caseEngine';
import type { DeskDatabase } from '../../database';
import { write } from '../../writePath';
import type { WriteContext } from '../../writeContext';
import { stepReference, writeCaseStep, type AssistanceCase } from '../cases';
import { calcReference } from './review';

export interface SuccessionInput {
  reason: Extract<TerminationReason, 'head_changed' | 'head_died'>;
  /** Why, in words (the terminate step's opinion). */
  opinion: string;
  /** The new applicant: a member the case covers. */
  newApplicantPersonId: string;
}

/**
 * The head of the household changed or died: in one write transaction the case is
 * terminated with that reason and a successor case opened for the same household,
 * naming it (`previousCaseId`), carrying its members (less a head who died), income
 * and assets, applied for today with the new applicant. It starts as its programme's
 * new case does and goes through the township's steps again.
 */
export async function continueWithSuccessor(
  db: DeskDatabase,
  ctx: WriteContext,
  caseId: string,
  baseVersion: number,
  input: SuccessionInput,
): Promise<{ closed: AssistanceCase; successor: AssistanceCase }> {
  const [env, ref] = await Promise.all([stepReference(db), calcReference(db)]);
  return write(db, ctx, async (w) => {
    const previous = await w.get('assistanceCase', caseId);
    const applicant = await w.get('person', input.newApplicantPersonId);
    const covered = (previous?.coveredPersonIds ?? []).filter(
      (id) => input.reason !== 'head_died' || id !== previous?.applicantPersonId,
    );
    if (
      !previous ||
      !applicant ||
      applicant.deleted ||
      input.newApplicantPersonId === previous.applicantPersonId ||
      !covered.includes(input.newApplicantPersonId)
    ) {
      throw new AppError({
        code: 'validation',
        message: 'The new applicant is another member the case covers.',
        fieldErrors: [{ path: 'newApplicantPersonId', code: 'dynamics.successor_applicant' }],
      });
    }
    const closed = await writeCaseStep(
      w,
      ctx,
      caseId,
      baseVersion,
      { action: 'terminate', reason: input.reason, opinion: input.opinion },
      env,
    );
    const module = moduleOf(previous);
    const draft = {
      ...previous,
      applicantPersonId: applicant.id,
      applicantName: applicant.name,
      coveredPersonIds: covered,
      applicationDate: w.today,
    };
    const benefit = module.calculate(draft, w.today, ref);
    const successor = await w.create('assistanceCase', {
      programme: previous.programme,
      householdId: previous.householdId,
      applicantPersonId: applicant.id,
      applicantName: applicant.name,
      category: previous.category,
      areaCode: previous.areaCode,
      coveredPersonIds: covered,
      income: previous.income,
      deductionsFen: previous.deductionsFen,
      assets: previous.assets,
      applicationDate: w.today,
      benefit,
      status: module.initialStatus,
      statusChangedAt: ctx.now().toISOString(),
      ...noStepDates,
      programmeFacts: previous.programmeFacts,
      previousCaseId: caseId,
    });
    return { closed, successor };
  });
}
