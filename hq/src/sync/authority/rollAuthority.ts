import { officeToday } from '@shared/validation/dates';
import { programmes, type AssistanceCaseData, type Programme } from '@shared/domain/assistanceCase';
import type { HouseholdData } from '@shared/domain/household';
import type { PersonData } from '@shared/domain/person';
import type { AppErrorData, FieldError } from '@shared/errors/appError';
import { drawRoll, type DrawRollInput } from '@shared/rolls/drawRoll';
import type { PayeeAccountData } from '@shared/rolls/payeeAccount';
import { rollHash } from '@shared/rolls/rollHash';
import type { PaymentRollData, RollUnpaidData } from '@shared/rolls/rollRecord';
import {
  rollDiffers,
  rollIdentityIssues,
  rollMonthIssues,
  rollVersionIssues,
  rollWriteIssues,
} from '@shared/rolls/rollSteps';
import type { QueueEntry } from '@shared/sync/queueEntry';
import { loadRecordsOfKinds } from '../../store/recordStore';
import { approvalStampIssues } from '@shared/authority/approvalStamp';
import { actorNameAtHq } from './actor';
import type { AuthorityContext } from './context';
import type { Authorized } from './opAuthority';

/**
 * A pushed payment roll, judged with HQ's own records: it starts as a draft, only a
 * supervisor approves it (from checked), an approved roll is never changed; its hash is
 * the SHA-256 of its lines; and a checked or approved roll is what HQ draws itself from
 * its copy of the office's cases, persons, accounts, earlier rolls and the county's
 * reference — lines, changes, problems and total — with no problem left when approved.
 * A line reported unpaid names a line of an approved roll, once.
 */
export function rollAuthority(
  ctx: AuthorityContext,
  op: QueueEntry,
): Promise<Authorized | { refusal: AppErrorData }> | Authorized | { refusal: AppErrorData } {
  if (op.kind === 'rollUnpaid') return unpaidAuthority(ctx, op);
  if (op.op === 'delete')
    return refuse('A roll is never deleted.', [{ path: 'record', code: 'roll.not_deletable' }]);
  return {
    change: op,
    checkMerged: async (state) => {
      const before = await ctx.work.load(ctx.officeId, 'paymentRoll', op.recordId);
      const roll = state.data as unknown as PaymentRollData;
      const held = before && !before.deleted ? (before.data as unknown as PaymentRollData) : null;
      const steps = [
        ...rollWriteIssues(held, roll, op.actor.role),
        ...rollIdentityIssues(held, roll),
      ];
      if (steps.length > 0) return refusal('The roll may not change so.', steps);
      // The approver is the op's own actor, on the op's own day.
      const stamp = approvalStampIssues(held, roll, {
        actorName: await actorNameAtHq(ctx, op),
        day: opOfficeDay(op),
      });
      if (stamp.length > 0) return refusal('The approver is who approves, that day.', stamp);
      if (!before) {
        const future = rollMonthIssues(roll.month, officeToday(ctx.now));
        if (future.length > 0) return refusal('The month has not come.', future);
        const versions = rollVersionIssues(roll, await otherRollsOfMonth(ctx, op.recordId, roll));
        if (versions.length > 0) return refusal('The month has another open roll.', versions);
      }
      if ((await rollHash(roll.lines)) !== roll.hash) {
        return refusal('The hash is not the SHA-256 of the lines.', [
          { path: 'hash', code: 'roll.hash_mismatch' },
        ]);
      }
      if (roll.status === 'draft') return null;
      const drawn = drawRoll(await rollInputsAtHq(ctx, roll.programme, roll.month));
      if (rollDiffers(roll, drawn)) {
        return refusal('The roll is not what HQ draws from its own records.', [
          { path: 'lines', code: 'roll.lines_differ' },
        ]);
      }
      return null;
    },
  };
}

async function unpaidAuthority(
  ctx: AuthorityContext,
  op: QueueEntry,
): Promise<Authorized | { refusal: AppErrorData }> {
  const mark = op.fields as Partial<RollUnpaidData>;
  const roll = await ctx.work.load(ctx.officeId, 'paymentRoll', String(mark.rollId));
  const data = roll && !roll.deleted ? (roll.data as unknown as PaymentRollData) : null;
  if (!data || data.status !== 'approved' || !data.lines.some((l) => l.key === mark.key)) {
    return refuse('Only a line of an approved roll is reported unpaid.', [
      { path: 'key', code: 'roll.unpaid_not_approved' },
    ]);
  }
  await flushStaged(ctx);
  const marks = await loadRecordsOfKinds(ctx.trx, ctx.officeId, ['rollUnpaid']);
  if (marks.some((m) => !m.deleted && m.data.rollId === mark.rollId && m.data.key === mark.key)) {
    return refuse('The line is reported unpaid already.', [
      { path: 'key', code: 'roll.unpaid_twice' },
    ]);
  }
  return { change: op };
}

/** The office's other rolls of the roll's programme and month, as HQ holds them. */
async function otherRollsOfMonth(ctx: AuthorityContext, id: string, roll: PaymentRollData) {
  await flushStaged(ctx);
  const rolls = await loadRecordsOfKinds(ctx.trx, ctx.officeId, ['paymentRoll']);
  return rolls
    .filter((r) => !r.deleted && r.id !== id)
    .map((r) => r.data as unknown as PaymentRollData)
    .filter((r) => r.programme === roll.programme && r.month === roll.month);
}

/** A batch's staged records written first, so HQ's draw sees the batch's earlier ops. */
export async function flushStaged(ctx: AuthorityContext) {
  const work = ctx.work as { flush?: () => Promise<void> };
  if (typeof work.flush === 'function') await work.flush();
}

/** drawRoll's input from HQ's records of the office (never a desk's copy of anything). */
export async function rollInputsAtHq(
  ctx: AuthorityContext,
  programme: Programme,
  month: string,
): Promise<DrawRollInput> {
  await flushStaged(ctx);
  const records = (
    await loadRecordsOfKinds(ctx.trx, ctx.officeId, [
      'assistanceCase',
      'person',
      'household',
      'payeeAccount',
      'paymentRoll',
      'rollUnpaid',
    ])
  ).filter((r) => !r.deleted);
  const of = <T>(kind: string) =>
    records.filter((r) => r.kind === kind).map((r) => ({ id: r.id, data: r.data as unknown as T }));
  const reference = await ctx.facts.referenceFacts();
  const settings = await ctx.facts.settings(ctx.work);
  return {
    programme,
    month,
    township: settings.officeName,
    cases: of<AssistanceCaseData>('assistanceCase').filter((c) =>
      (programmes as readonly string[]).includes(c.data.programme),
    ),
    persons: of<PersonData>('person').map(({ id, data }) => ({
      id,
      name: data.name,
      idNumber: data.idNumber,
      diedOn: data.diedOn ?? null,
    })),
    households: of<HouseholdData>('household').map(({ id, data }) => ({
      id,
      headPersonId: data.headPersonId,
      headName: data.headName,
      villageName: data.villageName,
    })),
    accounts: of<PayeeAccountData>('payeeAccount'),
    reference: {
      standards: reference.standards,
      rules: reference.rules,
      settings: {
        minPaymentPercentOfStandard: settings.minPaymentPercentOfStandard,
        rounding: settings.rounding,
        edgeMultiplierPermille: settings.edgeMultiplierPermille,
        assetLimitMonthsOfStandard: settings.assetLimitMonthsOfStandard,
      },
    },
    previousRolls: of<PaymentRollData>('paymentRoll').filter(
      (r) => r.data.programme === programme && r.data.month < month,
    ),
    unpaid: of<RollUnpaidData>('rollUnpaid').map((u) => u.data),
  };
}

/** The office day (China's) of the op's own moment. */
export function opOfficeDay(op: QueueEntry): string {
  const at = new Date(op.createdAt);
  return Number.isNaN(at.getTime()) ? '' : officeToday(at);
}

function refusal(message: string, fieldErrors: FieldError[]): AppErrorData {
  return { code: 'validation', message, fieldErrors };
}

function refuse(message: string, fieldErrors: FieldError[]): { refusal: AppErrorData } {
  return { refusal: { code: 'forbidden', message, fieldErrors } };
}
