/**
 * 名册转入: a case the old system already pays enters the desk's roll through the roster
 * import (issue #15 item 1), as a step `enrol_from_roster` from 'draft' to the paid state.
 * The county grants the office a window for it (rule `roster.enrolment` = 1 with its
 * effective dates, published like any rule); outside it the step does not exist for
 * anyone. The sheet brings the month payment starts (paymentFrom: not before the window's
 * first month, nor after next month) and the day it was approved (decidedOn, else the
 * step's day); the amount is never the sheet's — the module's calculator, as always.
 * The desk and HQ judge it with this same guard (planCaseStep).
 */
import { addMonths, isIsoDate, monthOf } from '../calendar/dates';
import type { FieldError } from '../errors/appError';
import type { RuleBook, RuleSpec } from './ruleBook';
import type { CaseStepContext } from './types';

export const rosterEnrolmentKey = 'roster.enrolment';

/** 1 while the county lets the office enrol its old roster; the sample (unpublished): 0. */
export const rosterEnrolmentRuleSpecs: Readonly<Record<string, RuleSpec>> = {
  [rosterEnrolmentKey]: { unit: 'count', min: 0, max: 1, sample: 0 },
};

/** What the step takes from the sheet (the step op's own paymentFrom and decidedOn). */
export interface RosterEnrolment {
  paymentFrom: string | null;
  decidedOn: string | null;
}

export interface EnrolmentWindow {
  from: string;
  to: string | null;
}

/** The county's window in force on `day` for the area, or null when closed. */
export function enrolmentWindow(
  rules: RuleBook,
  day: string,
  areaCode: string | null,
): EnrolmentWindow | null {
  const rule = rules.inForce(rosterEnrolmentKey, day, areaCode);
  return rule && rule.value === 1 ? { from: rule.effectiveFrom, to: rule.effectiveTo } : null;
}

const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * Why the step may not be taken now, or null: the window closed on the step's day
 * (`enrol.window_closed`), paymentFrom missing or not a month (`enrol.payment_from`),
 * before the window's first month (`enrol.payment_before_window`) or after next month
 * (`enrol.payment_too_late`).
 */
export function rosterEnrolmentIssue(
  ctx: Pick<CaseStepContext, 'today'> & Partial<CaseStepContext>,
): FieldError | null {
  // A caller with the 低保 frame's bare context (no rules, no case) sees the window closed.
  const window = ctx.rules
    ? enrolmentWindow(ctx.rules, ctx.today, ctx.case?.areaCode ?? null)
    : null;
  if (!window) {
    return { path: 'status', code: 'enrol.window_closed', params: { day: ctx.today } };
  }
  const paymentFrom = ctx.enrolment?.paymentFrom ?? null;
  if (paymentFrom === null || !monthPattern.test(paymentFrom)) {
    return {
      path: 'paymentFrom',
      code: 'enrol.payment_from',
      params: { value: paymentFrom ?? '' },
    };
  }
  const first = monthOf(window.from);
  if (paymentFrom < first) {
    return {
      path: 'paymentFrom',
      code: 'enrol.payment_before_window',
      params: { paymentFrom, windowFrom: window.from, first },
    };
  }
  const last = addMonths(monthOf(ctx.today), 1);
  if (paymentFrom > last) {
    return { path: 'paymentFrom', code: 'enrol.payment_too_late', params: { paymentFrom, last } };
  }
  return null;
}

/** The oldest approval date a roster may carry; an older or unreadable one is the step's day. */
export const oldestRosterDecision = '2000-01-01';

/** decidedOn: the sheet's approval day when a date between 2000-01-01 and the step's day. */
export function enrolledDecisionDay(enrolment: RosterEnrolment | null | undefined, today: string) {
  const day = enrolment?.decidedOn ?? null;
  return day !== null && isIsoDate(day) && day >= oldestRosterDecision && day <= today
    ? day
    : today;
}

/**
 * HQ's second look at a 名册转入 step, as at a delegation: the window must still be open on
 * HQ's today too, so a step dated back into a window the county has since closed (a
 * forged op, or a desk that pushes after the close) is refused (`enrol.window_closed`).
 */
export function enrolmentClosedSince(
  rules: RuleBook,
  hqToday: string,
  areaCode: string | null,
): FieldError | null {
  return enrolmentWindow(rules, hqToday, areaCode)
    ? null
    : { path: 'status', code: 'enrol.window_closed', params: { day: hqToday } };
}
