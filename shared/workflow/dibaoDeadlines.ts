/**
 * Time limits of a 低保 case, counted in working days on the office calendar:
 * the decision limit from 受理 and the 公示 period.
 */
import { addDays } from '../calendar/dates';
import { addWorkingDays, workingDaysBetween, type WorkingCalendar } from '../calendar/workingDays';

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

/** The statuses during which the decision limit runs (受理 up to the county's review). */
export const decisionPendingStatuses: readonly string[] = [
  'accepted',
  'investigating',
  'township_opinion',
  'public_notice',
  'county_review',
];

export function isDecisionPending(status: string): boolean {
  return decisionPendingStatuses.includes(status);
}

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

/** Overdue = the decision is still pending after decisionDue (its last day still counts). */
export function isOverdue(status: string, decisionDue: string | null, today: string): boolean {
  return decisionDue !== null && today > decisionDue && isDecisionPending(status);
}

export type DecisionClock =
  | { state: 'none' }
  | { state: 'decided'; due: string }
  | { state: 'running'; due: string; workingDaysLeft: number }
  | { state: 'lastDay'; due: string }
  | { state: 'overdue'; due: string; workingDaysOver: number };

/**
 * Where the decision limit stands on `today`, for the desk's countdown and list marks:
 * running (working days left after today, up to and including decisionDue), its last
 * day (decisionDue itself), or overdue from the day after — the same day isOverdue says.
 * A weekend or holiday right after decisionDue is overdue by 0 working days.
 */
export function decisionClock(
  status: string,
  decisionDue: string | null,
  today: string,
  cal: WorkingCalendar,
): DecisionClock {
  if (decisionDue === null) return { state: 'none' };
  if (!isDecisionPending(status)) return { state: 'decided', due: decisionDue };
  if (isOverdue(status, decisionDue, today)) {
    return {
      state: 'overdue',
      due: decisionDue,
      workingDaysOver: workingDaysBetween(decisionDue, today, cal),
    };
  }
  if (today === decisionDue) return { state: 'lastDay', due: decisionDue };
  return {
    state: 'running',
    due: decisionDue,
    workingDaysLeft: workingDaysBetween(today, decisionDue, cal),
  };
}
