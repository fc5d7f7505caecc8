/**
 * 动态管理: when a case's next review falls due. The interval depends on the case: a
 * household whose income is unstable (casual work, seasonal farming — the programme
 * fact `incomeUnstable`, set at the application or corrected during a review) is
 * reviewed every `<programme>.reviewMonthsUnstable` months, a stable one every
 * `<programme>.reviewMonths` (samples 6 and 12). The engine's 'approved' and
 * 'reviewed' marks write `reviewDue` from it (caseEngine.ts), at the desk and at HQ.
 */
import { addMonthsToDate } from '../calendar/dates';
import type { AssistanceCaseData } from '../domain/assistanceCase';
import type { RuleBook, RuleSpec } from '../programmes/ruleBook';

/** Whether the case's facts say its income is unstable (absent: stable). */
export function incomeUnstableOf(data: Pick<AssistanceCaseData, 'programmeFacts'>): boolean {
  return data.programmeFacts?.incomeUnstable === true;
}

/** The rule keys a programme with reviews declares. */
export function reviewRuleSpecs(programme: string): Record<string, RuleSpec> {
  return {
    [`${programme}.reviewMonths`]: { unit: 'months', min: 1, max: 36, sample: 12 },
    [`${programme}.reviewMonthsUnstable`]: { unit: 'months', min: 1, max: 36, sample: 6 },
  };
}

/** Months from a decision or review to the next review of this case. */
export function reviewMonthsOf(
  programme: string,
  data: Pick<AssistanceCaseData, 'programmeFacts' | 'areaCode'>,
  rules: RuleBook,
  today: string,
): number {
  const key = incomeUnstableOf(data) ? 'reviewMonthsUnstable' : 'reviewMonths';
  return rules.value(`${programme}.${key}`, today, data.areaCode);
}

/** The day the next review falls due: the same day `months` on, or that month's last day. */
export function nextReviewDue(today: string, months: number): string {
  return addMonthsToDate(today, months);
}
