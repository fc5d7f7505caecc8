/**
 * Draws a programme's payment roll (发放花名册) for a month, the same at the desk and at
 * HQ (which recomputes every line from its own copy and refuses a roll that differs).
 * Pure: every fact comes in the input. Lines:
 * - new / continuing / adjusted: a monthly case paid this month (rollMonths.ts), its
 *   amount computed by its module under the month's standard; adjusted when it differs
 *   from the case's amount for the month before; with back pay or deduction for earlier
 *   months whose approved roll paid another amount or missed the case (adjustments);
 * - once: a one-off (临时救助) payment decided this month;
 * - carried: a line an earlier approved roll reported unpaid, paid to today's account.
 * The month's changes (新增, 停发, 调整) are listed apart; the checks are rollChecks.ts.
 */
import { monthOf } from '../calendar/dates';
import type { AssistanceCaseData, Programme } from '../domain/assistanceCase';
import { programmeModules } from '../programmes/registry';
import type { CalcReference, ProgrammeModule } from '../programmes/types';
import type { PayeeAccountData } from './payeeAccount';
import { rollProblems } from './rollChecks';
import { amountInMonth, paidInMonth, previousMonth } from './rollMonths';
import type {
  PaymentRollData,
  RollAdjustment,
  RollChange,
  RollLine,
  RollProblem,
  RollUnpaidData,
} from './rollRecord';

export interface RollPerson {
  id: string;
  name: string;
  idNumber: string;
  /** The date of death, when the registry knows one. */
  diedOn?: string | null;
}

export interface RollHousehold {
  id: string;
  headPersonId: string;
  headName: string;
  villageName: string;
}

export interface DrawRollInput {
  programme: Programme;
  month: string;
  /** The office (乡镇/街道) the roll is of. */
  township: string;
  /** The office's live cases of every programme (the double-payment check reads all). */
  cases: readonly { id: string; data: AssistanceCaseData }[];
  persons: readonly RollPerson[];
  households: readonly RollHousehold[];
  /** Live payee accounts; a person's newest (highest id) is used. */
  accounts: readonly { id: string; data: PayeeAccountData }[];
  reference: CalcReference;
  /** The office's earlier rolls of this programme (any status; approved ones count). */
  previousRolls: readonly { id: string; data: PaymentRollData }[];
  /** Lines the bank reported unpaid, on any earlier roll. */
  unpaid: readonly RollUnpaidData[];
  /** Tests may hand other modules; the registry's otherwise. */
  modules?: Readonly<Record<string, ProgrammeModule>>;
}

export interface DrawnRoll {
  lines: RollLine[];
  changes: RollChange[];
  problems: RollProblem[];
  totalFen: number;
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function drawRoll(input: DrawRollInput): DrawnRoll {
  const modules = input.modules ?? programmeModules;
  const module = modules[input.programme];
  if (!module) throw new Error(`No programme ${input.programme}.`);
  const { month, reference } = input;
  const persons = new Map(input.persons.map((p) => [p.id, p]));
  const households = new Map(input.households.map((h) => [h.id, h]));
  // Ids are UUIDv7 (time-ordered): a person's newest account wins, whatever the order given.
  const accounts = new Map(
    [...input.accounts]
      .sort((a, b) => byCodeUnits(a.id, b.id))
      .map((a) => [a.data.personId, a.data]),
  );
  const sortedCases = [...input.cases].sort((a, b) => byCodeUnits(a.id, b.id));
  const ownCases = sortedCases.filter((c) => c.data.programme === input.programme);
  const approved = latestApprovedByMonth(input.previousRolls, input.programme, month);

  const payee = (c: AssistanceCaseData) => {
    const household = households.get(c.householdId);
    const head = persons.get(household?.headPersonId ?? c.applicantPersonId);
    const account = accounts.get(c.applicantPersonId);
    return {
      township: input.township,
      village: household?.villageName ?? '',
      headName: household?.headName ?? c.applicantName,
      headIdNumber: head?.idNumber ?? '',
      payeePersonId: c.applicantPersonId,
      payeeName: persons.get(c.applicantPersonId)?.name ?? c.applicantName,
      coveredCount: c.coveredPersonIds.length,
      category: c.category,
      bankName: account?.bankName ?? '',
      accountNumber: account?.accountNumber ?? '',
      oneCard: account?.oneCard ?? false,
    };
  };

  const lines: RollLine[] = [];
  const changes: RollChange[] = [];
  const prev = previousMonth(month);
  for (const { id, data } of ownCases) {
    const paidNow =
      paidInMonth(module, data, month) || missedOneOff(module, id, data, month, approved);
    const paidBefore = module.payment === 'monthly' && paidInMonth(module, data, prev);
    const before = paidBefore ? amountInMonth(module, data, prev, reference) : 0;
    const headName = payee(data).headName;
    if (!paidNow) {
      if (paidBefore)
        changes.push({ kind: 'stopped', caseId: id, headName, fromFen: before, toFen: 0 });
      continue;
    }
    const monthlyFen = amountInMonth(module, data, month, reference);
    const adjustments =
      module.payment === 'monthly'
        ? adjustmentsOf(module, id, data, month, approved, reference)
        : [];
    const adjustFen = adjustments.reduce((sum, a) => sum + a.fen, 0);
    const kind =
      module.payment === 'once'
        ? 'once'
        : !paidBefore
          ? 'new'
          : before !== monthlyFen
            ? 'adjusted'
            : 'continuing';
    if (kind === 'new') changes.push({ kind, caseId: id, headName, fromFen: 0, toFen: monthlyFen });
    if (kind === 'adjusted') {
      changes.push({ kind, caseId: id, headName, fromFen: before, toFen: monthlyFen });
    }
    lines.push({
      key: id,
      kind,
      caseId: id,
      ...payee(data),
      monthlyFen,
      adjustments,
      adjustFen,
      paidFen: monthlyFen + adjustFen,
      carriedFrom: null,
      note: '',
    });
  }
  lines.push(...carriedLines(input, approved, accounts));
  lines.sort(
    (a, b) =>
      byCodeUnits(a.village, b.village) ||
      byCodeUnits(a.headName, b.headName) ||
      byCodeUnits(a.key, b.key),
  );
  changes.sort((a, b) => byCodeUnits(a.kind, b.kind) || byCodeUnits(a.caseId, b.caseId));
  const problems = rollProblems({ ...input, cases: sortedCases, module, modules, lines, persons });
  return { lines, changes, problems, totalFen: lines.reduce((sum, l) => sum + l.paidFen, 0) };
}

interface ApprovedRoll {
  id: string;
  data: PaymentRollData;
  /** Its lines by key (a roll of thousands of lines is looked up once per case and month). */
  byKey: Map<string, RollLine>;
}
type ApprovedRolls = Map<string, ApprovedRoll>;

/** The approved roll in force for each earlier month (the highest roll version). */
function latestApprovedByMonth(
  rolls: DrawRollInput['previousRolls'],
  programme: string,
  month: string,
): ApprovedRolls {
  const found: ApprovedRolls = new Map();
  for (const roll of rolls) {
    const r = roll.data;
    if (r.programme !== programme || r.status !== 'approved' || r.month >= month) continue;
    const held = found.get(r.month);
    if (!held || held.data.rollVersion < r.rollVersion) {
      found.set(r.month, { ...roll, byKey: new Map(r.lines.map((l) => [l.key, l])) });
    }
  }
  return found;
}

/**
 * A one-off (临时救助) due on the roll of an earlier month whose approved roll does not
 * hold it — decided after that roll was locked — and still unpaid: due on this roll, or
 * it would never be paid. Once a later approved roll holds it, it is not due again.
 */
function missedOneOff(
  module: ProgrammeModule,
  caseId: string,
  data: AssistanceCaseData,
  month: string,
  approved: ApprovedRolls,
): boolean {
  if (module.payment !== 'once') return false;
  const payment = module.oneOffPayment?.(data);
  if (payment?.mode !== 'roll' || payment.paidOn !== null || payment.month >= month) return false;
  if (!approved.has(payment.month)) return false; // its own month's roll is still to come
  return ![...approved].some(([m, roll]) => m >= payment.month && roll.byKey.has(caseId));
}

/**
 * Back pay or deduction for each earlier month with an approved roll, from the month the
 * case's benefit is computed for: what the case is owed for it now (its module under that
 * month's standard, 0 if not paid then) less what that roll paid and what later rolls
 * already adjusted for it.
 */
function adjustmentsOf(
  module: ProgrammeModule,
  caseId: string,
  data: AssistanceCaseData,
  month: string,
  approved: ApprovedRolls,
  reference: CalcReference,
): RollAdjustment[] {
  const result: RollAdjustment[] = [];
  const months = [...approved.keys()].sort(byCodeUnits);
  for (const m of months) {
    if (data.paymentFrom === null || m < data.paymentFrom) continue;
    // The case's figures are those of the date its benefit is computed for (a decision,
    // a review, an approved recomputation): a month before it was paid on the figures of
    // its day, and a review does not reach back into months already paid.
    if (m < monthOf(data.benefit.computedForDate)) continue;
    const owed = paidInMonth(module, data, m) ? amountInMonth(module, data, m, reference) : 0;
    const line = approved.get(m)?.byKey.get(caseId);
    let paid = line?.monthlyFen ?? 0;
    for (const later of months) {
      if (later <= m) continue;
      const laterLine = approved.get(later)?.byKey.get(caseId);
      for (const a of laterLine?.adjustments ?? []) if (a.month === m) paid += a.fen;
    }
    const fen = owed - paid;
    if (fen === 0) continue;
    const reason = !line ? 'missed_month' : owed === 0 ? 'overpaid' : 'amount_changed';
    result.push({ month: m, fen, reason });
  }
  return result;
}

/** Lines reported unpaid on an earlier approved roll and not carried by a later one. */
function carriedLines(
  input: DrawRollInput,
  approved: ApprovedRolls,
  accounts: Map<string, PayeeAccountData>,
): RollLine[] {
  const carriedAlready = new Set<string>();
  for (const roll of approved.values()) {
    for (const l of roll.data.lines) {
      if (l.carriedFrom) carriedAlready.add(`${l.carriedFrom.rollId}|${l.carriedFrom.key}`);
    }
  }
  const lines: RollLine[] = [];
  const seen = new Set<string>();
  for (const u of input.unpaid) {
    const roll = [...approved.values()].find((r) => r.id === u.rollId);
    const line = roll?.byKey.get(u.key);
    const mark = `${u.rollId}|${u.key}`;
    if (!roll || !line || carriedAlready.has(mark) || seen.has(mark)) continue;
    seen.add(mark);
    const account = accounts.get(line.payeePersonId);
    lines.push({
      ...line,
      key: `carried:${roll.id}:${line.key}`,
      kind: 'carried',
      bankName: account?.bankName ?? '',
      accountNumber: account?.accountNumber ?? '',
      oneCard: account?.oneCard ?? false,
      carriedFrom: { rollId: roll.id, key: line.key, month: roll.data.month },
      note: u.reason,
    });
  }
  return lines;
}
