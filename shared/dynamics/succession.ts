/**
 * The head of the household changed or died (动态管理): the case is terminated with
 * reason 'head_changed' or 'head_died' and a successor case opened, in one write
 * transaction, carrying the members (less a head who died), income and assets and
 * naming the closed case in `previousCaseId`. Whoever checks (the desk's write, HQ's
 * replay) asks the same of the link: the previous case is this office's, of the same
 * programme and household, and was closed for that reason in the same transaction.
 */
import type { FieldError } from '../errors/appError';
import { successionReasons } from './termination';

/** What the checker knows of the case the successor names. */
export interface PreviousCaseFacts {
  /** The previous case as the checker holds it (its office only); undefined: none. */
  previous: Readonly<Record<string, unknown>> | undefined;
  /** The reason of the terminate step taken on it in the successor's transaction, if any. */
  closedFor: string | undefined;
}

export function successorIssues(
  successor: { previousCaseId: unknown; programme: unknown; householdId: unknown },
  facts: PreviousCaseFacts,
): FieldError[] {
  if (successor.previousCaseId === null || successor.previousCaseId === undefined) return [];
  const path = 'previousCaseId';
  const { previous, closedFor } = facts;
  if (!previous) return [{ path, code: 'dynamics.previous_unknown' }];
  if (
    previous.programme !== successor.programme ||
    previous.householdId !== successor.householdId
  ) {
    return [{ path, code: 'dynamics.previous_other_household' }];
  }
  if (
    previous.status !== 'terminated' ||
    closedFor === undefined ||
    !(successionReasons as readonly string[]).includes(closedFor)
  ) {
    return [{ path, code: 'dynamics.previous_not_closed_for_succession' }];
  }
  return [];
}
