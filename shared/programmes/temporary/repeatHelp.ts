/**
 * Repeated help (重复救助): a household helped by 临时救助 on day P is helped again
 * "within the window" when this case's day is at most `temporary.repeatWindowDays`
 * calendar days from P (P + window is inside, P + window + 1 outside). Such a second
 * help is not refused — a county may help a household again after a second disaster —
 * but it needs its explicit reason (`programmeFacts.repeatReason`), checked the same
 * at the desk's write path and at HQ.
 *
 * A case's help day: the day it was helped first (先行救助), else the day it was
 * approved. Only helps given before this case's own help count (the first help never
 * needs a reason, whatever comes after it). This case's day is its own help day once
 * helped, its application date before that (what the desk shows before saving).
 * A closed case (paid, denied, withdrawn) gives no help any more and is not judged: its
 * help was judged by the step that gave it, so paying an approved case never fails on a
 * help given since.
 */
import { addDays } from '../../calendar/dates';
import type { AssistanceCaseData } from '../../domain/assistanceCase';
import type { FieldError } from '../../errors/appError';
import type { RuleBook } from '../ruleBook';
import { temporaryFactsOf } from './facts';

type CaseWithId = AssistanceCaseData & { id: string };

/** The statuses of a case whose help was approved. */
const approvedStatuses: readonly string[] = ['approved', 'paid'];
const closedStatuses: readonly string[] = ['paid', 'denied', 'withdrawn'];

/** The day the household was helped by this case, or null (not helped). */
export function helpDayOf(c: AssistanceCaseData): string | null {
  if (c.helpedFirstOn !== null) return c.helpedFirstOn;
  return approvedStatuses.includes(c.status) ? c.decidedOn : null;
}

export interface PreviousHelp {
  caseId: string;
  helpedOn: string;
  /** The last day a new help counts as repeated. */
  windowEnd: string;
}

/** The latest earlier help of the household within the window of this case, or null. */
export function previousHelpInWindow(
  data: CaseWithId,
  others: readonly CaseWithId[],
  rules: RuleBook,
): PreviousHelp | null {
  const ownHelp = helpDayOf(data);
  const day = ownHelp ?? data.applicationDate;
  const window = rules.value('temporary.repeatWindowDays', day, data.areaCode);
  let found: PreviousHelp | null = null;
  for (const other of others) {
    if (other.id === data.id || other.programme !== 'temporary') continue;
    if (other.householdId !== data.householdId) continue;
    const helpedOn = helpDayOf(other);
    if (helpedOn === null) continue;
    if (ownHelp !== null && helpedOn > ownHelp) continue; // helped after this one
    const windowEnd = addDays(helpedOn, window);
    const near = day <= windowEnd && helpedOn <= addDays(day, window);
    if (near && (found === null || helpedOn > found.helpedOn)) {
      found = { caseId: other.id, helpedOn, windowEnd };
    }
  }
  return found;
}

/** `temporary.repeat_needs_reason` when a repeated help carries no reason. */
export function repeatHelpIssues(
  data: CaseWithId,
  others: readonly CaseWithId[],
  rules: RuleBook,
): FieldError[] {
  if (closedStatuses.includes(data.status)) return [];
  const previous = previousHelpInWindow(data, others, rules);
  if (previous === null) return [];
  const reason = temporaryFactsOf(data.programmeFacts)?.repeatReason ?? '';
  if (reason.trim() !== '') return [];
  return [
    {
      path: 'programmeFacts.repeatReason',
      code: 'temporary.repeat_needs_reason',
      params: {
        helpedOn: previous.helpedOn,
        windowEnd: previous.windowEnd,
        previousCaseId: previous.caseId,
      },
    },
  ];
}
