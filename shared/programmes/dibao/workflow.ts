/**
 * The 低保 case workflow: 申请 → 受理 → 调查核对 → 乡镇初审 → 公示 → 县级审核确认
 * (or township confirmation when delegated) → payment → 动态管理 (review, suspend,
 * terminate). 'admin' has no case rights: it manages accounts only.
 */
import type { FieldError } from '../../errors/appError';
import { isNoticeOver, noticeOverFrom } from '../../workflow/dibaoDeadlines';
import { rosterEnrolmentIssue } from '../rosterEnrolment';
import type { CaseStepContext, StepMark } from '../types';
import { defineWorkflow, type WorkflowAction } from '../../workflow/stateMachine';

export const dibaoStatuses = [
  'draft',
  'submitted',
  'accepted',
  'investigating',
  'township_opinion',
  'public_notice',
  'county_review',
  'confirmed',
  'denied',
  'active',
  'under_review',
  // 渐退期: income rose above the line; paid to phaseOutUntil, then terminated.
  'phasing_out',
  'suspended',
  'terminated',
  'withdrawn',
] as const;

export type DibaoStatus = (typeof dibaoStatuses)[number];

export interface DibaoWorkflowContext {
  today: string;
  /** Last day of the 公示 (see dibaoDeadlines); null before it starts. */
  noticeEnd: string | null;
  /** Whether the county delegated 审核确认 to this township. */
  confirmationDelegated: boolean;
}
/**
 * The notice runs through its last day: the case may move on from noticeOverFrom. The
 * refusal carries that day (availableFrom), which the desk shows as "X 起可办理".
 */
function noticeOver(ctx: DibaoWorkflowContext): FieldError | null {
  if (isNoticeOver(ctx.noticeEnd, ctx.today)) return null;
  return {
    path: 'status',
    code: 'workflow.notice_not_over',
    ...(ctx.noticeEnd !== null
      ? { params: { noticeEnd: ctx.noticeEnd, availableFrom: noticeOverFrom(ctx.noticeEnd) } }
      : {}),
  };
}

function delegated(ctx: DibaoWorkflowContext): FieldError | null {
  return ctx.confirmationDelegated ? null : { path: 'status', code: 'workflow.not_delegated' };
}

export const dibaoActions = [
  'withdraw',
  'submit',
  'return_for_materials',
  'accept',
  'start_investigation',
  'record_opinion',
  'start_notice',
  'reinvestigate',
  'submit_to_county',
  'confirm_at_township',
  'confirm',
  'deny',
  'return_to_township',
  'deny_at_township',
  'start_payment',
  'start_review',
  'complete_review',
  'start_phase_out',
  'suspend',
  'resume',
  'terminate',
  'enrol_from_roster',
] as const;

export type DibaoAction = (typeof dibaoActions)[number];

type Action = WorkflowAction<DibaoStatus, DibaoWorkflowContext>;
const frontDesk = ['registrar', 'supervisor'] as const;
const supervisor = ['supervisor'] as const;
const county = ['county'] as const;

const actions = {
  // The applicant withdraws before a decision; the case closes and frees its members.
  withdraw: {
    from: ['draft', 'submitted', 'accepted', 'investigating', 'township_opinion', 'public_notice'],
    to: 'withdrawn',
    roles: frontDesk,
    kind: 'forward',
    requiresOpinion: true,
  },
  submit: { from: ['draft'], to: 'submitted', roles: frontDesk, kind: 'forward' },
  // 一次性告知: missing materials listed once, the case goes back to the applicant.
  return_for_materials: { from: ['submitted'], to: 'draft', roles: frontDesk, kind: 'back' },
  accept: { from: ['submitted'], to: 'accepted', roles: frontDesk, kind: 'forward' },
  start_investigation: {
    from: ['accepted'],
    to: 'investigating',
    roles: frontDesk,
    kind: 'forward',
  },
  record_opinion: {
    from: ['investigating'],
    to: 'township_opinion',
    roles: supervisor,
    kind: 'forward',
    requiresOpinion: true,
  },
  start_notice: {
    from: ['township_opinion'],
    to: 'public_notice',
    roles: supervisor,
    kind: 'forward',
  },
  // An objection during 公示 (or a doubt at 初审) sends the case back to investigation.
  reinvestigate: {
    from: ['township_opinion', 'public_notice'],
    to: 'investigating',
    roles: supervisor,
    kind: 'back',
  },
  // Allowed whether or not confirmation is delegated: a township may still refer up.
  submit_to_county: {
    from: ['public_notice'],
    to: 'county_review',
    roles: supervisor,
    kind: 'forward',
    guard: noticeOver,
  },
  confirm_at_township: {
    from: ['public_notice'],
    to: 'confirmed',
    roles: supervisor,
    kind: 'forward',
    requiresOpinion: true,
    guard: (ctx) => delegated(ctx) ?? noticeOver(ctx),
  },
  confirm: {
    from: ['county_review'],
    to: 'confirmed',
    roles: county,
    kind: 'forward',
    requiresOpinion: true,
  },
  deny: {
    from: ['county_review'],
    to: 'denied',
    roles: county,
    kind: 'forward',
    requiresOpinion: true,
  },
  // 退回乡镇: the county finds the file incomplete or in doubt and sends it back to be
  // investigated again; the township then records its opinion again and re-submits.
  return_to_township: {
    from: ['county_review'],
    to: 'investigating',
    roles: county,
    kind: 'back',
    requiresOpinion: true,
  },
  deny_at_township: {
    from: ['public_notice'],
    to: 'denied',
    roles: supervisor,
    kind: 'forward',
    requiresOpinion: true,
    guard: delegated,
  },
  start_payment: { from: ['confirmed'], to: 'active', roles: supervisor, kind: 'forward' },
  start_review: { from: ['active'], to: 'under_review', roles: frontDesk, kind: 'forward' },
  complete_review: {
    from: ['under_review'],
    to: 'active',
    roles: supervisor,
    kind: 'forward',
    requiresOpinion: true,
  },
  // 渐退期 (动态管理): a review found the income above the line; the benefit goes on
  // for `dibao.phaseOutMonths` months (phaseOutUntil), then the case is terminated.
  start_phase_out: {
    from: ['active', 'under_review'],
    to: 'phasing_out',
    roles: supervisor,
    kind: 'forward',
    requiresOpinion: true,
  },
  // Suspension is a decision, not a correction, so it is forward with a recorded opinion.
  suspend: {
    from: ['active', 'under_review'],
    to: 'suspended',
    roles: supervisor,
    kind: 'forward',
    requiresOpinion: true,
  },
  resume: { from: ['suspended'], to: 'active', roles: supervisor, kind: 'forward' },
  terminate: {
    from: ['active', 'under_review', 'phasing_out', 'suspended'],
    to: 'terminated',
    roles: supervisor,
    kind: 'forward',
    requiresOpinion: true,
  },
  // 名册转入 (shared/programmes/rosterEnrolment.ts): within the county's window, the roster
  // import brings a case the old system already pays straight to 在保.
  enrol_from_roster: {
    from: ['draft'],
    to: 'active',
    roles: supervisor,
    kind: 'forward',
    // The engine's context (CaseStepContext) carries the rules, the case and the roster's facts.
    guard: (ctx) => rosterEnrolmentIssue(ctx as Partial<CaseStepContext> & { today: string }),
  },
} satisfies Record<DibaoAction, Action>;

/** The shared dates each step writes (shared/programmes/types.ts StepMark). */
export const dibaoMarks: Partial<Record<DibaoAction, readonly StepMark[]>> = {
  accept: ['accepted'],
  return_for_materials: ['unaccepted'],
  start_notice: ['noticeStarted'],
  reinvestigate: ['noticeCleared'],
  confirm: ['approved'],
  confirm_at_township: ['approved'],
  deny: ['decided'],
  deny_at_township: ['decided'],
  start_review: ['reviewStarted'],
  complete_review: ['reviewed'],
  start_phase_out: ['phaseOut'],
  terminate: ['ended'],
  enrol_from_roster: ['enrolled'],
};

export const dibaoWorkflow = {
  ...defineWorkflow<DibaoStatus, DibaoAction, DibaoWorkflowContext>({
    states: dibaoStatuses,
    terminal: ['denied', 'terminated', 'withdrawn'],
    actions,
  }),
  marks: dibaoMarks,
};

/** A person may be in only one open case per programme. */
export const openDibaoStatuses: readonly DibaoStatus[] = dibaoStatuses.filter(
  (s) => !dibaoWorkflow.terminal.includes(s),
);

export function isOpenDibaoStatus(status: DibaoStatus): boolean {
  return openDibaoStatuses.includes(status);
}
