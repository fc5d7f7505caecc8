import type { Transaction } from 'kysely';
import type { AppErrorData } from '@shared/errors/appError';
import type { SyncConflictData } from '@shared/domain/syncConflict';
import { newRecordId } from '@shared/records/ids';
import { kindDefinitions, type RecordKind } from '@shared/records/kinds';
import { fieldErrorsFromZod } from '@shared/validation/fieldErrors';
import type { HqTables } from '../db/schema';
import { appendChanges, currentSeq, type ChangeRow } from '../store/changeLog';
import { loadRecord, saveRecord, snapshotOf } from '../store/recordStore';
import { mergeChange, type ConflictDraft, type IncomingChange, type RecordState } from './merge';

export type CommitResult =
  | { status: 'applied'; serverSeq: number }
  | { status: 'conflict'; serverSeq: number; conflictIds: string[] }
  | { status: 'rejected'; reason: AppErrorData };

/**
 * Merges one change into a stream and records the outcome: the new record state and
 * any conflicts, each as a change desks will pull. The caller holds the stream lock and
 * owns the transaction; validation uses the same schemas as the desk's write path.
 */
export async function commitChange(
  trx: Transaction<HqTables>,
  stream: string,
  change: IncomingChange,
  opId: string | null,
  now: Date,
): Promise<CommitResult> {
  const kind = change.kind as RecordKind;
  const definition = kindDefinitions[kind];
  if (definition.appendOnly && change.op !== 'create') {
    return rejected('forbidden', `${kind} records are never changed once written.`);
  }
  const existing = await loadRecord(trx, change.officeId, kind, change.recordId);
  const outcome = mergeChange(existing, change);
  if (outcome.type === 'reject') return { status: 'rejected', reason: outcome.error };

  const rows: ChangeRow[] = [];
  if (outcome.type === 'write') {
    const problem = validate(kind, outcome.state, now);
    if (problem) return { status: 'rejected', reason: problem };
    await saveRecord(trx, outcome.state, existing === null);
    rows.push({ kind, recordId: change.recordId, snapshot: snapshotOf(outcome.state), opId });
  } else if (existing) {
    // Nothing of the change won (a late value, a late step). The desk that sent it may
    // show its own value, laid over HQ's while the op was queued: the record's state goes
    // out again so that desk, too, ends on what HQ holds.
    rows.push({ kind, recordId: change.recordId, snapshot: snapshotOf(existing), opId });
  }
  const conflictIds: string[] = [];
  for (const draft of outcome.conflicts) {
    const conflict = conflictRecord(draft, change, now);
    await saveRecord(trx, conflict, true);
    conflictIds.push(conflict.id);
    rows.push({
      kind: 'syncConflict',
      recordId: conflict.id,
      snapshot: snapshotOf(conflict),
      opId,
    });
  }
  const seqs = await appendChanges(trx, stream, rows, now);
  const serverSeq = seqs[0] ?? (await currentSeq(trx, stream));
  return conflictIds.length > 0
    ? { status: 'conflict', serverSeq, conflictIds }
    : { status: 'applied', serverSeq };
}

function validate(kind: RecordKind, state: RecordState, now: Date): AppErrorData | null {
  const definition = kindDefinitions[kind];
  const parsed = definition.schema.safeParse(state.data);
  if (!parsed.success) {
    return {
      code: 'validation',
      message: `Invalid ${kind}.`,
      fieldErrors: fieldErrorsFromZod(parsed.error),
    };
  }
  const issues = (
    definition.domainIssues as (d: unknown, today: string) => AppErrorData['fieldErrors']
  )(parsed.data, now.toISOString().slice(0, 10));
  return issues && issues.length > 0
    ? { code: 'validation', message: `Invalid ${kind}.`, fieldErrors: issues }
    : null;
}

function conflictRecord(draft: ConflictDraft, change: IncomingChange, now: Date): RecordState {
  const data: SyncConflictData = {
    recordKind: change.kind,
    recordId: change.recordId,
    field: draft.field,
    type: draft.type,
    keptValue: draft.keptValue,
    otherValue: draft.otherValue,
    keptBy: who(draft.keptBy),
    otherBy: who(draft.otherBy),
    status: 'open',
    resolution: null,
    note: '',
  };
  const at = now.toISOString();
  return {
    kind: 'syncConflict',
    id: newRecordId(),
    officeId: change.officeId,
    version: 1,
    hlc: change.hlc,
    deleted: false,
    data: data as unknown as Record<string, unknown>,
    fieldMeta: {},
    createdAt: at,
    createdBy: 'hq',
    updatedAt: at,
    updatedBy: 'hq',
  };
}

function who(meta: ConflictDraft['keptBy']) {
  return { userId: meta.userId, name: meta.name, deviceId: meta.deviceId, hlc: meta.hlc };
}

function rejected(code: AppErrorData['code'], message: string): CommitResult {
  return { status: 'rejected', reason: { code, message } };
}
