/**
 * Time limits of a 低保 case, counted in working days on the office calendar:
 * the decision limit from 受理 and the 公示 period.
 */
import { addDays } from '../calendar/dates';
import { addWorkingDays, type WorkingCalendar } from '../calendar/workingDays';

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

const notYetAccepted: readonly string[] = ['draft', 'submitted'];
const beforeNotice: readonly string[] = [
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
  facts: { acceptedOn: string | null; noticeStartedOn: string | null; status: string },
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

/**
 * 低保's statuses during which the decision limit runs (受理 up to the county's review);
 * shared/programmes/decisionClock.ts asks each case's module for its own.
 */
export const decisionPendingStatuses: readonly string[] = [
  'accepted',
  'investigating',
  'township_opinion',
  'public_notice',
  'county_review',
];

/**
 * The first day the case may go on after its 公示: the notice runs through its last day
 * (noticeEnd), so the next step is possible from the calendar day after it. The button,
 * its "X 起可办理" and HQ's check all ask this one function.
 */
export function noticeOverFrom(noticeEnd: string): string {
  return addDays(noticeEnd, 1);
}

/** Whether the 公示 is over on `today` (false while none has run to its end). */
export function isNoticeOver(noticeEnd: string | null, today: string): boolean {
  return noticeEnd !== null && today >= noticeOverFrom(noticeEnd);
}
