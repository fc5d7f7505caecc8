/**
 * The 低保 case workflow: 申请 → 受理 → 调查核对 → 乡镇初审 → 公示 → 县级审核确认
 * (or township confirmation when delegated) → payment → 动态管理 (review, suspend,
 * terminate). 'admin' has no case rights: it manages accounts only.
 */
import type { FieldError } from '../errors/appError';
import { addWorkingDays, type WorkingCalendar } from '../calendar/workingDays';
import { defineWorkflow, type WorkflowAction } from './stateMachine';

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
  'suspended',
  'terminated',
] as const;

export type DibaoStatus = (typeof dibaoStatuses)[number];

export interface DibaoWorkflowContext {
  today: string;
  /** Day the 公示 is complete (see dibaoDeadlines); null before it starts. */
  noticeEnd: string | null;
  /** Whether the county delegated 审核确认 to this township. */
  confirmationDelegated: boolean;
}
/** Alias under the name used in the design brief. */
export type dibaoWorkflowContext = DibaoWorkflowContext;

function noticeOver(ctx: DibaoWorkflowContext): FieldError | null {
  if (ctx.noticeEnd !== null && ctx.today >= ctx.noticeEnd) return null;
  return {
    path: 'status',
    code: 'workflow.notice_not_over',
    ...(ctx.noticeEnd !== null ? { params: { noticeEnd: ctx.noticeEnd } } : {}),
  };
}

function delegated(ctx: DibaoWorkflowContext): FieldError | null {
  return ctx.confirmationDelegated ? null : { path: 'status', code: 'workflow.not_delegated' };
}

export const dibaoActions = [
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
  'deny_at_township',
  'start_payment',
  'start_review',
  'complete_review',
  'suspend',
  'resume',
  'terminate',
] as const;

export type DibaoAction = (typeof dibaoActions)[number];

type Action = WorkflowAction<DibaoStatus, DibaoWorkflowContext>;
const frontDesk = ['registrar', 'supervisor'] as const;
const supervisor = ['supervisor'] as const;
const county = ['county'] as const;

const actions = {
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
    from: ['active', 'under_review', 'suspended'],
    to: 'terminated',
    roles: supervisor,
    kind: 'forward',
    requiresOpinion: true,
  },
} satisfies Record<DibaoAction, Action>;

export const dibaoWorkflow = defineWorkflow<DibaoStatus, DibaoAction, DibaoWorkflowContext>({
  states: dibaoStatuses,
  terminal: ['denied', 'terminated'],
  actions,
});

/** A person may be in only one open case per programme. */
export const openDibaoStatuses: readonly DibaoStatus[] = dibaoStatuses.filter(
  (s) => s !== 'denied' && s !== 'terminated',
);

export function isOpenDibaoStatus(status: DibaoStatus): boolean {
  return openDibaoStatuses.includes(status);
}

export interface DibaoDeadlineSettings {
  /** Working days from 受理 to decision (national frame about 30, often tighter). */
  decisionLimitWorkingDays: number;
  /** Length of the 公示 in working days. */
  noticeWorkingDays: number;
}

/** Sample defaults; each county configures its own. */
export const defaultDibaoDeadlineSettings: DibaoDeadlineSettings = {
  decisionLimitWorkingDays: 30,
  noticeWorkingDays: 7,
};

const notYetAccepted: readonly DibaoStatus[] = ['draft', 'submitted'];
const beforeNotice: readonly DibaoStatus[] = [
  ...notYetAccepted,
  'accepted',
  'investigating',
  'township_opinion',
];

/**
 * decisionDue: the limit-th working day after 受理. noticeEnd: the n-th working day
 * after the 公示 started (the posting day is not counted), from which day the case
 * may go on. A status before 公示 has no noticeEnd, so a notice interrupted by
 * re-investigation never counts as finished.
 */
export function dibaoDeadlines(
  facts: { acceptedOn: string | null; noticeStartedOn: string | null; status: DibaoStatus },
  settings: DibaoDeadlineSettings,
  cal: WorkingCalendar,
): { decisionDue: string | null; noticeEnd: string | null } {
  const { acceptedOn, noticeStartedOn, status } = facts;
  return {
    decisionDue:
      acceptedOn !== null && !notYetAccepted.includes(status)
        ? addWorkingDays(acceptedOn, settings.decisionLimitWorkingDays, cal)
        : null,
    noticeEnd:
      noticeStartedOn !== null && !beforeNotice.includes(status)
        ? addWorkingDays(noticeStartedOn, settings.noticeWorkingDays, cal)
        : null,
  };
}

/** The statuses during which the decision limit runs (受理 up to the county's review). */
const decisionPending: readonly DibaoStatus[] = [
  'accepted',
  'investigating',
  'township_opinion',
  'public_notice',
  'county_review',
];

export function isDecisionPending(status: DibaoStatus): boolean {
  return decisionPending.includes(status);
}

/** Overdue = the decision is still pending after decisionDue. */
export function isOverdue(status: DibaoStatus, decisionDue: string | null, today: string): boolean {
  return decisionDue !== null && today > decisionDue && isDecisionPending(status);
}
