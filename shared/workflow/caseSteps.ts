/**
 * One 低保 workflow step, planned the same way at the desk (`transitionCase`) and at HQ
 * (the replay of a pushed `transition` op, a county decision): the state machine decides
 * whether the role may take it now, and this decides what the step writes. No step is
 * dated before the application or an earlier step (stepDates). Guards read
 * deadlines recomputed from the case's own dates on the caller's calendar, never a
 * date the case carries, so HQ judges the 公示 on its own calendar.
 */
import type { WorkingCalendar } from '../calendar/workingDays';
import { workflowOwnedCaseFields } from '../domain/assistanceCase';
import type { ActorRole } from '../domain/roles';
import { AppError } from '../errors/appError';
import { dibaoDeadlines, type DibaoDeadlineSettings } from './dibaoDeadlines';
import { dibaoWorkflow, type DibaoStatus, type DibaoWorkflowContext } from './dibaoWorkflow';
import { planTransition } from './stateMachine';
import { stepDateIssue } from './stepDates';

/** The fields only a workflow step may write (a form edit or a merge never does). */
export const stepFields = workflowOwnedCaseFields;

export interface CaseStepFacts {
  status: DibaoStatus;
  applicationDate: string;
  acceptedOn: string | null;
  noticeStartedOn: string | null;
}

export interface CaseStepEnv {
  /** The office's calendar date of the step. */
  today: string;
  settings: DibaoDeadlineSettings;
  calendar: WorkingCalendar;
  /** Whether the county has delegated confirmation to the office on `today`. */
  confirmationDelegated: boolean;
}

export interface CaseStepRequest {
  action: string;
  role: ActorRole;
  opinion?: string | null;
  reason?: string | null;
}

export interface PlannedCaseStep {
  to: DibaoStatus;
  fields: {
    status: DibaoStatus;
    acceptedOn: string | null;
    noticeStartedOn: string | null;
    noticeEnd: string | null;
    decisionDue: string | null;
  };
}

/** The last day of the case's 公示 on this calendar, or null before it started. */
export function noticeEndOf(
  facts: CaseStepFacts,
  env: Pick<CaseStepEnv, 'settings' | 'calendar'>,
): string | null {
  return dibaoDeadlines(facts, env.settings, env.calendar).noticeEnd;
}

/**
 * What the state machine's guards read on `env.today`: the 公示's last day recomputed on
 * this calendar (never the date the case carries). The desk's buttons and the step
 * itself, at the desk and at HQ, read this same context.
 */
export function caseStepContext(facts: CaseStepFacts, env: CaseStepEnv): DibaoWorkflowContext {
  return {
    today: env.today,
    noticeEnd: noticeEndOf(facts, env),
    confirmationDelegated: env.confirmationDelegated,
  };
}

/**
 * Throws the state machine's AppError when the step may not be taken; otherwise the
 * status and dates it writes: 受理 starts the decision limit, 公示 its notice period,
 * going back clears them; deadlines count working days on the calendar given.
 */
export function planCaseStep(
  current: CaseStepFacts,
  request: CaseStepRequest,
  env: CaseStepEnv,
): PlannedCaseStep {
  const { to } = planTransition(dibaoWorkflow, {
    state: current.status,
    action: request.action,
    role: request.role,
    opinion: request.opinion ?? null,
    reason: request.reason ?? null,
    ctx: caseStepContext(current, env),
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
  const { action } = request;
  const acceptedOn =
    action === 'accept' ? env.today : action === 'return_for_materials' ? null : current.acceptedOn;
  const noticeStartedOn =
    action === 'start_notice'
      ? env.today
      : action === 'reinvestigate'
        ? null
        : current.noticeStartedOn;
  const deadlines = dibaoDeadlines(
    { acceptedOn, noticeStartedOn, status: to },
    env.settings,
    env.calendar,
  );
  return { to, fields: { status: to, acceptedOn, noticeStartedOn, ...deadlines } };
}
