import { addMonths, firstDayOfMonth, monthOf } from '../calendar/dates';
import type { AssistanceCaseData } from '../domain/assistanceCase';
import type { CalcReference, ProgrammeModule } from '../programmes/types';

/**
 * Whether a case is paid in `month` ('YYYY-MM'):
 * - monthly: paymentFrom ≤ month ≤ paymentTo (null: open) — from the month after the
 *   approval to the end of the month it stopped — while in a paid status, or up to its
 *   paymentTo once ended (a stopped case is paid to the end of its last month);
 * - once (临时救助): the month it was decided, in a paid status;
 * - none (医疗救助): never.
 */
export function paidInMonth(
  module: ProgrammeModule,
  c: AssistanceCaseData,
  month: string,
): boolean {
  if (module.payment === 'monthly') {
    if (c.paymentFrom === null || c.paymentFrom > month) return false;
    if (c.paymentTo !== null) return month <= c.paymentTo;
    return module.paidStatuses.includes(c.status);
  }
  if (module.payment === 'once') {
    return (
      c.decidedOn !== null &&
      monthOf(c.decidedOn) === month &&
      module.paidStatuses.includes(c.status)
    );
  }
  return false;
}

/** The amount of a case for a month: that month's standard (its first day); once: its decision day. */
export function amountInMonth(
  module: ProgrammeModule,
  c: AssistanceCaseData,
  month: string,
  ref: CalcReference,
): number {
  const date =
    module.payment === 'once' && c.decidedOn !== null ? c.decidedOn : firstDayOfMonth(month);
  return module.calculate(c, date, ref).benefitFen;
}

export const previousMonth = (month: string) => addMonths(month, -1);
