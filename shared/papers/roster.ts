/**
 * 花名册: a programme's roster for a month, as the office hands it in — every case paid
 * in the month, grouped by village with each village's totals and the overall total.
 * The month's roll is the truth of what was paid: when one is approved (the highest
 * approved version), the roster is its lines and amounts. Without one, it is the cases
 * the roll's own rule pays in the month (paidInMonth, rollMonths.ts) with their current
 * amounts, and the paper says 未审定. 临时救助 lists its one-offs of the month: those on
 * the roll and those handed over first in cash (先行救助), which no roll carries.
 *
 * An internal file for the county: the heads' full ID numbers are printed, so the
 * renderer shows them masked and prints them only through the logged output (as the
 * 审批表 does).
 */
import type { AssistanceCaseData, Programme } from '../domain/assistanceCase';
import { programmeModules } from '../programmes/registry';
import type { ProgrammeModule } from '../programmes/types';
import { paidInMonth } from '../rolls/rollMonths';
import type { PaymentRollData, RollLineKind } from '../rolls/rollRecord';

export interface RosterInput {
  programme: Programme;
  month: string;
  officeName: string;
  /** The office's live cases (any programme; only the roster's own are read). */
  cases: readonly { id: string; data: AssistanceCaseData }[];
  households: readonly {
    id: string;
    headPersonId: string;
    headName: string;
    villageName: string;
  }[];
  persons: readonly { id: string; idNumber: string }[];
  /** The office's live rolls (any programme and month; only this month's are read). */
  rolls: readonly {
    id: string;
    data: Pick<PaymentRollData, 'programme' | 'month' | 'rollVersion' | 'status' | 'lines'>;
  }[];
  /** Tests may hand other modules; the registry's otherwise. */
  modules?: Readonly<Record<string, ProgrammeModule>>;
}

/** How a row was paid: a roll line's kind, a case's current amount, or cash first. */
export type RosterRowKind = RollLineKind | 'current' | 'handedOver';

export interface RosterRow {
  key: string;
  caseId: string;
  village: string;
  headName: string;
  headIdNumber: string;
  coveredCount: number;
  /** The case's area category (urban/rural), shown with the programme (城市低保 …). */
  category: string;
  amountFen: number;
  kind: RosterRowKind;
}

export interface RosterTotals {
  /** Distinct cases (a case paid twice, e.g. a carried line, counts once). */
  households: number;
  /** People covered by those cases. */
  covered: number;
  amountFen: number;
}

export interface RosterVillage extends RosterTotals {
  village: string;
  rows: RosterRow[];
}

export interface RosterPaper {
  kind: 'roster';
  officeName: string;
  programme: Programme;
  month: string;
  /** 'roll': the approved roll's lines; 'unapproved': the cases' current amounts (未审定). */
  source: 'roll' | 'unapproved';
  rollVersion: number | null;
  villages: RosterVillage[];
  total: RosterTotals;
}

const zh = (a: string, b: string) => a.localeCompare(b, 'zh-Hans-CN');

export function buildRoster(input: RosterInput): RosterPaper {
  const modules = input.modules ?? programmeModules;
  const module = modules[input.programme];
  if (!module) throw new Error(`No programme ${input.programme}.`);
  const inForce = input.rolls
    .filter(
      (r) =>
        r.data.programme === input.programme &&
        r.data.month === input.month &&
        r.data.status === 'approved',
    )
    .reduce<RosterInput['rolls'][number] | null>(
      (best, r) => (best === null || r.data.rollVersion > best.data.rollVersion ? r : best),
      null,
    );
  const rows = inForce
    ? [
        ...inForce.data.lines.map((l): RosterRow => ({
          key: l.key,
          caseId: l.caseId,
          village: l.village,
          headName: l.headName,
          headIdNumber: l.headIdNumber,
          coveredCount: l.coveredCount,
          category: l.category,
          amountFen: l.paidFen,
          kind: l.kind,
        })),
        ...caseRows(input, module, true),
      ]
    : caseRows(input, module, false);
  return {
    kind: 'roster',
    officeName: input.officeName,
    programme: input.programme,
    month: input.month,
    source: inForce ? 'roll' : 'unapproved',
    rollVersion: inForce?.data.rollVersion ?? null,
    ...groupByVillage(rows),
  };
}

/**
 * The cases paid in the month by the roll's rule, with their current amounts; with an
 * approved roll (`cashOnly`) only the one-offs handed over in cash, which no roll has.
 */
function caseRows(input: RosterInput, module: ProgrammeModule, cashOnly: boolean): RosterRow[] {
  const households = new Map(input.households.map((h) => [h.id, h]));
  const persons = new Map(input.persons.map((p) => [p.id, p]));
  return input.cases.flatMap(({ id, data: c }): RosterRow[] => {
    if (c.programme !== input.programme) return [];
    const oneOff = module.payment === 'once' ? (module.oneOffPayment?.(c) ?? null) : null;
    const handedOver = oneOff?.mode === 'handedOver' && oneOff.month === input.month;
    if (cashOnly ? !handedOver : !handedOver && !paidInMonth(module, c, input.month)) return [];
    const household = households.get(c.householdId);
    const head = persons.get(household?.headPersonId ?? c.applicantPersonId);
    return [
      {
        key: id,
        caseId: id,
        village: household?.villageName ?? '',
        headName: household?.headName ?? c.applicantName,
        headIdNumber: head?.idNumber ?? '',
        coveredCount: c.coveredPersonIds.length,
        category: c.category,
        amountFen: oneOff ? oneOff.amountFen : c.benefit.benefitFen,
        kind: handedOver ? 'handedOver' : 'current',
      },
    ];
  });
}

function totalsOf(rows: readonly RosterRow[]): RosterTotals {
  const counted = new Map<string, number>();
  for (const r of rows) if (!counted.has(r.caseId)) counted.set(r.caseId, r.coveredCount);
  return {
    households: counted.size,
    covered: [...counted.values()].reduce((sum, n) => sum + n, 0),
    amountFen: rows.reduce((sum, r) => sum + r.amountFen, 0),
  };
}

/** Villages in Chinese order (an unnamed village last), rows by head's name within. */
function groupByVillage(rows: readonly RosterRow[]) {
  const byVillage = new Map<string, RosterRow[]>();
  for (const r of rows) {
    const list = byVillage.get(r.village);
    if (list) list.push(r);
    else byVillage.set(r.village, [r]);
  }
  const villages = [...byVillage.entries()]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : zh(a, b)))
    .map(([village, list]): RosterVillage => {
      const sorted = [...list].sort(
        (a, b) => zh(a.headName, b.headName) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
      );
      return { village, rows: sorted, ...totalsOf(sorted) };
    });
  return { villages, total: totalsOf(rows) };
}
