import { compareHlc } from '@shared/clock/hlc';
import type { AppErrorData } from '@shared/errors/appError';
import { isDerivedSearchKey } from '@shared/records/derivedFields';

/** Who last changed a field, when (HLC) and at which record version. */
export interface FieldMeta {
  hlc: string;
  version: number;
  deviceId: string;
  userId: string;
  name: string;
}

/** A record as HQ holds it. */
export interface RecordState {
  kind: string;
  id: string;
  officeId: string;
  version: number;
  hlc: string;
  deleted: boolean;
  data: Record<string, unknown>;
  fieldMeta: Record<string, FieldMeta>;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

/** One change arriving at HQ: a desk's queue entry, or a change made at HQ itself. */
export interface IncomingChange {
  kind: string;
  recordId: string;
  officeId: string;
  op: 'create' | 'update' | 'delete' | 'transition';
  fields: Record<string, unknown>;
  baseVersion: number;
  transition: { action: string; from: string; to: string } | null;
  hlc: string;
  deviceId: string;
  actor: { userId: string; name: string; role: string };
  createdAt: string;
  /** A correction's reason (kept with the change so every desk's history shows it). */
  reason?: string | null;
}

export interface ConflictDraft {
  field: string;
  type: 'field' | 'transition';
  keptValue: unknown;
  otherValue: unknown;
  keptBy: FieldMeta;
  otherBy: FieldMeta;
}

export type MergeOutcome =
  | { type: 'write'; state: RecordState; conflicts: ConflictDraft[] }
  | { type: 'unchanged'; conflicts: ConflictDraft[] }
  | { type: 'reject'; error: AppErrorData };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Merges one change into HQ's state. Fields merge independently, last writer wins by
 * hybrid logical clock (whose text ends in the device id: the tie-break). When another
 * device changed the same field after the version this change was based on, both
 * values are kept in a conflict for people to decide. Workflow transitions are never
 * merged field by field: a step from a status the record has left is a conflict.
 */
export function mergeChange(existing: RecordState | null, change: IncomingChange): MergeOutcome {
  const author: FieldMeta = {
    hlc: change.hlc,
    version: (existing?.version ?? 0) + 1,
    deviceId: change.deviceId,
    userId: change.actor.userId,
    name: change.actor.name,
  };
  if (change.op === 'create') {
    if (!existing) return { type: 'write', state: created(change, author), conflicts: [] };
    // Records with a fixed id (the office's settings) are created by every desk of the
    // office: a second create merges like an update made from nothing (base 0).
    return mergeChange(existing, { ...change, op: 'update', baseVersion: 0 });
  }
  if (!existing) return reject('not_found', `No ${change.kind} ${change.recordId} at HQ.`);
  if (change.op === 'transition') return transition(existing, change, author);

  const fields = change.op === 'delete' ? { deleted: true } : change.fields;
  const data = { ...existing.data };
  const fieldMeta = { ...existing.fieldMeta };
  const conflicts: ConflictDraft[] = [];
  let deleted = existing.deleted;
  let changed = false;
  for (const [field, value] of Object.entries(fields)) {
    const current = field === 'deleted' ? existing.deleted : existing.data[field];
    const meta = fieldMeta[field] ?? creatorMeta(existing);
    const incomingWins = compareHlc(change.hlc, meta.hlc) > 0;
    // Another device's change the op's author had not seen: one after the op's base
    // version, or one with a later clock (a desk that pulled it would have moved its
    // clock past it, so a value that loses on the clock was made without seeing it).
    // A field nobody ever set (absent from the record, no author: an optional field the
    // create left out) has no one to be concurrent with — its first value is no conflict.
    const neverSet = !Object.hasOwn(fieldMeta, field) && current === undefined;
    const concurrent =
      !neverSet &&
      meta.deviceId !== change.deviceId &&
      (meta.version > change.baseVersion || !incomingWins);
    if (concurrent && !same(current, value) && !isDerivedSearchKey(field)) {
      conflicts.push(
        incomingWins
          ? {
              field,
              type: 'field',
              keptValue: value,
              otherValue: current,
              keptBy: author,
              otherBy: meta,
            }
          : {
              field,
              type: 'field',
              keptValue: current,
              otherValue: value,
              keptBy: meta,
              otherBy: author,
            },
      );
    }
    if (!incomingWins || same(current, value)) continue;
    if (field === 'deleted') deleted = value === true;
    else data[field] = value;
    fieldMeta[field] = author;
    changed = true;
  }
  if (!changed) return { type: 'unchanged', conflicts };
  return {
    type: 'write',
    state: next(existing, change, author, data, fieldMeta, deleted),
    conflicts,
  };
}

function transition(
  existing: RecordState,
  change: IncomingChange,
  author: FieldMeta,
): MergeOutcome {
  const step = change.transition;
  if (!step) return reject('validation', 'A transition op names its step.');
  if (existing.data.status !== step.from) {
    const statusMeta = existing.fieldMeta.status ?? creatorMeta(existing);
    return {
      type: 'unchanged',
      conflicts: [
        {
          field: 'status',
          type: 'transition',
          keptValue: existing.data.status,
          otherValue: step.to,
          keptBy: statusMeta,
          otherBy: author,
        },
      ],
    };
  }
  const data = { ...existing.data, ...change.fields };
  const fieldMeta = { ...existing.fieldMeta };
  for (const field of Object.keys(change.fields)) fieldMeta[field] = author;
  return {
    type: 'write',
    state: next(existing, change, author, data, fieldMeta, existing.deleted),
    conflicts: [],
  };
}

function created(change: IncomingChange, author: FieldMeta): RecordState {
  const fieldMeta: Record<string, FieldMeta> = {};
  for (const field of Object.keys(change.fields)) fieldMeta[field] = author;
  return {
    kind: change.kind,
    id: change.recordId,
    officeId: change.officeId,
    version: 1,
    hlc: change.hlc,
    deleted: false,
    data: { ...change.fields },
    fieldMeta,
    createdAt: change.createdAt,
    createdBy: change.actor.userId,
    updatedAt: change.createdAt,
    updatedBy: change.actor.userId,
  };
}

function next(
  existing: RecordState,
  change: IncomingChange,
  author: FieldMeta,
  data: Record<string, unknown>,
  fieldMeta: Record<string, FieldMeta>,
  deleted: boolean,
): RecordState {
  return {
    ...existing,
    version: author.version,
    hlc: compareHlc(change.hlc, existing.hlc) > 0 ? change.hlc : existing.hlc,
    deleted,
    data,
    fieldMeta,
    updatedAt: change.createdAt,
    updatedBy: change.actor.userId,
  };
}

/** Fields never changed since creation count as changed by the creator at version 1. */
function creatorMeta(state: RecordState): FieldMeta {
  return { hlc: '', version: 1, deviceId: '', userId: state.createdBy, name: '' };
}

function reject(code: AppErrorData['code'], message: string): MergeOutcome {
  return { type: 'reject', error: { code, message } };
}
