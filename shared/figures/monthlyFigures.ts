/**
 * The county's monthly figures (月度统计, issue #14 item 5) by programme and office, from
 * the records as they stand: the same function at HQ's console and, if a desk wants the
 * same figures, at the desk. Definitions (docs/console.md "Rolls and figures"):
 * - in payment: the case is paid in the month by the roll's own rule (paidInMonth,
 *   rollMonths.ts) — monthly: paymentFrom ≤ month ≤ paymentTo, or an open paymentTo
 *   while in a paid status; once (临时救助): its one-off belongs to the month, on the
 *   roll or handed over first (先行救助);
 * - people covered: the distinct covered persons of the cases in payment;
 * - new: monthly — paymentFrom is the month; once — every one-off of the month; a
 *   successor case (previousCaseId) carrying on a household paid the month before is
 *   not new;
 * - stopped: monthly — paymentTo is the month (its last paid month); a case whose
 *   successor is paid the next month is not stopped; once — never;
 * - paid: the month's roll in force (the highest approved version) minus the lines the
 *   bank reported unpaid, plus one-offs handed over in cash that month.
 * Deleted records count nowhere.
 */
import { addMonths } from '../calendar/dates';
import { programmes, type AssistanceCaseData, type Programme } from '../domain/assistanceCase';
import { programmeModules } from '../programmes/registry';
import type { ProgrammeModule } from '../programmes/types';
import { paidInMonth } from '../rolls/rollMonths';
import type { PaymentRollData, RollStatus, RollUnpaidData } from '../rolls/rollRecord';

interface OfficeRecord<T> {
  id: string;
  officeId: string;
  deleted?: boolean;
  data: T;
}

export type FigureCase = OfficeRecord<AssistanceCaseData>;
export type FigureRoll = OfficeRecord<
  Pick<PaymentRollData, 'programme' | 'month' | 'rollVersion' | 'status' | 'totalFen' | 'lines'>
>;
export type FigureUnpaid = OfficeRecord<Pick<RollUnpaidData, 'rollId' | 'key'>>;

export interface FiguresInput {
  /** Every office to report, even one without a case (its rows are zeros). */
  offices: readonly string[];
  cases: readonly FigureCase[];
  rolls: readonly FigureRoll[];
  unpaid: readonly FigureUnpaid[];
  /** Tests may hand other modules; the registry's otherwise. */
  modules?: Readonly<Record<string, ProgrammeModule>>;
}

export interface FigureRow {
  programme: Programme;
  /** '' on a total row (every office). */
  officeId: string;
  casesInPayment: number;
  peopleCovered: number;
  newCases: number;
  stoppedCases: number;
  /** The newest roll of the month, whatever its state; 'none' without one. */
  rollStatus: RollStatus | 'none';
  /** The roll in force (highest approved version), null when none is approved. */
  rollVersion: number | null;
  rollFen: number;
  unpaidFen: number;
  cashFen: number;
  paidFen: number;
}

export interface MonthlyFigures {
  month: string;
  /** One row per programme and office, programmes in registry order, offices as given. */
  rows: FigureRow[];
  /** One row per programme over every office (officeId ''). */
  totals: FigureRow[];
}

const emptyRow = (programme: Programme, officeId: string): FigureRow => ({
  programme,
  officeId,
  casesInPayment: 0,
  peopleCovered: 0,
  newCases: 0,
  stoppedCases: 0,
  rollStatus: 'none',
  rollVersion: null,
  rollFen: 0,
  unpaidFen: 0,
  cashFen: 0,
  paidFen: 0,
});

export function monthlyFigures(input: FiguresInput, month: string): MonthlyFigures {
  const modules = input.modules ?? programmeModules;
  const cases = input.cases.filter((c) => !c.deleted);
  const byId = new Map(cases.map((c) => [`${c.officeId}/${c.id}`, c]));
  const successors = new Map(
    cases
      .filter((c) => c.data.previousCaseId !== null)
      .map((c) => [`${c.officeId}/${c.data.previousCaseId}`, c]),
  );
  const paid = (c: FigureCase | undefined, m: string) => {
    const module = c ? modules[c.data.programme] : undefined;
    return c !== undefined && module !== undefined && inPayment(module, c.data, m);
  };
  const grouped = new Map<string, FigureCase[]>();
  for (const c of cases) {
    const key = `${c.officeId}/${c.data.programme}`;
    const list = grouped.get(key);
    if (list) list.push(c);
    else grouped.set(key, [c]);
  }
  const rows = programmes.flatMap((programme) =>
    input.offices.map((officeId) => {
      const row = emptyRow(programme, officeId);
      const module = modules[programme];
      if (!module) return row;
      const own = grouped.get(`${officeId}/${programme}`) ?? [];
      const inPayment = own.filter((c) => paid(c, month));
      const people = new Set(inPayment.flatMap((c) => c.data.coveredPersonIds));
      row.casesInPayment = inPayment.length;
      row.peopleCovered = people.size;
      if (module.payment === 'once') {
        row.newCases = inPayment.length;
        for (const c of inPayment) {
          const oneOff = module.oneOffPayment?.(c.data);
          if (oneOff?.mode === 'handedOver') row.cashFen += oneOff.amountFen;
        }
      } else {
        const before = (c: FigureCase) =>
          paid(byId.get(`${officeId}/${c.data.previousCaseId ?? ''}`), addMonths(month, -1));
        const after = (c: FigureCase) =>
          paid(successors.get(`${officeId}/${c.id}`), addMonths(month, 1));
        row.newCases = inPayment.filter((c) => c.data.paymentFrom === month && !before(c)).length;
        row.stoppedCases = inPayment.filter((c) => c.data.paymentTo === month && !after(c)).length;
      }
      rollFigures(row, input, month);
      row.paidFen = row.rollFen - row.unpaidFen + row.cashFen;
      return row;
    }),
  );
  const totals = programmes.map((programme) =>
    rows
      .filter((r) => r.programme === programme)
      .reduce((sum, r) => addRow(sum, r), emptyRow(programme, '')),
  );
  return { month, rows, totals };
}

/** The roll's rule (paidInMonth); a one-off handed over first counts in its month too. */
function inPayment(module: ProgrammeModule, c: AssistanceCaseData, month: string): boolean {
  if (module.payment === 'once') return module.oneOffPayment?.(c)?.month === month;
  return paidInMonth(module, c, month);
}

/** The month's rolls of the row's office and programme: state, roll in force, unpaid lines. */
function rollFigures(row: FigureRow, input: FiguresInput, month: string) {
  const rolls = input.rolls.filter(
    (r) =>
      !r.deleted &&
      r.officeId === row.officeId &&
      r.data.programme === row.programme &&
      r.data.month === month,
  );
  const newest = rolls.reduce<FigureRoll | null>(
    (best, r) => (best === null || r.data.rollVersion > best.data.rollVersion ? r : best),
    null,
  );
  row.rollStatus = newest?.data.status ?? 'none';
  const inForce = rolls
    .filter((r) => r.data.status === 'approved')
    .reduce<FigureRoll | null>(
      (best, r) => (best === null || r.data.rollVersion > best.data.rollVersion ? r : best),
      null,
    );
  if (!inForce) return;
  row.rollVersion = inForce.data.rollVersion;
  row.rollFen = inForce.data.totalFen;
  const unpaidKeys = new Set(
    input.unpaid
      .filter((u) => !u.deleted && u.officeId === row.officeId && u.data.rollId === inForce.id)
      .map((u) => u.data.key),
  );
  row.unpaidFen = inForce.data.lines
    .filter((l) => unpaidKeys.has(l.key))
    .reduce((sum, l) => sum + l.paidFen, 0);
}

/** A total row: counts and amounts add; it has no roll of its own (state 'none'). */
function addRow(sum: FigureRow, r: FigureRow): FigureRow {
  return {
    ...sum,
    casesInPayment: sum.casesInPayment + r.casesInPayment,
    peopleCovered: sum.peopleCovered + r.peopleCovered,
    newCases: sum.newCases + r.newCases,
    stoppedCases: sum.stoppedCases + r.stoppedCases,
    rollVersion: null,
    rollFen: sum.rollFen + r.rollFen,
    unpaidFen: sum.unpaidFen + r.unpaidFen,
    cashFen: sum.cashFen + r.cashFen,
    paidFen: sum.paidFen + r.paidFen,
  };
}

/** The `count` months ending with `month`, oldest first (the charts' last 12 months). */
export function monthsEndingWith(month: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addMonths(month, i - count + 1));
}

/** Paid amounts per programme over every office for each month (the chart's series). */
export function paidByMonth(
  input: FiguresInput,
  months: readonly string[],
): { month: string; paidFen: Record<Programme, number> }[] {
  return months.map((month) => {
    const { totals } = monthlyFigures(input, month);
    const paidFen = Object.fromEntries(totals.map((t) => [t.programme, t.paidFen]));
    return { month, paidFen: paidFen as Record<Programme, number> };
  });
}
