/**
 * 先行救助、后补手续: after help first the paperwork (investigation, the township's
 * opinion, the decision or the referral to the county) is due by `paperworkDue`, the
 * `temporary.paperworkWorkingDays`-th working day after the help (written by the step).
 * It is outstanding while the case is still at the township before its decision, and
 * overdue from the calendar day after paperworkDue.
 */
import type { AssistanceCaseData } from '../../domain/assistanceCase';

const paperworkPending: readonly string[] = ['helped_first', 'investigating', 'township_opinion'];

export type PaperworkState = 'none' | 'done' | 'pending' | 'overdue';

export function paperworkState(
  c: Pick<AssistanceCaseData, 'status' | 'helpedFirstOn' | 'paperworkDue'>,
  today: string,
): PaperworkState {
  if (c.helpedFirstOn === null || c.paperworkDue === null) return 'none';
  if (!paperworkPending.includes(c.status)) return 'done';
  return today > c.paperworkDue ? 'overdue' : 'pending';
}
