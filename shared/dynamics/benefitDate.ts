/**
 * The date a case's benefit is computed for (the standard in force on it), the same at
 * the desk and at HQ, never the date a desk sends:
 * - before the decision (the facts may be corrected): the application date;
 * - under review: the day the review started (`reviewStartedOn`, written by the step at
 *   HQ on HQ's calendar) — a reviewed case is paid under the standard of its review;
 * - otherwise the date its benefit was last computed for (a decision, a review or an
 *   approved recomputation: see recomputation.ts), which a plain edit cannot change.
 */
import type { AssistanceCaseData } from '../domain/assistanceCase';

/** The statuses in which the facts are still the application's (before 公示). */
export const applicationStatuses: readonly string[] = [
  'draft',
  'submitted',
  'accepted',
  'investigating',
  'township_opinion',
];

/**
 * Statuses in which the facts are corrected as a review (members, income, amount), from
 * the day it started: 复核 (under_review) and 特困's 重新评估 (reassessment, opened by a
 * reported change: the new care level counts from that day, not from the decision).
 */
export const reviewStatuses: readonly string[] = ['under_review', 'reassessment'];

export function benefitDateOf(
  data: Pick<AssistanceCaseData, 'status' | 'applicationDate' | 'reviewStartedOn' | 'benefit'>,
  stored?: Pick<AssistanceCaseData, 'benefit'>,
): string {
  if (applicationStatuses.includes(data.status)) return data.applicationDate;
  if (reviewStatuses.includes(data.status)) return data.reviewStartedOn ?? data.applicationDate;
  return (stored ?? data).benefit.computedForDate;
}
