/**
 * The decision limit of any programme's case: whether it is overdue, and where its clock
 * stands for the desk's countdown and list marks. Each programme says in which statuses
 * its decision is still pending (ProgrammeModule.decisionPendingStatuses); the limit
 * itself (decisionDue) is written by the engine (caseEngine.ts caseDeadlines).
 */
import { workingDaysBetween, type WorkingCalendar } from '../calendar/workingDays';
import { moduleOf } from './caseEngine';
import { programmeModules } from './registry';
import type { ProgrammeModule } from './types';

export interface DecisionFacts {
  programme?: string;
  status: string;
  decisionDue: string | null;
}

/** Whether the case's programme still waits for a decision in this status. */
export const isDecisionPending = (c: Pick<DecisionFacts, 'programme' | 'status'>): boolean =>
  moduleOf(c).decisionPendingStatuses.includes(c.status);

/** Every status in which some programme's decision is pending (the overdue index scan). */
export const pendingStatusesOfAllProgrammes: readonly string[] = [
  ...new Set(
    (Object.values(programmeModules) as ProgrammeModule[]).flatMap(
      (m) => m.decisionPendingStatuses,
    ),
  ),
];

/** Overdue = the decision is still pending after decisionDue (its last day still counts). */
export function isOverdue(c: DecisionFacts, today: string): boolean {
  return c.decisionDue !== null && today > c.decisionDue && isDecisionPending(c);
}

export type DecisionClock =
  | { state: 'none' }
  | { state: 'decided'; due: string }
  | { state: 'running'; due: string; workingDaysLeft: number }
  | { state: 'lastDay'; due: string }
  | { state: 'overdue'; due: string; workingDaysOver: number };

/**
 * Where the decision limit stands on `today`: running (working days left after today, up
 * to and including decisionDue), its last day (decisionDue itself), or overdue from the
 * day after — the same day isOverdue says. A weekend or holiday right after decisionDue
 * is overdue by 0 working days.
 */
export function decisionClock(
  c: DecisionFacts,
  today: string,
  cal: WorkingCalendar,
): DecisionClock {
  const due = c.decisionDue;
  if (due === null) return { state: 'none' };
  if (!isDecisionPending(c)) return { state: 'decided', due };
  if (isOverdue(c, today)) {
    return { state: 'overdue', due, workingDaysOver: workingDaysBetween(due, today, cal) };
  }
  if (today === due) return { state: 'lastDay', due };
  return { state: 'running', due, workingDaysLeft: workingDaysBetween(today, due, cal) };
}
