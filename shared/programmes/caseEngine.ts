/**
 * The programme engine: one workflow step of any programme's case, planned the same
 * way at the desk (`transitionCase`) and at HQ (the replay of a pushed `transition` op,
 * a county decision). The programme's state machine decides whether the role may take
 * the step now; the step's declared marks (types.ts StepMark) decide which shared dates
 * it writes. No step is dated before the application or an earlier step (stepDates).
 * Guards read deadlines recomputed from the case's own dates on the caller's calendar,
 * never a date the case carries, so HQ judges the 公示 on its own calendar.
 */
import { addMonths, addMonthsToDate, firstDayOfNextMonth, monthOf } from '../calendar/dates';
import { addWorkingDays } from '../calendar/workingDays';
import {
  noStepDates,
  workflowOwnedCaseFields,
  type AssistanceCaseData,
  type BenefitSnapshot,
} from '../domain/assistanceCase';
import type { ActorRole } from '../domain/roles';
import { AppError } from '../errors/appError';
import { describeActions, planTransition, type ActionOption } from '../workflow/stateMachine';
import { stepDateIssue } from '../workflow/stepDates';
import { programmeModule, programmeRuleBook } from './registry';
import { enrolledDecisionDay, type RosterEnrolment } from './rosterEnrolment';
import type { RuleBook } from './ruleBook';
import type { CalcReference, CaseEngineEnv, CaseStepContext, ProgrammeModule } from './types';

/** The fields only a workflow step may write (a form edit or a merge never does). */
export const stepFields = workflowOwnedCaseFields;

/** What a step reads of the case: its programme, status and dates (older callers: 低保). */
export type CaseStepFacts = Pick<
  AssistanceCaseData,
  'status' | 'applicationDate' | 'acceptedOn' | 'noticeStartedOn'
> &
  Partial<AssistanceCaseData>;

/** The env a step is planned with; `rules` may be left out by a caller of 低保 alone. */
export type CaseStepEnv = Omit<CaseEngineEnv, 'rules'> & { rules?: RuleBook };

export interface CaseStepRequest {
  action: string;
  role: ActorRole;
  opinion?: string | null;
  reason?: string | null;
  /** 名册转入 only: the roster's paymentFrom and approval day (rosterEnrolment.ts). */
  enrolment?: RosterEnrolment | null;
}

type StepField = (typeof workflowOwnedCaseFields)[number];

export interface PlannedCaseStep {
  to: string;
  /** status, acceptedOn, noticeStartedOn, noticeEnd, decisionDue and what the marks wrote. */
  fields: Partial<Record<StepField, string | null>> & {
    status: string;
    acceptedOn: string | null;
    noticeStartedOn: string | null;
    noticeEnd: string | null;
    decisionDue: string | null;
  };
}

const noRules = programmeRuleBook([]);

/**
 * The benefit of an application not yet saved, as its programme computes it: the form's
 * live panel and the save both ask this, so the amount shown is the amount saved.
 */
export function calculateApplication(
  application: { programme: string },
  date: string,
  ref: CalcReference,
): BenefitSnapshot {
  const asCase = { ...application, ...noStepDates } as unknown as AssistanceCaseData;
  return programmeModule(application.programme).calculate(asCase, date, ref);
}

export function moduleOf(facts: { programme?: string }): ProgrammeModule {
  return programmeModule(facts.programme ?? 'dibao');
}

/**
 * decisionDue: the limit-th working day after 受理. noticeEnd: the n-th working day after
 * the 公示 started (the posting day is not counted), the notice's last day. A step back
 * clears the date it started from, so an interrupted notice never counts as finished.
 */
export function caseDeadlines(
  module: ProgrammeModule,
  facts: { acceptedOn: string | null; noticeStartedOn: string | null },
  env: Pick<CaseEngineEnv, 'settings' | 'calendar'>,
): { decisionDue: string | null; noticeEnd: string | null } {
  return {
    decisionDue:
      facts.acceptedOn !== null
        ? addWorkingDays(facts.acceptedOn, env.settings.decisionLimitWorkingDays, env.calendar)
        : null,
    noticeEnd:
      module.hasNotice && facts.noticeStartedOn !== null
        ? addWorkingDays(facts.noticeStartedOn, env.settings.noticeWorkingDays, env.calendar)
        : null,
  };
}

/** The last day of the case's 公示 on this calendar, or null before it started. */
export function noticeEndOf(
  facts: CaseStepFacts,
  env: Pick<CaseEngineEnv, 'settings' | 'calendar'>,
): string | null {
  return caseDeadlines(moduleOf(facts), facts, env).noticeEnd;
}

/**
 * What the state machine's guards read on `env.today`. The desk's buttons and the step
 * itself, at the desk and at HQ, read this same context.
 */
export function caseStepContext(facts: CaseStepFacts, env: CaseStepEnv): CaseStepContext {
  return {
    today: env.today,
    case: facts as AssistanceCaseData,
    noticeEnd: noticeEndOf(facts, env),
    confirmationDelegated: env.confirmationDelegated,
    rules: env.rules ?? noRules,
  };
}

/**
 * The steps this role may take on the case now, guard-blocked ones with their reason. A
 * 名册转入 step (mark 'enrolled') is the roster import's, never a button of the case.
 */
export function caseActionOptions(
  facts: CaseStepFacts,
  role: ActorRole,
  env: CaseStepEnv,
): ActionOption<string>[] {
  const { workflow } = moduleOf(facts);
  return describeActions(workflow, facts.status, role, caseStepContext(facts, env)).filter(
    (option) => !(workflow.marks[option.action] ?? []).includes('enrolled'),
  );
}

/**
 * Throws the state machine's AppError when the step may not be taken; otherwise the
 * status and the dates it writes, counted in working days on the calendar given.
 */
export function planCaseStep(
  current: CaseStepFacts,
  request: CaseStepRequest,
  env: CaseStepEnv,
): PlannedCaseStep {
  const module = moduleOf(current);
  const { to } = planTransition(module.workflow, {
    state: current.status,
    action: request.action,
    role: request.role,
    opinion: request.opinion ?? null,
    reason: request.reason ?? null,
    ctx: { ...caseStepContext(current, env), enrolment: request.enrolment ?? null },
  });
  const early = stepDateIssue(current, env.today);
  if (early) {
    throw new AppError({
      code: 'invalid_transition',
      message: `A step on ${env.today} is dated before the case's ${String(early.params?.date)}.`,
      fieldErrors: [early],
      details: { from: current.status, action: request.action },
    });
  }
  const written = markedFields(module, current, request, env);
  const acceptedOn = 'acceptedOn' in written ? (written.acceptedOn ?? null) : current.acceptedOn;
  const noticeStartedOn =
    'noticeStartedOn' in written ? (written.noticeStartedOn ?? null) : current.noticeStartedOn;
  const deadlines = caseDeadlines(module, { acceptedOn, noticeStartedOn }, env);
  return {
    to,
    fields: { ...written, status: to, acceptedOn, noticeStartedOn, ...deadlines },
  };
}

function markedFields(
  module: ProgrammeModule,
  current: CaseStepFacts,
  request: CaseStepRequest,
  env: CaseStepEnv,
): Partial<Record<StepField, string | null>> {
  const { today } = env;
  const { action } = request;
  const rules = env.rules ?? noRules;
  const monthly = module.payment === 'monthly';
  const fields: Partial<Record<StepField, string | null>> = {};
  const reviewDue = (from = today) =>
    addMonthsToDate(from, module.reviewIntervalMonths(current as AssistanceCaseData, rules, from));
  for (const mark of module.workflow.marks[action] ?? []) {
    switch (mark) {
      case 'accepted':
        fields.acceptedOn = today;
        break;
      case 'unaccepted':
        fields.acceptedOn = null;
        break;
      case 'noticeStarted':
        fields.noticeStartedOn = today;
        break;
      case 'noticeCleared':
        fields.noticeStartedOn = null;
        break;
      case 'decided':
        fields.decidedOn = today;
        break;
      case 'approved':
        fields.decidedOn = today;
        fields.paymentFrom = monthly ? monthOf(firstDayOfNextMonth(today)) : null;
        fields.reviewDue = monthly ? reviewDue() : null;
        break;
      case 'ended':
        fields.endedOn = today;
        fields.paymentTo = monthly ? monthOf(today) : null;
        fields.reviewDue = null;
        break;
      case 'helpedFirst':
        fields.helpedFirstOn = today;
        fields.paperworkDue = addWorkingDays(
          today,
          rules.value(`${module.id}.paperworkWorkingDays`, today),
          env.calendar,
        );
        break;
      case 'reviewStarted':
        fields.reviewStartedOn = today;
        break;
      case 'reviewed':
        fields.reviewedOn = today;
        fields.reviewDue = reviewDue();
        break;
      case 'phaseOut':
        fields.phaseOutUntil = addMonths(today, rules.value(`${module.id}.phaseOutMonths`, today));
        break;
      case 'enrolled': {
        const decidedOn = enrolledDecisionDay(request.enrolment, today);
        fields.decidedOn = decidedOn;
        fields.paymentFrom = monthly ? (request.enrolment?.paymentFrom ?? null) : null;
        fields.reviewDue = monthly ? reviewDue(decidedOn) : null;
        break;
      }
      case 'reassessmentDue':
        fields.reviewDue = addWorkingDays(
          today,
          rules.value(`${module.id}.reassessWorkingDays`, today),
          env.calendar,
        );
        break;
    }
  }
  return fields;
}

/** Whether a case of its programme is still open (a person is in one open case per programme). */
export function isOpenCase(facts: { programme?: string; status: string }): boolean {
  return !moduleOf(facts).workflow.terminal.includes(facts.status);
}
