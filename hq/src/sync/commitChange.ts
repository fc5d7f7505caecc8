import type { AppErrorData } from '@shared/errors/appError';
import type { SyncConflictData } from '@shared/domain/syncConflict';
import { correctionReasonIssue } from '@shared/records/corrections';
import { newRecordId } from '@shared/records/ids';
import { kindDefinitions, type RecordKind } from '@shared/records/kinds';
import { officeToday } from '@shared/validation/dates';
import { fieldErrorsFromZod } from '@shared/validation/fieldErrors';
import type { ChangeRow } from '../store/changeLog';
import { snapshotJson, snapshotOf } from '../store/recordStore';
import { mergeChange, type ConflictDraft, type IncomingChange, type RecordState } from './merge';
import type { RecordWork } from './recordWork';

export type CommitResult =
  | { status: 'applied'; serverSeq: number }
  | { status: 'conflict'; serverSeq: number; conflictIds: string[] }
  | { status: 'rejected'; reason: AppErrorData };

/**
 * Merges one change into a stream and records the outcome: the new record state and
 * any conflicts, each as a change desks will pull. The caller holds the stream lock and
 * owns the transaction (`work` reads and writes in it); validation uses the same
 * schemas as the desk's write path.
 */
export async function commitChange(
  work: RecordWork,
  change: IncomingChange,
  opId: string | null,
  now: Date,
  /** A rule on the merged record beyond its kind's (a case's benefit at HQ). */
  checkMerged?: (state: RecordState) => Promise<AppErrorData | null>,
): Promise<CommitResult> {
  const kind = change.kind as RecordKind;
  const definition = kindDefinitions[kind];
  if (definition.appendOnly && change.op !== 'create') {
    return rejected('forbidden', `${kind} records are never changed once written.`);
  }
  const existing = await work.load(change.officeId, kind, change.recordId);
  // Ids are UUIDv7: a create of a record HQ holds is another op's record taken over
  // (an event rewritten, a log entry erased), except the office's fixed-id records,
  // which every desk of the office creates once.
  if (change.op === 'create' && existing && !definition.fixedId && change.deviceId !== 'hq') {
    return {
      status: 'rejected',
      reason: {
        code: 'conflict',
        message: `The ${kind} ${change.recordId} exists already.`,
        fieldErrors: [{ path: 'recordId', code: 'record.exists' }],
      },
    };
  }
  // A correction names its reason, as the desk's write path demands: a forged update of
  // a kind that keeps revisions would otherwise rewrite history no desk could explain.
  const reasonIssue = existing ? correctionReasonIssue(kind, change.op, change.reason) : null;
  if (reasonIssue) {
    return {
      status: 'rejected',
      reason: {
        code: 'validation',
        message: `A correction of a ${kind} needs a reason of at most 500 characters.`,
        fieldErrors: [reasonIssue],
      },
    };
  }
  const outcome = mergeChange(existing, change);
  if (outcome.type === 'reject') return { status: 'rejected', reason: outcome.error };

  const rows: ChangeRow[] = [];
  if (outcome.type === 'write') {
    const checked = validateAndDerive(kind, outcome.state, now);
    if ('code' in checked) return { status: 'rejected', reason: checked };
    const state = { ...outcome.state, data: checked.data };
    const broken = checkMerged ? await checkMerged(state) : null;
    if (broken) return { status: 'rejected', reason: broken };
    await work.save(state, existing === null);
    rows.push({
      kind,
      recordId: change.recordId,
      snapshot: snapshotJson(state),
      opId,
      reason: change.reason ?? null,
    });
  } else if (existing) {
    // Nothing of the change won (a late value, a late step). The desk that sent it may
    // show its own value, laid over HQ's while the op was queued: the record's state goes
    // out again so that desk, too, ends on what HQ holds.
    rows.push({ kind, recordId: change.recordId, snapshot: snapshotJson(existing), opId });
  }
  const conflictIds: string[] = [];
  for (const draft of outcome.conflicts) {
    const conflict = conflictRecord(draft, change, now);
    await work.save(conflict, true);
    conflictIds.push(conflict.id);
    rows.push({
      kind: 'syncConflict',
      recordId: conflict.id,
      snapshot: snapshotJson(conflict),
      opId,
    });
  }
  const seqs = await work.append(rows, now);
  const serverSeq = seqs[0] ?? (await work.currentSeq());
  return conflictIds.length > 0
    ? { status: 'conflict', serverSeq, conflictIds }
    : { status: 'applied', serverSeq };
}

/**
 * The merged record checked with the kind's schema and rules, and its computed fields
 * (search tokens, durations, hours) worked out again from the merged values: two
 * desks' edits merged field by field must not leave a sum that matches neither.
 */
function validateAndDerive(
  kind: RecordKind,
  state: RecordState,
  now: Date,
): { data: Record<string, unknown> } | AppErrorData {
  const definition = kindDefinitions[kind];
  const parsed = definition.schema.safeParse(state.data);
  if (!parsed.success) {
    return {
      code: 'validation',
      message: `Invalid ${kind}.`,
      fieldErrors: fieldErrorsFromZod(parsed.error),
    };
  }
  const derived = (definition.derive as (d: unknown) => Record<string, unknown>)(parsed.data);
  const issues = (
    definition.domainIssues as (d: unknown, today: string) => AppErrorData['fieldErrors']
  )(derived, officeToday(now));
  return issues && issues.length > 0
    ? { code: 'validation', message: `Invalid ${kind}.`, fieldErrors: issues }
    : { data: derived };
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

/**
 * After HQ refuses an op, the desk that sent it still shows its own value. HQ sends
 * that record's state back down the stream — what HQ holds, or, for a refused create,
 * the desk's record marked deleted — so the desk ends on HQ's truth instead of
 * silently keeping a record no one else will ever see.
 */
export async function resendAfterRefusal(
  work: RecordWork,
  change: IncomingChange,
  opId: string,
  now: Date,
): Promise<void> {
  const existing = await work.load(change.officeId, change.kind, change.recordId);
  let snapshot: Record<string, unknown> | null = null;
  if (existing) snapshot = snapshotOf(existing);
  else if (change.op === 'create') {
    snapshot = {
      ...change.fields,
      id: change.recordId,
      officeId: change.officeId,
      version: 0,
      hlc: change.hlc,
      createdAt: change.createdAt,
      createdBy: change.actor.userId,
      updatedAt: now.toISOString(),
      updatedBy: 'hq',
      deleted: true,
    };
  }
  if (snapshot) {
    await work.append([{ kind: change.kind, recordId: change.recordId, snapshot, opId }], now);
  }
}
