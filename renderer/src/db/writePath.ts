import Dexie from 'dexie';
import { AppError, type FieldError } from '@shared/errors/appError';
import { actingRoleFor, mayWrite } from '@shared/authority/kindWriters';
import { officeToday } from '@shared/validation/dates';
import { recordMetaKeys, type RecordMeta, type StoredRecord } from '@shared/records/envelope';
import { correctionReasonIssue, isDeletable } from '@shared/records/corrections';
import { newRecordId } from '@shared/records/ids';
import {
  kindDefinitions,
  type KindData,
  type KindInput,
  type RecordKind,
} from '@shared/records/kinds';
import type { QueueEntry } from '@shared/sync/queueEntry';
import { fieldErrorsFromZod, invalid } from '@shared/validation/fieldErrors';
import { recordTable, recordTableNames, revisionId, type DeskDatabase } from './database';
import type { AccessLogData } from '@shared/domain/accessLog';
import { sealNextEntry } from './accessChain';
import { DeviceCounters } from './deviceState';
import { checkInvariants } from './invariants';
import { IssuedWrites } from './issuedWrites';
import { heldRolesOf, type WriteContext } from './writeContext';
import { checkActorStamp } from './actorStampCheck';

/**
 * THE write path. Every create, update and delete of every record kind goes through
 * `write()`: in one read-write transaction it validates, writes the record and appends
 * the queue entry HQ will receive. Anything thrown inside aborts the whole transaction,
 * so a failed validation, a broken invariant or a failing disk leaves neither the
 * record nor its queue entry behind. UI code never touches tables.
 */

export interface TransitionStamp {
  action: string;
  from: string;
  to: string;
}

export interface UpdateOptions {
  /** Set by workflow steps: the queue entry becomes a 'transition' op. */
  transition?: TransitionStamp;
  /** Why the record changes; required for kinds that keep revisions (corrections). */
  reason?: string;
}

export interface Writer {
  readonly ctx: WriteContext;
  /** The office's calendar date at the moment of the write. */
  readonly today: string;
  readonly txId: string;
  get<K extends RecordKind>(kind: K, id: string): Promise<StoredRecord<KindData[K]> | undefined>;
  create<K extends RecordKind>(
    kind: K,
    data: KindInput[K],
    id?: string,
  ): Promise<StoredRecord<KindData[K]>>;
  update<K extends RecordKind>(
    kind: K,
    id: string,
    baseVersion: number,
    patch: Partial<KindData[K]>,
    options?: UpdateOptions,
  ): Promise<StoredRecord<KindData[K]>>;
  remove(kind: RecordKind, id: string, baseVersion: number): Promise<void>;
}

type Op = QueueEntry['op'];

export async function write<T>(
  db: DeskDatabase,
  ctx: WriteContext,
  work: (w: Writer) => Promise<T>,
): Promise<T> {
  // Each write() reads the device seq and clock once and stores them at its end: one
  // inside another would hand out the same seq twice. Nothing nests; this keeps it so.
  if (Dexie.currentTransaction) {
    throw new AppError({
      code: 'internal',
      message: 'write() was called inside another transaction; do that work in the outer one.',
    });
  }
  return db.transaction('rw', [...recordTableNames, 'queue', 'meta', 'revisions'], async () => {
    const writer = new TransactionWriter(db, ctx);
    try {
      const result = await work(writer);
      await writer.finish();
      return result;
    } catch (error) {
      // A failed put aborts the transaction, and the work then fails on the abort: the
      // put's own error is the one that says what went wrong.
      throw writer.firstFailure ?? error;
    }
  });
}

class TransactionWriter implements Writer {
  readonly today: string;
  readonly txId = newRecordId();
  private readonly counters: DeviceCounters;
  /** Record puts and queue adds, issued without waiting for each (issuedWrites.ts). */
  private readonly writes = new IssuedWrites();

  constructor(
    private readonly db: DeskDatabase,
    readonly ctx: WriteContext,
  ) {
    // The office's day (China's), as HQ reckons it: a desk whose clock is set to another
    // zone must not date a step or an approval a day apart from HQ.
    this.today = officeToday(ctx.now());
    this.counters = new DeviceCounters(db);
    this.counters.prefetch();
  }

  /** Waits for the issued writes and stores the advanced counters. */
  async finish(): Promise<void> {
    // The counters go with the last writes, not after them: one wait for all of it.
    await Promise.all([this.writes.allSettled(), this.counters.save()]);
    if (this.firstFailure !== undefined) throw this.firstFailure;
  }

  async get<K extends RecordKind>(kind: K, id: string) {
    return (await recordTable(this.db, kind).get(id)) as StoredRecord<KindData[K]> | undefined;
  }

  async create<K extends RecordKind>(kind: K, data: KindInput[K], givenId?: string) {
    const id = givenId ?? newRecordId();
    // A fresh UUIDv7 cannot exist yet; only an id the caller chose (fixed ids such as the
    // office settings) is looked up, which saves a read on every ordinary save.
    if (givenId !== undefined && (await recordTable(this.db, kind).get(id))) {
      throw new AppError({ code: 'duplicate', message: `A ${kind} with id ${id} already exists.` });
    }
    // An access-log entry's place in the desk's chain is the write path's to set, never
    // the caller's (renderer/src/db/accessChain.ts).
    const input = kind === 'accessLog' ? withoutChainFields(data) : data;
    const clean = this.validate(kind, input) as object;
    checkActorStamp(kind, 'create', clean, null, this.ctx.actor.name);
    const draft = { ...clean, id, officeId: this.ctx.officeId, deleted: false };
    const stamp = await this.checkAndStamp(kind, draft);
    const sealed =
      kind === 'accessLog'
        ? await sealNextEntry(this.db, {
            ...(clean as AccessLogData),
            actorId: this.ctx.actor.userId,
            at: stamp.at,
          })
        : {};
    const record = {
      ...clean,
      ...sealed,
      id,
      officeId: this.ctx.officeId,
      version: 1,
      hlc: stamp.hlc,
      createdAt: stamp.at,
      createdBy: this.ctx.actor.userId,
      updatedAt: stamp.at,
      updatedBy: this.ctx.actor.userId,
      deleted: false,
      hqVersion: 0,
    } as StoredRecord<KindData[K]>;
    return this.persist(kind, record, 'create', dataFields(record), null);
  }

  async update<K extends RecordKind>(
    kind: K,
    id: string,
    baseVersion: number,
    patch: Partial<KindData[K]>,
    options: UpdateOptions = {},
  ) {
    const { transition } = options;
    const reason = options.reason?.trim() ?? '';
    const existing = await this.current(kind, id, baseVersion);
    const definition = kindDefinitions[kind];
    if (definition.appendOnly) {
      throw new AppError({ code: 'forbidden', message: `${kind} records are never edited.` });
    }
    const reasonIssue = correctionReasonIssue(kind, transition ? 'transition' : 'update', reason);
    if (reasonIssue) throw invalid(kind, [reasonIssue]);
    const merged = { ...dataFields(existing), ...withoutMeta(patch) } as KindData[K];
    const clean = this.validate(kind, merged);
    const changed = changedFields(dataFields(existing), clean as Record<string, unknown>);
    if (Object.keys(changed).length === 0 && !transition) return existing;
    checkActorStamp(kind, 'update', changed, dataFields(existing), this.ctx.actor.name);
    const stamp = await this.checkAndStamp(kind, { ...existing, ...(clean as object) });
    const record = {
      ...existing,
      ...(clean as object),
      version: existing.version + 1,
      hlc: stamp.hlc,
      updatedAt: stamp.at,
      updatedBy: this.ctx.actor.userId,
    } as StoredRecord<KindData[K]>;
    if (definition.keepsRevisions) {
      // One row per superseded state (revisionId); put, so the same state kept twice
      // stays one row.
      this.issue(
        this.db.revisions.put({
          id: revisionId(kind, id, existing),
          kind,
          recordId: id,
          version: existing.version,
          record: existing,
          reason,
          supersededAt: stamp.at,
          supersededBy: this.ctx.actor.userId,
        }),
      );
    }
    const op: Op = transition ? 'transition' : 'update';
    return this.persist(kind, record, op, changed, transition ?? null, reason);
  }

  async remove(kind: RecordKind, id: string, baseVersion: number) {
    const existing = await this.current(kind, id, baseVersion);
    // Append-only kinds are never changed; corrected kinds are retired by a correction
    // with its reason, never erased (the same rule HQ checks: shared/records/corrections).
    if (kindDefinitions[kind].appendOnly || !isDeletable(kind)) {
      throw new AppError({ code: 'forbidden', message: `${kind} records are never deleted.` });
    }
    const stamp = await this.stamp(); // a tombstone breaks no rule between records
    const record = {
      ...existing,
      deleted: true,
      version: existing.version + 1,
      hlc: stamp.hlc,
      updatedAt: stamp.at,
      updatedBy: this.ctx.actor.userId,
    };
    await this.persist(kind, record, 'delete', { deleted: true }, null);
  }

  /** Loads the record the caller edited and refuses the write if it moved on since. */
  private async current<K extends RecordKind>(kind: K, id: string, baseVersion: number) {
    const existing = await this.get(kind, id);
    if (!existing || existing.deleted) {
      throw new AppError({ code: 'not_found', message: `No ${kind} with id ${id}.` });
    }
    if (existing.version !== baseVersion) {
      throw new AppError({
        code: 'conflict',
        message: `The ${kind} was changed by someone else (version ${existing.version}, edited ${baseVersion}).`,
        details: { currentVersion: existing.version, updatedBy: existing.updatedBy },
      });
    }
    return existing;
  }

  private validate<K extends RecordKind>(kind: K, data: unknown): KindData[K] {
    const definition = kindDefinitions[kind];
    const parsed = definition.schema.safeParse(withSearchTokens(data));
    const rules = definition.domainIssues as (
      d: unknown,
      t: string,
    ) => ReturnType<typeof definition.domainIssues>;
    if (!parsed.success) {
      // Say every problem at once: the rules between fields too (an end before its start),
      // not only after the form's format problems are fixed (a form listed 2 of 4).
      const formatErrors = fieldErrorsFromZod(parsed.error);
      const derive = definition.derive as (d: unknown) => unknown;
      const more = rulesOfUnparsed((d) => rules(derive(d), this.today), data, formatErrors);
      throw invalid(kind, [...formatErrors, ...more]);
    }
    const derived = (definition.derive as (d: unknown) => KindData[K])(parsed.data);
    const issues = rules(derived, this.today);
    if (issues.length > 0) throw invalid(kind, issues);
    return derived;
  }

  /**
   * Checks the rules between records (they read only data fields, id and deleted) while
   * the clock is read: one wait instead of two before the record is written.
   */
  private async checkAndStamp(kind: RecordKind, draft: object) {
    const [stamp] = await Promise.all([
      this.stamp(),
      checkInvariants(this.db, kind, draft as StoredRecord<unknown>),
    ]);
    return stamp;
  }

  private async stamp() {
    const at = this.ctx.now();
    const hlc = await this.counters.nextHlc(at.getTime(), this.ctx.deviceId);
    return { at: at.toISOString(), hlc };
  }

  private async persist<T>(
    kind: RecordKind,
    record: StoredRecord<T>,
    op: Op,
    fields: Record<string, unknown>,
    transition: TransitionStamp | null,
    reason = '',
  ): Promise<StoredRecord<T>> {
    const office = kindDefinitions[kind].scope === 'office';
    // The same coarse rule HQ checks on every pushed op (shared/authority/kindWriters),
    // in the held role that may (a workflow step only in the role that took it).
    const { actor } = this.ctx;
    const role = transition
      ? mayWrite(actor.role, kind)
        ? actor.role
        : null
      : actingRoleFor(actor.role, heldRolesOf(actor), kind);
    if (office && !role) {
      throw new AppError({
        code: 'forbidden',
        message: `Role ${heldRolesOf(actor).join('+')} may not write ${kind} records.`,
        details: { role: actor.role, kind },
      });
    }
    this.issue(recordTable(this.db, kind).put(record));
    if (office) {
      const entry: QueueEntry = {
        seq: await this.counters.nextSeq(),
        opId: newRecordId(),
        txId: this.txId,
        deviceId: this.ctx.deviceId,
        officeId: this.ctx.officeId,
        kind,
        recordId: record.id,
        op,
        fields,
        // The HQ version this change was made on (see envelope.ts: hqVersion).
        baseVersion: record.hqVersion ?? 0,
        transition,
        reason: reason || null,
        hlc: record.hlc,
        // One role per op, the one it was written in: the protocol's shape is unchanged.
        actor: { userId: actor.userId, name: actor.name, role: role ?? actor.role },
        createdAt: record.updatedAt,
      };
      this.issue(this.db.queue.add(entry));
    }
    return record;
  }

  /** The first of its writes that failed (write() reports it). */
  get firstFailure(): unknown {
    return this.writes.firstFailure;
  }

  private issue(request: Promise<unknown>): void {
    this.writes.issue(request);
  }
}

function withoutChainFields(data: object): object {
  const { chainSeq: _seq, prevSeal: _prev, seal: _seal, ...rest } = data as AccessLogData;
  return rest;
}

function withSearchTokens(data: unknown): unknown {
  // searchTokens are derived after parsing; give the schema a placeholder to accept.
  if (typeof data === 'object' && data !== null && !('searchTokens' in data)) {
    return { ...data, searchTokens: [] };
  }
  return data;
}

const metaKeySet = new Set<string>(recordMetaKeys);

/** Meta fields are the write path's to set; a patch or form can never supply them. */
function withoutMeta(patch: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(patch).filter(([key]) => !metaKeySet.has(key)));
}

function dataFields(record: RecordMeta & object): Record<string, unknown> {
  return withoutMeta(record);
}

function changedFields(before: Record<string, unknown>, after: Record<string, unknown>) {
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(value)) changed[key] = value;
  }
  return changed;
}

/**
 * The rules between fields, run on data that failed its schema, as far as they can be:
 * a rule that cannot read the data says nothing, and a field already reported by the
 * schema keeps that one message. Only for telling the user; nothing is written.
 */
function rulesOfUnparsed(
  rules: (d: unknown) => FieldError[],
  data: unknown,
  reported: FieldError[],
): FieldError[] {
  const paths = new Set(reported.map((e) => e.path));
  try {
    return rules(data).filter((e) => !paths.has(e.path));
  } catch {
    return [];
  }
}
