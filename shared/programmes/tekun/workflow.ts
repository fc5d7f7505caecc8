/**
 * The 特困 workflow: the 低保 frame (its states, actions and marks spread in, so what is
 * added to 低保's frame flows in here) plus re-assessment. A reported change of condition
 * (`report_change`, from 在保, with the report as its opinion) puts the case in
 * 重新评估 — still paid — and makes the re-assessment due within
 * `tekun.reassessWorkingDays` working days (StepMark 'reassessmentDue' writes reviewDue,
 * so the due list shows it with its overdue mark). The new six-item assessment is recorded
 * as a correction of the facts while in 重新评估; `complete_reassessment` needs an
 * assessment dated on or after the report, and counts the next yearly review from it.
 * Whatever 低保 lets a supervisor do from 在保 other than start a review (suspend,
 * terminate, …) may be done from 重新评估 too.
 */
import type { FieldError } from '../../errors/appError';
import { officeToday } from '../../validation/dates';
import { defineWorkflow, type WorkflowAction } from '../../workflow/stateMachine';
import { dibaoWorkflow } from '../dibao/workflow';
import type { CaseStepContext, StepMark } from '../types';

export const tekunStatuses = [...dibaoWorkflow.states, 'reassessment'] as const;

type Action = WorkflowAction<string, CaseStepContext>;

/**
 * The day the change was reported: the day the case entered 重新评估, in China's day
 * (officeToday) — the desk and HQ check this with the same code, whatever zone each
 * machine's clock is set to.
 */
function reportedOn(ctx: CaseStepContext): string {
  const at = new Date(ctx.case.statusChangedAt);
  return Number.isNaN(at.getTime()) ? ctx.today : officeToday(at);
}

function reassessed(ctx: CaseStepContext): FieldError | null {
  const facts = ctx.case.programmeFacts as { selfCare?: { assessedOn?: unknown } };
  const assessedOn = facts.selfCare?.assessedOn;
  const since = reportedOn(ctx);
  return typeof assessedOn === 'string' && assessedOn >= since
    ? null
    : {
        path: 'programmeFacts.selfCare.assessedOn',
        code: 'tekun.reassessment_missing',
        params: { since },
      };
}

const frame = dibaoWorkflow.actions as Readonly<Record<string, Action>>;
const frameMarks = dibaoWorkflow.marks as Readonly<Record<string, readonly StepMark[]>>;

/** 特困 has no 渐退期: a 低保 step that starts one is not part of its frame. */
export const outsideTekunFrame = (action: string) =>
  (frameMarks[action] ?? []).includes('phaseOut');

/** 低保's actions, those leaving 在保 (but the yearly review) also leaving 重新评估. */
const framed: Record<string, Action> = Object.fromEntries(
  Object.entries(frame)
    .filter(([id]) => !outsideTekunFrame(id))
    .map(([id, a]) => [
      id,
      a.from.includes('active') && a.to !== 'under_review'
        ? { ...a, from: [...a.from, 'reassessment'] }
        : a,
    ]),
);

// Completing a re-assessment comes first, so it is the panel's main step once it may be
// taken; reporting a change comes after 低保's own steps from 在保 (the yearly review).
const actions: Record<string, Action> = {
  complete_reassessment: {
    from: ['reassessment'],
    to: 'active',
    roles: ['supervisor'],
    kind: 'forward',
    requiresOpinion: true,
    guard: reassessed,
  },
  ...framed,
  report_change: {
    from: ['active'],
    to: 'reassessment',
    roles: ['registrar', 'supervisor'],
    kind: 'forward',
    requiresOpinion: true,
  },
};

export const tekunMarks: Readonly<Record<string, readonly StepMark[]>> = {
  ...Object.fromEntries(Object.entries(frameMarks).filter(([id]) => !outsideTekunFrame(id))),
  report_change: ['reassessmentDue', 'reviewStarted'],
  complete_reassessment: ['reviewed'],
};

export const tekunWorkflow = {
  ...defineWorkflow<string, string, CaseStepContext>({
    states: tekunStatuses,
    terminal: dibaoWorkflow.terminal,
    actions,
  }),
  marks: tekunMarks,
};
