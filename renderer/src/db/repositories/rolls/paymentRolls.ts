import { AppError } from '@shared/errors/appError';
import type { Programme } from '@shared/domain/assistanceCase';
import type { StoredRecord } from '@shared/records/envelope';
import { drawRoll } from '@shared/rolls/drawRoll';
import { rollHash } from '@shared/rolls/rollHash';
import type { PaymentRollData, RollUnpaidData } from '@shared/rolls/rollRecord';
import { rollDiffers, rollMonthIssues, rollWriteIssues } from '@shared/rolls/rollSteps';
import { officeToday } from '@shared/validation/dates';
import type { DeskDatabase } from '../../database';
import { requireRole } from '../../permissions';
import { paymentRollsTable, rollUnpaidTable } from '../../tables/rollTables';
import { write } from '../../writePath';
import type { WriteContext } from '../../writeContext';
import { rollInputs } from './rollInputs';

export type StoredRoll = StoredRecord<PaymentRollData>;

const refused = (code: string, message: string, params?: Record<string, string | number>) =>
  new AppError({
    code: 'invalid_transition',
    message,
    fieldErrors: [{ path: 'status', code, params }],
  });

/** The rolls of a programme for a month, newest version last. */
export async function rollsOfMonth(
  db: DeskDatabase,
  programme: Programme,
  month: string,
): Promise<StoredRoll[]> {
  const rows = await paymentRollsTable(db)
    .where('[programme+month]')
    .equals([programme, month])
    .toArray();
  return rows.filter((r) => !r.deleted).sort((a, b) => a.rollVersion - b.rollVersion);
}

export async function unpaidOfRoll(db: DeskDatabase, rollId: string) {
  const rows = await rollUnpaidTable(db).where('rollId').equals(rollId).toArray();
  return rows.filter((r) => !r.deleted);
}

/** Draws the month's roll from the desk's records: the draft redrawn, or a new version. */
export async function drawMonthRoll(
  db: DeskDatabase,
  ctx: WriteContext,
  programme: Programme,
  month: string,
): Promise<StoredRoll> {
  requireRole(ctx, ['registrar', 'supervisor'], 'draw payment rolls');
  const future = rollMonthIssues(month, officeToday(ctx.now()));
  if (future.length > 0) {
    throw new AppError({
      code: 'validation',
      message: 'The month has not come.',
      fieldErrors: future,
    });
  }
  const drawn = drawRoll(await rollInputs(db, programme, month));
  const hash = await rollHash(drawn.lines);
  const latest = (await rollsOfMonth(db, programme, month)).at(-1);
  return write(db, ctx, async (w) => {
    const content = { ...drawn, hash, status: 'draft' as const, drawnOn: w.today };
    if (latest && latest.status !== 'approved') {
      return w.update('paymentRoll', latest.id, latest.version, content);
    }
    return w.create('paymentRoll', {
      programme,
      month,
      rollVersion: (latest?.rollVersion ?? 0) + 1,
      ...content,
      approvedBy: null,
      approvedOn: null,
    });
  });
}

/**
 * Checked (by a registrar or supervisor) or approved and locked (by a supervisor, who
 * names the hash shown): only when drawing again now gives the same roll, and no
 * problem is left. The repository asks what HQ asks again.
 */
export async function advanceRoll(
  db: DeskDatabase,
  ctx: WriteContext,
  rollId: string,
  to: 'checked' | 'approved',
  shownHash?: string,
): Promise<StoredRoll> {
  requireRole(
    ctx,
    to === 'approved' ? ['supervisor'] : ['registrar', 'supervisor'],
    `mark rolls ${to}`,
  );
  const roll = await paymentRollsTable(db).get(rollId);
  if (!roll || roll.deleted) throw new AppError({ code: 'not_found', message: 'No such roll.' });
  const issues = rollWriteIssues(
    roll,
    { status: to },
    to === 'approved' ? 'supervisor' : ctx.actor.role,
  );
  if (issues.length > 0) {
    throw new AppError({ code: 'invalid_transition', message: 'Not now.', fieldErrors: issues });
  }
  if (roll.problems.length > 0)
    throw refused('roll.problems_open', 'Problems are open.', { count: roll.problems.length });
  if (to === 'approved' && shownHash !== roll.hash)
    throw refused('roll.hash_changed', 'The roll changed.');
  const drawn = drawRoll(await rollInputs(db, roll.programme, roll.month));
  if (rollDiffers(roll, drawn))
    throw refused('roll.stale', 'The records changed since it was drawn.');
  return write(db, ctx, (w) =>
    w.update(
      'paymentRoll',
      roll.id,
      roll.version,
      to === 'approved'
        ? { status: 'approved', approvedBy: ctx.actor.name, approvedOn: w.today }
        : { status: 'checked' },
    ),
  );
}

/** A line the bank reported unpaid on an approved roll: carried into the next roll. */
export async function markUnpaid(
  db: DeskDatabase,
  ctx: WriteContext,
  rollId: string,
  key: string,
  reason: string,
): Promise<StoredRecord<RollUnpaidData>> {
  requireRole(ctx, ['registrar', 'supervisor'], 'mark roll lines unpaid');
  const roll = await paymentRollsTable(db).get(rollId);
  if (!roll || roll.deleted || roll.status !== 'approved') {
    throw refused('roll.unpaid_not_approved', 'Only an approved roll is paid.');
  }
  if (!roll.lines.some((l) => l.key === key)) {
    throw new AppError({ code: 'not_found', message: 'No such line.' });
  }
  if ((await unpaidOfRoll(db, rollId)).some((u) => u.key === key)) {
    throw refused('roll.unpaid_twice', 'The line is marked unpaid already.');
  }
  return write(db, ctx, (w) => w.create('rollUnpaid', { rollId, key, reason }));
}
