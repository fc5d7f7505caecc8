import type { Kysely } from 'kysely';
import { parseHlc } from '@shared/clock/hlc';
import { AppError } from '@shared/errors/appError';
import { kindDefinitions, type RecordKind } from '@shared/records/kinds';
import type { OpResult } from '@shared/sync/protocol';
import type { QueueEntry } from '@shared/sync/queueEntry';
import { dibaoWorkflow } from '@shared/workflow/dibaoWorkflow';
import type { HqTables } from '../db/schema';
import { lockStream } from '../store/changeLog';
import { officeStream, type AuthenticatedDevice } from '../store/offices';
import { heldByAnotherOffice } from '../store/recordStore';
import { commitChange, resendAfterRefusal } from './commitChange';

/**
 * Applies a desk's batch in per-device sequence order, each op in its own transaction
 * together with the device's last-applied sequence, so a crash between ops loses
 * nothing and a repeated op (same op id) returns its first result without applying
 * again. An op whose predecessor HQ has not seen is deferred, not guessed at.
 */
export async function applyPush(
  db: Kysely<HqTables>,
  device: AuthenticatedDevice,
  ops: QueueEntry[],
  now: () => Date,
): Promise<OpResult[]> {
  await refuseForeignOps(db, device, ops);
  const results: OpResult[] = [];
  const ordered = [...ops].sort((a, b) => a.seq - b.seq);
  // A workflow step writes the case and its history event in one local transaction;
  // when HQ does not apply the step, the event of that transaction must not apply either.
  const failedSteps = new Set<string>();
  for (const op of ordered) {
    const previous = results[results.length - 1];
    if (previous?.status === 'deferred') {
      results.push({ opId: op.opId, seq: op.seq, status: 'deferred' });
      continue;
    }
    const result = await applyOne(db, device, op, now(), failedSteps.has(op.txId));
    if (op.op === 'transition' && result.status !== 'applied') failedSteps.add(op.txId);
    results.push(result);
  }
  return results;
}

/** A batch touching another office's data is refused whole (403), before anything applies. */
async function refuseForeignOps(
  db: Kysely<HqTables>,
  device: AuthenticatedDevice,
  ops: QueueEntry[],
) {
  const foreign = ops.find((op) => op.officeId !== device.officeId || op.deviceId !== device.id);
  const taken = await heldByAnotherOffice(
    db,
    device.officeId,
    ops.map((op) => ({ kind: op.kind, id: op.recordId })),
  );
  if (foreign || taken) {
    throw new AppError({
      code: 'forbidden',
      message: "A device may only write its own office's records, as itself.",
    });
  }
}

async function applyOne(
  db: Kysely<HqTables>,
  device: AuthenticatedDevice,
  op: QueueEntry,
  now: Date,
  partOfFailedStep: boolean,
): Promise<OpResult> {
  return db.transaction().execute(async (trx) => {
    // Lock the device row: the same device's ops never apply concurrently, even on two HQs.
    await trx
      .updateTable('devices')
      .set((eb) => ({ last_seq: eb.ref('last_seq') }))
      .where('id', '=', device.id)
      .execute();
    const seen = await trx
      .selectFrom('applied_ops')
      .select(['result', 'device_id'])
      .where('op_id', '=', op.opId)
      .executeTakeFirst();
    if (seen && seen.device_id !== device.id) {
      // Never hand one device the result of another's op (it may be another office's).
      return {
        opId: op.opId,
        seq: op.seq,
        status: 'rejected',
        reason: { code: 'conflict', message: 'This op id belongs to another device.' },
      };
    }
    if (seen) return JSON.parse(seen.result) as OpResult;
    const { last_seq } = await trx
      .selectFrom('devices')
      .select('last_seq')
      .where('id', '=', device.id)
      .executeTakeFirstOrThrow();
    const lastSeq = Number(last_seq);
    if (op.seq > lastSeq + 1) return { opId: op.opId, seq: op.seq, status: 'deferred' };

    const stream = officeStream(device.officeId);
    await lockStream(trx, stream);
    const refusal = partOfFailedStep
      ? {
          code: 'invalid_transition' as const,
          message: 'Part of a workflow step that HQ did not apply.',
        }
      : refusalOf(op, lastSeq, now);
    const committed = refusal
      ? ({ status: 'rejected', reason: refusal } as const)
      : await commitChange(trx, stream, { ...op, op: op.op }, op.opId, now);
    if (committed.status === 'rejected' && isOfficeKind(op.kind)) {
      await resendAfterRefusal(trx, stream, op, op.opId, now);
    }
    const result: OpResult = { opId: op.opId, seq: op.seq, ...committed };
    await trx
      .insertInto('applied_ops')
      .values({
        op_id: op.opId,
        device_id: device.id,
        seq: op.seq,
        result: JSON.stringify(result),
        applied_at: now.toISOString(),
      })
      .execute();
    await trx
      .updateTable('devices')
      .set({ last_seq: Math.max(lastSeq, op.seq) })
      .where('id', '=', device.id)
      .execute();
    return result;
  });
}

/** Why an op can never apply, whatever the data: wrong kind, reused sequence, bad step. */
/** A clock this far ahead of HQ's would win every merge for its office: refused. */
const maxClockLeadMs = 24 * 3_600_000;

function refusalOf(op: QueueEntry, lastSeq: number, now: Date) {
  const clock = parseHlc(op.hlc);
  if (!clock || clock.wallMs > now.getTime() + maxClockLeadMs) {
    return {
      code: 'validation' as const,
      message: "The op's clock is unreadable or far ahead of HQ's; fix the device clock.",
      fieldErrors: [{ path: 'hlc', code: 'sync.clock_ahead' }],
    };
  }
  if (op.seq <= lastSeq) {
    return {
      code: 'conflict' as const,
      message: `Sequence ${op.seq} was already used by another op.`,
    };
  }
  const kind = op.kind as RecordKind;
  if (!Object.hasOwn(kindDefinitions, kind) || kindDefinitions[kind].scope !== 'office') {
    return { code: 'forbidden' as const, message: `Desks do not write ${op.kind} records.` };
  }
  if (op.op === 'transition') {
    const step = op.transition;
    const actions = dibaoWorkflow.actions as Record<
      string,
      (typeof dibaoWorkflow.actions)['submit']
    >;
    const action =
      step && kind === 'assistanceCase' && Object.hasOwn(actions, step.action)
        ? actions[step.action]
        : undefined;
    const legal =
      step !== null &&
      action !== undefined &&
      action.to === step.to &&
      (action.from as readonly string[]).includes(step.from) &&
      (action.roles as readonly string[]).includes(op.actor.role);
    if (!legal)
      return { code: 'invalid_transition' as const, message: `Not a legal workflow step.` };
  }
  return null;
}

function isOfficeKind(kind: string): boolean {
  return (
    Object.hasOwn(kindDefinitions, kind) && kindDefinitions[kind as RecordKind].scope === 'office'
  );
}
