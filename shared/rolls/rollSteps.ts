/**
 * What a write may do to a payment roll, the same at the desk's repository and at HQ:
 * a roll starts as a draft; only a draft or checked roll changes; it is checked from a
 * draft, approved from checked and only by a supervisor; an approved roll is locked —
 * a correction is a new roll version for the month, or an adjustment next month.
 */
import { addMonths, monthOf } from '../calendar/dates';
import type { FieldError } from '../errors/appError';
import { canonicalJson } from './rollHash';
import type { DrawnRoll } from './drawRoll';
import type { PaymentRollData } from './rollRecord';

export function rollWriteIssues(
  before: Pick<PaymentRollData, 'status'> | null,
  after: Pick<PaymentRollData, 'status'>,
  role: string,
): FieldError[] {
  if (before === null) {
    return after.status === 'draft' ? [] : [{ path: 'status', code: 'roll.starts_as_draft' }];
  }
  if (before.status === 'approved') return [{ path: 'status', code: 'roll.locked' }];
  if (after.status === 'approved') {
    if (role !== 'supervisor') return [{ path: 'status', code: 'roll.approve_role' }];
    if (before.status !== 'checked') return [{ path: 'status', code: 'roll.approve_unchecked' }];
  }
  return [];
}

/**
 * A roll stays the roll of its programme, month and version: moved to another month (or
 * version) a draft would become a second roll of a month already approved — HQ would draw
 * it exactly as the first and a supervisor could approve the month twice.
 */
export function rollIdentityIssues(
  before: Pick<PaymentRollData, 'programme' | 'month' | 'rollVersion'> | null,
  after: Pick<PaymentRollData, 'programme' | 'month' | 'rollVersion'>,
): FieldError[] {
  if (before === null) return [];
  return (['programme', 'month', 'rollVersion'] as const)
    .filter((f) => before[f] !== after[f])
    .map((path) => ({ path, code: 'roll.identity_fixed' }));
}

/**
 * A roll is drawn for a month that has come or the next one (prepared late in the month
 * before), never later: a roll locked for a far month pays cases before their month, on
 * figures that month may no longer have. `today`: the writer's office day.
 */
export function rollMonthIssues(month: string, today: string): FieldError[] {
  const latest = addMonths(monthOf(today), 1);
  return month > latest ? [{ path: 'month', code: 'roll.month_future', params: { latest } }] : [];
}

/** Whether a roll's lines, changes, problems and total are what drawRoll gives now. */
export function rollDiffers(roll: PaymentRollData, drawn: DrawnRoll): boolean {
  return (
    roll.totalFen !== drawn.totalFen ||
    canonicalJson(roll.lines) !== canonicalJson(drawn.lines) ||
    canonicalJson(roll.changes) !== canonicalJson(drawn.changes) ||
    canonicalJson(roll.problems) !== canonicalJson(drawn.problems)
  );
}

/**
 * A new roll of a month is the next version after the month's others, all approved: two
 * desks drawing the same month make one roll, not two that could both be paid.
 */
export function rollVersionIssues(
  roll: Pick<PaymentRollData, 'rollVersion'>,
  others: readonly Pick<PaymentRollData, 'rollVersion' | 'status'>[],
): FieldError[] {
  const next = Math.max(0, ...others.map((o) => o.rollVersion)) + 1;
  if (roll.rollVersion !== next || others.some((o) => o.status !== 'approved')) {
    return [{ path: 'rollVersion', code: 'roll.version_taken', params: { next } }];
  }
  return [];
}
