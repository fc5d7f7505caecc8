import type { Kysely } from 'kysely';
import type { Programme } from '@shared/domain/assistanceCase';
import { AppError } from '@shared/errors/appError';
import { maskIdNumber } from '@shared/identity/residentId';
import { rollHash } from '@shared/rolls/rollHash';
import type { PaymentRollData, RollUnpaidData } from '@shared/rolls/rollRecord';
import type { HqTables } from '../../db/schema';
import { loadRecord, officesHolding } from '../../store/recordStore';
import { liveRecords, officeNames } from '../queue/caseRows';

export interface RollFilter {
  office?: string;
  month?: string;
  programme?: Programme;
}

export interface RollSummary {
  id: string;
  officeId: string;
  officeName: string;
  programme: string;
  month: string;
  rollVersion: number;
  status: PaymentRollData['status'];
  hash: string;
  drawnOn: string;
  approvedBy: string | null;
  approvedOn: string | null;
  lineCount: number;
  coveredCount: number;
  totalFen: number;
  problemCount: number;
}

const summaryOf = (
  r: { id: string; officeId: string; data: PaymentRollData },
  names: Map<string, string>,
): RollSummary => ({
  id: r.id,
  officeId: r.officeId,
  officeName: names.get(r.officeId) ?? r.officeId,
  programme: r.data.programme,
  month: r.data.month,
  rollVersion: r.data.rollVersion,
  status: r.data.status,
  hash: r.data.hash,
  drawnOn: r.data.drawnOn,
  approvedBy: r.data.approvedBy,
  approvedOn: r.data.approvedOn,
  lineCount: r.data.lines.length,
  coveredCount: r.data.lines.reduce((sum, l) => sum + l.coveredCount, 0),
  totalFen: r.data.totalFen,
  problemCount: r.data.problems.length,
});

/**
 * 发放名册: every office's payment rolls as the desks pushed them (HQ's authority took
 * each one: rollAuthority.ts), newest month first; filtered by office, month, programme.
 */
export async function listRolls(db: Kysely<HqTables>, filter: RollFilter) {
  const [rolls, names] = await Promise.all([
    liveRecords<PaymentRollData>(db, 'paymentRoll', filter.office ? [filter.office] : undefined),
    officeNames(db),
  ]);
  const shown = rolls
    .filter(
      (r) =>
        (!filter.month || r.data.month === filter.month) &&
        (!filter.programme || r.data.programme === filter.programme),
    )
    .map((r) => summaryOf(r, names))
    .sort(
      (a, b) =>
        b.month.localeCompare(a.month) ||
        a.officeName.localeCompare(b.officeName, 'zh-CN') ||
        a.programme.localeCompare(b.programme) ||
        b.rollVersion - a.rollVersion,
    );
  return {
    rolls: shown,
    offices: [...names].map(([id, name]) => ({ id, name })),
  };
}

/** An account number shown by its last 4 digits only. */
export const maskAccount = (account: string) =>
  account.length <= 4 ? '****' : `****${account.slice(-4)}`;

/**
 * One roll: its lines with names, ID numbers masked (first 6 + last 4) and account
 * numbers to their last 4, the lines the bank reported unpaid, the totals, and whether
 * its hash is still the SHA-256 of its lines.
 */
export async function rollDetail(db: Kysely<HqTables>, rollId: string) {
  const offices = await officesHolding(db, 'paymentRoll', rollId);
  const found =
    offices.length === 1 && offices[0]
      ? await loadRecord(db, offices[0], 'paymentRoll', rollId)
      : null;
  if (!found || found.deleted) {
    throw new AppError({
      code: 'not_found',
      message: `No roll ${rollId}.`,
      fieldErrors: [{ path: 'rollId', code: 'console.roll_unknown' }],
    });
  }
  const roll = {
    id: found.id,
    officeId: found.officeId,
    data: found.data as unknown as PaymentRollData,
  };
  const unpaid = (await liveRecords<RollUnpaidData>(db, 'rollUnpaid', [roll.officeId])).filter(
    (u) => u.data.rollId === rollId,
  );
  const unpaidReason = new Map(unpaid.map((u) => [u.data.key, u.data.reason]));
  const lines = roll.data.lines.map((l, index) => ({
    number: index + 1,
    key: l.key,
    kind: l.kind,
    village: l.village,
    headName: l.headName,
    headIdNumberMasked: maskIdNumber(l.headIdNumber),
    payeeName: l.payeeName,
    coveredCount: l.coveredCount,
    category: l.category,
    monthlyFen: l.monthlyFen,
    adjustFen: l.adjustFen,
    paidFen: l.paidFen,
    bankName: l.bankName,
    accountMasked: maskAccount(l.accountNumber),
    note: l.note,
    unpaidReason: unpaidReason.get(l.key) ?? null,
  }));
  const sum = (pick: (l: (typeof lines)[number]) => number) =>
    lines.reduce((total, l) => total + pick(l), 0);
  return {
    ...summaryOf(roll, await officeNames(db)),
    hashMatches: (await rollHash(roll.data.lines)) === roll.data.hash,
    lines,
    changes: roll.data.changes,
    problems: roll.data.problems,
    totals: {
      lines: lines.length,
      coveredCount: sum((l) => l.coveredCount),
      monthlyFen: sum((l) => l.monthlyFen),
      adjustFen: sum((l) => l.adjustFen),
      paidFen: sum((l) => l.paidFen),
      unpaidFen: sum((l) => (l.unpaidReason === null ? 0 : l.paidFen)),
    },
  };
}
