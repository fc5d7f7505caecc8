/**
 * No step dated before the record it acts on: a step's day (受理, 公示, …) may not be
 * before the case's application date nor before the day an earlier step dated the case
 * (受理, the start of the 公示). Asked by planCaseStep, so the desk and HQ refuse alike.
 */
import type { FieldError } from '../errors/appError';

export interface DatedCaseFacts {
  applicationDate: string;
  acceptedOn: string | null;
  noticeStartedOn: string | null;
}

/** The dates a step follows, in the order the case went through them. */
const datedFields = ['applicationDate', 'acceptedOn', 'noticeStartedOn'] as const;

/** The latest date the case carries (the one a step must not precede), with its field. */
export function latestCaseDate(facts: DatedCaseFacts): {
  field: (typeof datedFields)[number];
  date: string;
} {
  let latest: { field: (typeof datedFields)[number]; date: string } = {
    field: 'applicationDate',
    date: facts.applicationDate,
  };
  for (const field of datedFields) {
    const date = facts[field];
    if (date !== null && date > latest.date) latest = { field, date };
  }
  return latest;
}

/**
 * The refusal of a step taken on `day` before the case's latest date, or null:
 * `workflow.step_before_application` before the application date,
 * `workflow.step_before_step` before an earlier step's date (params.date: that date).
 */
export function stepDateIssue(facts: DatedCaseFacts, day: string): FieldError | null {
  const latest = latestCaseDate(facts);
  if (day >= latest.date) return null;
  return {
    path: 'status',
    code:
      latest.field === 'applicationDate'
        ? 'workflow.step_before_application'
        : 'workflow.step_before_step',
    params: { date: latest.date, day },
  };
}
