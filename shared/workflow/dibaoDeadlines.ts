/**
 * Time limits of a 低保 case, counted in working days on the office calendar:
 * the decision limit from 受理 and the 公示 period.
 */
import { addWorkingDays, type WorkingCalendar } from '../calendar/workingDays';
import type { DibaoStatus } from './dibaoWorkflow';

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
 * after the 公示 started (the posting day is not counted) — the notice's last day; the
 * case may go on from the next day. A status before 公示 has no noticeEnd, so a notice interrupted by
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
export const decisionPendingStatuses: readonly DibaoStatus[] = [
  'accepted',
  'investigating',
  'township_opinion',
  'public_notice',
  'county_review',
];

export function isDecisionPending(status: DibaoStatus): boolean {
  return decisionPendingStatuses.includes(status);
}

/** Overdue = the decision is still pending after decisionDue. */
export function isOverdue(status: DibaoStatus, decisionDue: string | null, today: string): boolean {
  return decisionDue !== null && today > decisionDue && isDecisionPending(status);
}
