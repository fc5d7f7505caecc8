/**
 * The 审核 due list (动态管理): open cases of every programme whose next review falls
 * due by the end of this month; a date before today is overdue. Pure, so the desk's
 * list and its tests read the same rule.
 */
import { lastDayOfMonth } from '../calendar/dates';
import { isOpenCase } from '../programmes/caseEngine';

export interface DueCase {
  programme: string;
  status: string;
  reviewDue: string | null;
}

/** The last day the list reaches: the end of today's month. */
export function dueListHorizon(today: string): string {
  return lastDayOfMonth(today);
}

/**
 * 'overdue' before today, 'due' by the end of the month, else null (not listed). A
 * case already under review stays listed until the review is completed.
 */
export function reviewDueState(c: DueCase, today: string): 'overdue' | 'due' | null {
  if (c.reviewDue === null || !isOpenCase(c)) return null;
  if (c.reviewDue < today) return 'overdue';
  return c.reviewDue <= dueListHorizon(today) ? 'due' : null;
}
