import type { Transaction } from 'kysely';
import type { OpResult } from '@shared/sync/protocol';
import type { QueueEntry } from '@shared/sync/queueEntry';
import type { HqTables } from '../db/schema';
import { lockStream } from '../store/changeLog';
import { officeStream, type AuthenticatedDevice } from '../store/offices';
import { authorizeOp } from './authority/opAuthority';
import type { AuthorityContext } from './authority/context';
import { OfficeFacts } from './authority/officeFacts';
import { commitChange, resendAfterRefusal } from './commitChange';
import { isOfficeKind, opRefusal } from './opRefusal';
import { insertRows } from './bulkInsert';
import { StagedWork } from './recordWork';
import { storedForm, type SeenOp, seenOps } from './seenOps';

/** One op's result, and whether HQ held it already (its first result, nothing applied). */
export interface AppliedOp {
  result: OpResult;
  repeated: boolean;
}

/** Rows per multi-row insert: well under SQLite's and PostgreSQL's parameter limits. */
const insertChunk = 500;

/**
 * Ops per run: the records a run touches are read in one go and its writes go out
 * together at its end, so memory holds one run's records, not a 100,000-op package's.
 */
const opsPerRun = 2_000;

/**
 * Takes the device's row lock for the rest of the transaction and reads the row: the
 * same device's ops never apply concurrently, even on two HQs over one PostgreSQL.
 * Undefined when there is no such device.
 */
export async function lockDevice(trx: Transaction<HqTables>, deviceId: string) {
  return trx
    .updateTable('devices')
    .set((eb) => ({ last_seq: eb.ref('last_seq') }))
    .where('id', '=', deviceId)
    .returningAll()
    .executeTakeFirst();
}

/**
 * Applies a device's ops in per-device sequence order inside the caller's transaction
 * (which holds the device lock): online push and package import both come here, so an
 * op applies the same way and at most once whichever way it arrives. A repeated op (same
 * op id) returns its first result; an op whose predecessor HQ has not seen is deferred,
 * not guessed at, and so is everything after it.
 *
 * Records are read for a run of ops at a time and written at the run's end
 * (`StagedWork`): per op, only the merge and the validation remain.
 */
export async function applyBatchIn(
  trx: Transaction<HqTables>,
  device: AuthenticatedDevice,
  ops: QueueEntry[],
  now: () => Date,
): Promise<AppliedOp[]> {
  const row = await trx
    .selectFrom('devices')
    .select('last_seq')
    .where('id', '=', device.id)
    .executeTakeFirstOrThrow();
  const ordered = [...ops].sort((a, b) => a.seq - b.seq);
  const batch: Batch = {
    trx,
    device,
    ordered,
    facts: new OfficeFacts(trx, device.officeId),
    acceptedSteps: new Map(),
    eventsByTx: new Map(),
    bootstrapped: new Set(),
    lastSeq: Number(row.last_seq),
    seen: await seenOps(trx, ops),
    work: null,
    run: [],
    runLoaded: false,
    newResults: [],
  };
  const startSeq = batch.lastSeq;
  // A workflow step writes the case and its history event in one local transaction;
  // when HQ does not apply the step, the event of that transaction must not apply either.
  const failedSteps = new Set<string>();
  const applied: AppliedOp[] = [];
  for (const [i, op] of ordered.entries()) {
    if (i % opsPerRun === 0) {
      await batch.work?.flush();
      batch.run = ordered.slice(i, i + opsPerRun);
      batch.runLoaded = false;
    }
    if (applied.at(-1)?.result.status === 'deferred') {
      applied.push({ result: { opId: op.opId, seq: op.seq, status: 'deferred' }, repeated: false });
      continue;
    }
    const one = await applyOneIn(batch, op, now(), failedSteps.has(op.txId));
    if (op.op === 'transition' && one.result.status !== 'applied') failedSteps.add(op.txId);
    applied.push(one);
  }
  await batch.work?.flush();
  await saveResults(batch, now());
  if (batch.lastSeq !== startSeq) {
    await trx
      .updateTable('devices')
      .set({ last_seq: batch.lastSeq })
      .where('id', '=', device.id)
      .execute();
  }
  return applied;
}

interface Batch {
  trx: Transaction<HqTables>;
  device: AuthenticatedDevice;
  /** The batch in device-seq order, and what HQ's checks of its ops share. */
  ordered: QueueEntry[];
  facts: OfficeFacts;
  acceptedSteps: AuthorityContext['acceptedSteps'];
  eventsByTx: AuthorityContext['eventsByTx'];
  bootstrapped: Set<string>;
  lastSeq: number;
  /** Results HQ holds for the batch's op ids, and those given in this batch so far. */
  seen: Map<string, SeenOp>;
  /** The office stream's staged reads and writes; made when its lock is taken. */
  work: StagedWork | null;
  /** The run of ops being applied, and whether its records were read yet. */
  run: QueueEntry[];
  runLoaded: boolean;
  /** Results given in this batch, stored together at its end. */
  newResults: { opId: string; seq: number; result: OpResult }[];
}

async function applyOneIn(
  batch: Batch,
  op: QueueEntry,
  now: Date,
  partOfFailedStep: boolean,
): Promise<AppliedOp> {
  const { device } = batch;
  const seen = batch.seen.get(storedForm(op.opId));
  if (seen && seen.deviceId !== device.id) {
    // Never hand one device the result of another's op (it may be another office's).
    const reason = { code: 'conflict' as const, message: 'This op id belongs to another device.' };
    return { result: { opId: op.opId, seq: op.seq, status: 'rejected', reason }, repeated: true };
  }
  if (seen) return { result: seen.result, repeated: true };
  if (op.seq > batch.lastSeq + 1) {
    return { result: { opId: op.opId, seq: op.seq, status: 'deferred' }, repeated: false };
  }

  const work = await stagedWork(batch);
  const refusal = partOfFailedStep
    ? {
        code: 'invalid_transition' as const,
        message: 'Part of a workflow step that HQ did not apply.',
      }
    : opRefusal(op, batch.lastSeq, now);
  const committed = refusal
    ? ({ status: 'rejected', reason: refusal } as const)
    : await authorizedCommit(batch, work, op, now);
  if (committed.status === 'rejected' && isOfficeKind(op.kind)) {
    await resendAfterRefusal(work, op, op.opId, now);
  }
  const result: OpResult = { opId: op.opId, seq: op.seq, ...committed };
  batch.seen.set(storedForm(op.opId), { deviceId: device.id, result });
  batch.newResults.push({ opId: op.opId, seq: op.seq, result });
  batch.lastSeq = Math.max(batch.lastSeq, op.seq);
  return { result, repeated: false };
}

/** HQ's checks of the op (authority/), then the merge of what they let through. */
async function authorizedCommit(batch: Batch, work: StagedWork, op: QueueEntry, now: Date) {
  const authority: AuthorityContext = {
    trx: batch.trx,
    device: batch.device,
    officeId: batch.device.officeId,
    work,
    facts: batch.facts,
    now,
    ops: batch.ordered,
    acceptedSteps: batch.acceptedSteps,
    eventsByTx: batch.eventsByTx,
    bootstrapped: batch.bootstrapped,
  };
  const verdict = await authorizeOp(authority, op);
  if ('refusal' in verdict) return { status: 'rejected', reason: verdict.refusal } as const;
  const committed = await commitChange(work, verdict.change, op.opId, now, verdict.checkMerged);
  if (committed.status === 'applied') verdict.onApplied?.();
  return committed;
}

/**
 * The stream's lock, taken at the first op that applies (never before: a batch of
 * repeats or deferrals touches nothing), then the records of the op's run in one read.
 * Under the lock, so no other HQ process changes them before this transaction ends.
 */
async function stagedWork(batch: Batch): Promise<StagedWork> {
  if (!batch.work) {
    const stream = officeStream(batch.device.officeId);
    const lastSeq = await lockStream(batch.trx, stream);
    batch.work = new StagedWork(batch.trx, stream, lastSeq);
  }
  if (!batch.runLoaded) {
    const fresh = batch.run.filter((op) => !batch.seen.has(storedForm(op.opId)));
    // The ops' records and their actors' accounts, read together.
    const actors = new Set(fresh.map((op) => op.actor.userId));
    await batch.work.preload(batch.device.officeId, [
      ...fresh.map((op) => ({ kind: op.kind, id: op.recordId })),
      ...[...actors].map((id) => ({ kind: 'staffMember', id })),
    ]);
    batch.runLoaded = true;
  }
  return batch.work;
}

/** Stores every new result under its op id: a repeated op gets the same answer. */
async function saveResults(batch: Batch, now: Date): Promise<void> {
  const at = now.toISOString();
  for (let i = 0; i < batch.newResults.length; i += insertChunk) {
    const rows = batch.newResults
      .slice(i, i + insertChunk)
      .map(({ opId, seq, result }) => [opId, batch.device.id, seq, JSON.stringify(result), at]);
    await insertRows(batch.trx, 'applied_ops', resultColumns, rows);
  }
}

const resultColumns = ['op_id', 'device_id', 'seq', 'result', 'applied_at'] as const;
