/**
 * The one-off payment of a 临时救助 case, for the month's payment roll (issue #13 §6):
 * an approved case is paid once, its amount the case's computed amount. A case helped
 * first (先行救助) was handed its help on helpedFirstOn, in cash or kind with a receipt:
 * it is listed with that day and never paid again by the bank. Any other approved case
 * is due on the roll of the month it was approved, until the `pay` step records it paid
 * (endedOn). Denied, withdrawn and undecided cases pay nothing by the roll.
 */
import { monthOf } from '../../calendar/dates';
import type { AssistanceCaseData } from '../../domain/assistanceCase';

export interface OneOffPayment {
  amountFen: number;
  /** 'handedOver': helped first, already paid; 'roll': paid through the roll. */
  mode: 'handedOver' | 'roll';
  /** The roll month the payment belongs to ('YYYY-MM'). */
  month: string;
  /** The day it was paid, null while a roll payment is still due. */
  paidOn: string | null;
}

export function oneOffPaymentOf(
  c: Pick<AssistanceCaseData, 'status' | 'benefit' | 'helpedFirstOn' | 'decidedOn' | 'endedOn'>,
): OneOffPayment | null {
  const amountFen = c.benefit.benefitFen;
  // Help handed over stays paid whatever the paperwork decides (a refusal after it
  // is recovered outside the desk, not unpaid).
  if (c.helpedFirstOn !== null) {
    return {
      amountFen,
      mode: 'handedOver',
      month: monthOf(c.helpedFirstOn),
      paidOn: c.helpedFirstOn,
    };
  }
  if ((c.status !== 'approved' && c.status !== 'paid') || c.decidedOn === null) return null;
  return {
    amountFen,
    mode: 'roll',
    month: monthOf(c.decidedOn),
    paidOn: c.status === 'paid' ? c.endedOn : null,
  };
}
