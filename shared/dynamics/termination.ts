/**
 * 停保 with a reason code (动态管理). The terminate step's history event carries the code
 * as its `reason` and the explanation as its `opinion` (required for every code; for
 * 'other' it is the whole reason). The desk checks it before the step and HQ again when
 * it replays the step. The head of the household changing or dying closes the case so
 * that a linked successor case (previousCaseId) can carry the household on.
 */
import type { FieldError } from '../errors/appError';

export const terminationReasons = [
  'income_above_line',
  'moved_away',
  'died',
  'refused_review',
  'head_changed',
  'head_died',
  'other',
] as const;

export type TerminationReason = (typeof terminationReasons)[number];

/** The codes that close a case for a successor case to continue. */
export const successionReasons: readonly TerminationReason[] = ['head_changed', 'head_died'];

export function isTerminationReason(value: unknown): value is TerminationReason {
  return typeof value === 'string' && (terminationReasons as readonly string[]).includes(value);
}

/** A terminate step names one of the codes; other steps are not judged here. */
export function stepReasonIssues(action: string, reason: string | null | undefined): FieldError[] {
  if (action !== 'terminate') return [];
  const code = reason?.trim() ?? '';
  return isTerminationReason(code)
    ? []
    : [{ path: 'reason', code: 'dynamics.termination_reason', params: { reason: code } }];
}
