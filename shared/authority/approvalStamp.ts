/**
 * Who approved and when, as a desk writes it into a record (a payment roll's
 * approvedBy/approvedOn, a recomputation's approvedOn), judged by HQ against the op that
 * carries it: the approver is the op's actor as HQ knows the account (its display name,
 * which is what the desk's login writes), and the day is the op's own office day (China's
 * day of op.createdAt). A record not being approved names no approver or day it did not
 * have; an approved one is locked elsewhere (roll.locked, dynamics.recomputation_approved).
 */
import type { FieldError } from '../errors/appError';

export interface ApprovalStamp {
  status: string;
  /** Absent for a record that keeps no approver's name (a recomputation). */
  approvedBy?: string | null;
  approvedOn: string | null;
}

export function approvalStampIssues(
  before: ApprovalStamp | null,
  after: ApprovalStamp,
  op: { actorName: string; day: string },
): FieldError[] {
  const approving = after.status === 'approved' && before?.status !== 'approved';
  if (!approving) {
    if (after.status === 'approved') return []; // unchanged approval: locked elsewhere
    return (['approvedBy', 'approvedOn'] as const)
      .filter((f) => after[f] !== undefined && after[f] !== null)
      .map((path) => ({ path, code: 'approval.not_approved' }));
  }
  const issues: FieldError[] = [];
  if (after.approvedBy !== undefined && after.approvedBy !== op.actorName) {
    issues.push({
      path: 'approvedBy',
      code: 'approval.not_actor',
      params: { actor: op.actorName },
    });
  }
  if (after.approvedOn !== op.day) {
    issues.push({ path: 'approvedOn', code: 'approval.not_op_day', params: { day: op.day } });
  }
  return issues;
}
