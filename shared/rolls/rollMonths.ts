import { addMonths, firstDayOfMonth } from '../calendar/dates';
import type { AssistanceCaseData } from '../domain/assistanceCase';
import type { CalcReference, ProgrammeModule } from '../programmes/types';

/**
 * Whether a case is paid in `month` ('YYYY-MM'):
 * - monthly: paymentFrom ≤ month ≤ paymentTo (null: open) — from the month after the
 *   approval to the end of the month it stopped — while in a paid status, or up to its
 *   paymentTo once ended (a stopped case is paid to the end of its last month);
 * - once (临时救助): the month its module says the one-off is due on the roll (help handed
 *   over first, 先行救助, was paid in cash and is not on a bank roll);
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
    const payment = module.oneOffPayment?.(c);
    return payment?.mode === 'roll' && payment.month === month;
  }
  return false;
}

/**
 * The amount of a case for a month: that month's standard (its first day); once: the
 * amount its module says is due (the case's decided amount, checked at HQ when saved).
 */
export function amountInMonth(
  module: ProgrammeModule,
  c: AssistanceCaseData,
  month: string,
  ref: CalcReference,
): number {
  if (module.payment === 'once') return module.oneOffPayment?.(c)?.amountFen ?? 0;
  return module.calculate(c, firstDayOfMonth(month), ref).benefitFen;
}

export const previousMonth = (month: string) => addMonths(month, -1);
