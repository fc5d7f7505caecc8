import { AppError } from '@shared/errors/appError';
import type {
  AssetsData,
  AssistanceCaseData,
  BenefitSnapshot,
  MonthlyIncomeData,
} from '@shared/domain/assistanceCase';
import { noStepDates, type Programme } from '@shared/domain/assistanceCase';
import type { CaseEventData } from '@shared/domain/caseEvent';
import { caseEditIssues } from '@shared/authority/caseOps';
import { delegationInForce } from '@shared/domain/delegation';
import type { OfficeSettings } from '@shared/domain/settings';
import type { StoredRecord } from '@shared/records/envelope';
import { calculateApplication, planCaseStep } from '@shared/programmes/caseEngine';
import { programmeModule } from '@shared/programmes/registry';
import type { RosterEnrolment } from '@shared/programmes/rosterEnrolment';
import { benefitDateOf } from '@shared/dynamics/benefitDate';
import { stepReasonIssues } from '@shared/dynamics/termination';
import type { DeskDatabase } from '../database';
import { write, type Writer } from '../writePath';
import type { WriteContext } from '../writeContext';
import { listDelegations, listStandards, loadCalendar, loadRuleBook } from './reference';
import { loadSettings } from './settings';

export type AssistanceCase = StoredRecord<AssistanceCaseData>;
export type CaseEvent = StoredRecord<CaseEventData>;

/** What every programme's application collects; status and dates belong to the workflow. */
export interface DibaoApplicationInput {
  householdId: string;
  applicantPersonId: string;
  applicantName: string;
  category: AssistanceCaseData['category'];
  areaCode: string;
  coveredPersonIds: string[];
  income: MonthlyIncomeData;
  deductionsFen: number;
  assets: AssetsData;
  applicationDate: string;
}

/**
 * An application of any programme: the shared facts and the programme's own
 * (`programmeFacts`, checked by its module's factsSchema and checks in the write path).
 */
export interface CaseApplicationInput extends DibaoApplicationInput {
  programme: Programme;
  programmeFacts: Record<string, unknown>;
}

async function requireSettings(db: DeskDatabase): Promise<OfficeSettings> {
  const settings = await loadSettings(db);
  if (!settings) throw new AppError({ code: 'not_found', message: 'Office settings are missing.' });
  return settings;
}

/**
 * The amount by the programme's own calculator, as HQ recomputes it (caseOps
 * benefitRefusal), for `date` (the application date; under review, the review's day:
 * shared/dynamics/benefitDate.ts). Standards, rules and settings are read before the
 * write transaction (no await on other work inside).
 */
async function benefitFor(db: DeskDatabase, input: CaseApplicationInput, date?: string) {
  const [standards, settings, rules] = await Promise.all([
    listStandards(db),
    requireSettings(db),
    loadRuleBook(db),
  ]);
  return calculateApplication(input, date ?? input.applicationDate, { standards, settings, rules });
}

/** A case is never saved with a benefit computed without a standard. */
function requireStandard(benefit: BenefitSnapshot): void {
  if (benefit.classification === 'no_standard') {
    throw new AppError({
      code: 'validation',
      message: 'No benefit standard is in force for this area, category and date.',
      fieldErrors: [{ path: 'category', code: 'case.no_standard' }],
    });
  }
}

/** A new application of any programme, in its module's first status. */
export async function createCase(
  db: DeskDatabase,
  ctx: WriteContext,
  input: CaseApplicationInput,
): Promise<AssistanceCase> {
  const benefit = await benefitFor(db, input);
  requireStandard(benefit);
  return write(db, ctx, (w) =>
    w.create('assistanceCase', {
      ...applicationFacts(input),
      programme: input.programme,
      programmeFacts: input.programmeFacts,
      benefit,
      status: programmeModule(input.programme).initialStatus,
      statusChangedAt: ctx.now().toISOString(),
      ...noStepDates,
    }),
  );
}

/** A 低保 application (the programme the desk started with). */
export function createDibaoCase(
  db: DeskDatabase,
  ctx: WriteContext,
  input: DibaoApplicationInput,
): Promise<AssistanceCase> {
  return createCase(db, ctx, { ...input, programme: 'dibao', programmeFacts: {} });
}

/**
 * Corrects the application facts (not its status) before the 公示, with the reason the
 * case's history shows; the benefit is recomputed and the superseded version kept. The
 * programme stays the case's own.
 */
export async function updateCase(
  db: DeskDatabase,
  ctx: WriteContext,
  id: string,
  baseVersion: number,
  input: CaseApplicationInput,
  reason: string,
): Promise<AssistanceCase> {
  const stored = await db.cases.get(id);
  const programme = stored?.programme ?? input.programme;
  const facts = { ...applicationFacts(input), programmeFacts: input.programmeFacts };
  // Under review, the standard of the review's day (shared/dynamics/benefitDate.ts).
  const date = stored
    ? benefitDateOf({ ...stored, applicationDate: input.applicationDate })
    : undefined;
  const benefit = await benefitFor(db, { ...input, programme }, date);
  requireStandard(benefit);
  return write(db, ctx, async (w) => {
    const current = await w.get('assistanceCase', id);
    const issues = current ? caseEditIssues(current, { ...facts }) : [];
    if (issues.length > 0) {
      throw new AppError({
        code: issues[0]?.code === 'case.not_editable' ? 'invalid_transition' : 'validation',
        message: `A case in status ${current?.status} cannot be corrected so.`,
        fieldErrors: issues,
      });
    }
    // Only the application facts: status and dates stay the workflow's to change.
    return w.update('assistanceCase', id, baseVersion, { ...facts, benefit }, { reason });
  });
}

/** A correction of a 低保 case (its programme facts stay as they are: 低保 has none). */
export function updateDibaoCase(
  db: DeskDatabase,
  ctx: WriteContext,
  id: string,
  baseVersion: number,
  input: DibaoApplicationInput,
  reason: string,
): Promise<AssistanceCase> {
  return updateCase(
    db,
    ctx,
    id,
    baseVersion,
    { ...input, programme: 'dibao', programmeFacts: {} },
    reason,
  );
}

function applicationFacts(input: DibaoApplicationInput): DibaoApplicationInput {
  const facts: DibaoApplicationInput = {
    householdId: input.householdId,
    applicantPersonId: input.applicantPersonId,
    applicantName: input.applicantName,
    category: input.category,
    areaCode: input.areaCode,
    coveredPersonIds: input.coveredPersonIds,
    income: input.income,
    deductionsFen: input.deductionsFen,
    assets: input.assets,
    applicationDate: input.applicationDate,
  };
  return facts;
}

export interface TransitionInput {
  action: string;
  opinion?: string;
  reason?: string;
  /** 名册转入 only (the roster import): the sheet's paymentFrom and approval day. */
  enrolment?: RosterEnrolment;
}

/**
 * One workflow step, planned by the same shared code HQ replays it with
 * (`planCaseStep`): the state machine decides whether this role may take it now (the
 * 公示 judged on the office calendar, delegation as the county published it); the case
 * and its new history event are written together, the case's change queued as a
 * 'transition' op so HQ replays the step instead of merging fields.
 */
export async function transitionCase(
  db: DeskDatabase,
  ctx: WriteContext,
  id: string,
  baseVersion: number,
  input: TransitionInput,
): Promise<AssistanceCase> {
  const env = await stepReference(db);
  return write(db, ctx, (w) => writeCaseStep(w, ctx, id, baseVersion, input, env));
}

/** What a step is planned with, read before the write transaction. */
export async function stepReference(db: DeskDatabase) {
  const [settings, calendar, delegations, rules] = await Promise.all([
    requireSettings(db),
    loadCalendar(db),
    listDelegations(db),
    loadRuleBook(db),
  ]);
  return { settings, calendar, delegations, rules };
}

/**
 * The step and its history event inside a write transaction (transitionCase; a
 * successor case closes the previous one in the same transaction as it opens).
 */
export async function writeCaseStep(
  w: Writer,
  ctx: WriteContext,
  id: string,
  baseVersion: number,
  input: TransitionInput,
  env: Awaited<ReturnType<typeof stepReference>>,
): Promise<AssistanceCase> {
  const reasonIssues = stepReasonIssues(input.action, input.reason);
  if (reasonIssues.length > 0) {
    throw new AppError({
      code: 'validation',
      message: 'A termination names its reason.',
      fieldErrors: reasonIssues,
    });
  }
  const current = await w.get('assistanceCase', id);
  if (!current || current.deleted) {
    throw new AppError({ code: 'not_found', message: `No case with id ${id}.` });
  }
  const step = planCaseStep(
    current,
    {
      action: input.action,
      role: ctx.actor.role,
      opinion: input.opinion ?? null,
      reason: input.reason ?? null,
      enrolment: input.enrolment ?? null,
    },
    {
      today: w.today,
      settings: env.settings,
      calendar: env.calendar,
      rules: env.rules,
      confirmationDelegated: delegationInForce(env.delegations, ctx.officeId, w.today),
    },
  );
  const updated = await w.update(
    'assistanceCase',
    id,
    baseVersion,
    { ...step.fields, statusChangedAt: ctx.now().toISOString() },
    { transition: { action: input.action, from: current.status, to: step.to } },
  );
  await w.create('caseEvent', {
    caseId: id,
    action: input.action as CaseEventData['action'],
    from: current.status,
    to: step.to,
    actorId: ctx.actor.userId,
    actorName: ctx.actor.name,
    actorRole: ctx.actor.role,
    at: ctx.now().toISOString(),
    opinion: input.opinion?.trim() ?? '',
    reason: input.reason?.trim() ?? '',
  });
  return updated;
}
