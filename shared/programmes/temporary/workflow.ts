/**
 * The 临时救助 case workflow: 申请 → 受理 → 调查 → 乡镇审核意见 → the township approves
 * an amount within its limit (`temporary.townshipLimitFen`) itself, or sends the case to
 * the county → 县级审批 → approved → a one-off payment (`pay`: paid, closed). In an
 * emergency (急难型) the supervisor may help first (先行救助) once the case is accepted:
 * the help is handed over at once and the paperwork (investigation, opinion, approval)
 * follows within `temporary.paperworkWorkingDays` working days. No 公示 before the
 * decision (docs/programmes.md says why).
 */
import type { FieldError } from '../../errors/appError';
import { formatFen } from '../../money/fen';
import { defineWorkflow, type WorkflowAction } from '../../workflow/stateMachine';
import type { CaseStepContext, StepMark } from '../types';
import { temporaryFactsOf } from './facts';

export const temporaryStatuses = [
  'draft',
  'submitted',
  'accepted',
  'helped_first',
  'investigating',
  'township_opinion',
  'county_review',
  'approved',
  'paid',
  'denied',
  'withdrawn',
] as const;

export type TemporaryStatus = (typeof temporaryStatuses)[number];

export const temporaryActions = [
  'withdraw',
  'submit',
  'return_for_materials',
  'accept',
  'help_first',
  'start_investigation',
  'record_opinion',
  'reinvestigate',
  'approve_at_township',
  'deny_at_township',
  'submit_to_county',
  'approve',
  'deny',
  'return_to_township',
  'pay',
] as const;

export type TemporaryAction = (typeof temporaryActions)[number];

/** The amount is within what the township may approve on the step's day. */
export function townshipLimitIssue(ctx: CaseStepContext): FieldError | null {
  const limitFen = ctx.rules.value('temporary.townshipLimitFen', ctx.today, ctx.case.areaCode);
  const amountFen = ctx.case.benefit.benefitFen;
  if (amountFen <= limitFen) return null;
  return {
    path: 'benefit.benefitFen',
    code: 'temporary.over_township_limit',
    params: { amountFen, limitFen, amount: formatFen(amountFen), limit: formatFen(limitFen) },
  };
}

/** 先行救助 is for sudden hardship (急难型) and within the township's own limit. */
function emergencyWithinLimit(ctx: CaseStepContext): FieldError | null {
  const facts = temporaryFactsOf(ctx.case.programmeFacts);
  if (facts?.kind !== 'emergency') {
    return { path: 'programmeFacts.kind', code: 'temporary.help_first_not_emergency' };
  }
  return townshipLimitIssue(ctx);
}

/** Help handed over cannot be withdrawn: the paperwork follows to a decision. */
function notHelpedFirst(ctx: CaseStepContext): FieldError | null {
  return ctx.case.helpedFirstOn === null || ctx.case.helpedFirstOn === undefined
    ? null
    : { path: 'status', code: 'temporary.helped_first_no_withdraw' };
}

type Action = WorkflowAction<TemporaryStatus, CaseStepContext>;
const frontDesk = ['registrar', 'supervisor'] as const;
const supervisor = ['supervisor'] as const;
const county = ['county'] as const;

const actions = {
  withdraw: {
    from: ['draft', 'submitted', 'accepted', 'investigating', 'township_opinion'],
    to: 'withdrawn',
    roles: frontDesk,
    kind: 'forward',
    requiresOpinion: true,
    guard: notHelpedFirst,
  },
  submit: { from: ['draft'], to: 'submitted', roles: frontDesk, kind: 'forward' },
  return_for_materials: { from: ['submitted'], to: 'draft', roles: frontDesk, kind: 'back' },
  accept: { from: ['submitted'], to: 'accepted', roles: frontDesk, kind: 'forward' },
  help_first: {
    from: ['accepted', 'investigating'],
    to: 'helped_first',
    roles: supervisor,
    kind: 'forward',
    requiresOpinion: true,
    guard: emergencyWithinLimit,
  },
  // After 先行救助 the same step resumes the paperwork.
  start_investigation: {
    from: ['accepted', 'helped_first'],
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
  reinvestigate: {
    from: ['township_opinion'],
    to: 'investigating',
    roles: supervisor,
    kind: 'back',
  },
  approve_at_township: {
    from: ['township_opinion'],
    to: 'approved',
    roles: supervisor,
    kind: 'forward',
    requiresOpinion: true,
    guard: townshipLimitIssue,
  },
  deny_at_township: {
    from: ['township_opinion'],
    to: 'denied',
    roles: supervisor,
    kind: 'forward',
    requiresOpinion: true,
  },
  // Any amount may be referred up; above the township's limit it must be.
  submit_to_county: {
    from: ['township_opinion'],
    to: 'county_review',
    roles: supervisor,
    kind: 'forward',
  },
  approve: {
    from: ['county_review'],
    to: 'approved',
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
  // The one-off payment handed over or paid by roll: the case closes as paid.
  pay: { from: ['approved'], to: 'paid', roles: supervisor, kind: 'forward' },
} satisfies Record<TemporaryAction, Action>;

/** The shared dates each step writes (types.ts StepMark). */
export const temporaryMarks: Partial<Record<TemporaryAction, readonly StepMark[]>> = {
  accept: ['accepted'],
  return_for_materials: ['unaccepted'],
  help_first: ['helpedFirst'],
  approve_at_township: ['approved'],
  approve: ['approved'],
  deny_at_township: ['decided'],
  deny: ['decided'],
  pay: ['ended'],
};

export const temporaryWorkflow = {
  ...defineWorkflow<TemporaryStatus, TemporaryAction, CaseStepContext>({
    states: temporaryStatuses,
    terminal: ['paid', 'denied', 'withdrawn'],
    actions,
  }),
  marks: temporaryMarks,
};

/** While the decision limit runs (受理 up to the decision). */
export const temporaryDecisionPending: readonly TemporaryStatus[] = [
  'accepted',
  'helped_first',
  'investigating',
  'township_opinion',
  'county_review',
];
