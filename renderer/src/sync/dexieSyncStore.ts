import { accessChainHeadOf, accessChainKeyOf } from '../db/accessChain';
import { formatHlc, parseHlc, receiveHlc } from '@shared/clock/hlc';
import { AppError, toAppErrorData } from '@shared/errors/appError';
import { kindDefinitions, type RecordKind } from '@shared/records/kinds';
import { refreshIdTails } from '@shared/search/idTails';
import {
  checkIncomingChanges,
  pageRefusedError,
  type ChangeRefusal,
} from '@shared/sync/incomingChanges';
import type { QueueEntry } from '@shared/sync/queueEntry';
import type { HqTrust, SyncStore } from '@shared/sync/ports';
import type { DeskReport, OpResult, ServerChange, SyncCursor } from '@shared/sync/protocol';
import {
  recordTable,
  recordTableNames,
  revisionId,
  type DeskDatabase,
  type RejectedOpRow,
  type RevisionRow,
} from '../db/database';
import {
  rebuildStaysAfterPull,
  residentsMoved,
} from '../db/repositories/elderlyCare/staysAfterPull';
import { officeSettingsId } from '../db/repositories/settings';
import { opsBeforeSeqCheck, settleSeqCheck } from '../db/repositories/backup/seqCheck';
import type { WriteContext } from '../db/writeContext';
import { isRecordKind, openConflictCount } from './conflicts';
import { loadHqTrust } from './hqTrust';
import { PageWrites, type Versioned } from './pageWrites';
import { keepRefusedChanges } from './refusedChanges';
import { cursorKey, loadCursor } from './syncCursor';

const hlcKey = 'hlc';

/**
 * A page (or a package's changes) the desk refused: the sync round's error
 * (`sync.page_refused`), carrying each refused change's reason so it can be kept.
 */
export class RefusedChangesError extends AppError {
  constructor(
    readonly changes: readonly ServerChange[],
    readonly refusals: readonly ChangeRefusal[],
  ) {
    super(pageRefusedError(changes, refusals).toData());
    this.name = 'RefusedChangesError';
  }
}

/**
 * The desk's side of sync over Dexie. Pulled records replace the local copy, except
 * that fields with local changes still queued for HQ keep their local value: those
 * changes will reach HQ, which merges them field by field, and come back in a later
 * pull. So a pull never undoes work the registrar has not yet sent.
 */
export class DexieSyncStore implements SyncStore {
  constructor(
    private readonly db: DeskDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * The oldest ops, never cutting one local transaction in two: HQ must see a workflow
   * step and its history event in the same push (it refuses the event of a step it
   * does not apply). Only a single transaction larger than the limit is sent split.
   */
  async pendingOps(limit: number): Promise<QueueEntry[]> {
    // After a restore, only the backup's own ops until HQ said how far it holds this
    // device (hqHoldsSeq): the ones made since may need other seqs.
    return opsBeforeSeqCheck(this.db, await this.queuedOps(limit));
  }

  /** HQ's last seq of this device came with a pull page: see seqCheck.ts. */
  async hqHoldsSeq(seq: number): Promise<void> {
    await settleSeqCheck(this.db, seq);
  }

  private async queuedOps(limit: number): Promise<QueueEntry[]> {
    const ops = (
      await this.db.queue
        .orderBy('seq')
        .limit(limit + 1)
        .toArray()
    ).map(({ heldAtHq: _held, ...entry }) => entry);
    if (ops.length <= limit) return ops;
    const lastTx = ops[limit - 1]?.txId;
    if (ops[limit]?.txId !== lastTx) return ops.slice(0, limit);
    const whole = ops.slice(0, limit).filter((op) => op.txId !== lastTx);
    return whole.length > 0 ? whole : ops.slice(0, limit);
  }

  pendingCount(): Promise<number> {
    return this.db.queue.count();
  }

  /** What the desk tells HQ of itself: queued changes and open conflicts (display only). */
  async deskReport(): Promise<DeskReport> {
    // One read transaction: HQ reads a head past what it holds with nothing queued as
    // entries removed, so a look written between the count and the head must not split them.
    const [queued, conflicts, key, head] = await this.db.transaction(
      'r',
      [this.db.queue, this.db.syncConflicts, this.db.meta],
      () =>
        Promise.all([
          this.db.queue.count(),
          openConflictCount(this.db),
          accessChainKeyOf(this.db),
          accessChainHeadOf(this.db),
        ]),
    );
    return {
      queued,
      conflicts,
      ...(key ? { accessChainKey: key, accessChainSeq: head?.seq ?? 0 } : {}),
    };
  }

  accessChainKey(): Promise<string | null> {
    return accessChainKeyOf(this.db);
  }

  /** The device id and pinned HQ key every pull page is checked against (hqTrust.ts). */
  hqTrust(): Promise<HqTrust | null> {
    return loadHqTrust(this.db);
  }

  /**
   * Removes what HQ answered, in one transaction with one read and one delete for the
   * whole batch (not a read and a delete per op): refused ops are kept aside for people.
   */
  async acknowledge(results: OpResult[]): Promise<void> {
    const answered = results.filter((r) => r.status !== 'deferred');
    if (answered.length === 0) return;
    const tables = [
      this.db.queue,
      this.db.rejectedOps,
      ...recordTableNames.map((n) => this.db.table(n)),
    ];
    await this.db.transaction('rw', tables, async () => {
      const entries = await this.db.queue.bulkGet(answered.map((r) => r.seq));
      const done: number[] = [];
      const refused: RejectedOpRow[] = [];
      answered.forEach((result, i) => {
        const entry = entries[i];
        if (!entry || entry.opId !== result.opId) return; // already acknowledged
        done.push(entry.seq);
        if (result.status === 'rejected') {
          const { heldAtHq: _held, ...op } = entry;
          refused.push({
            opId: entry.opId,
            entry: op,
            reason: toAppErrorData(result.reason),
            rejectedAt: this.now().toISOString(),
          });
        }
      });
      if (refused.length > 0) await this.db.rejectedOps.bulkPut(refused);
      if (done.length > 0) await this.db.queue.bulkDelete(done);
      await this.dropRefusedCopies(refused);
    });
  }

  /**
   * A record HQ told the desk it does not hold (version 0: its create was refused) that
   * was kept only because later ops of it were still queued: once the last of them is
   * refused too, the desk's copy goes, as it does when nothing is queued
   * (`isAbsentAtHq` in applyPulled). Runs inside acknowledge's transaction.
   */
  private async dropRefusedCopies(refused: RejectedOpRow[]): Promise<void> {
    const seen = new Set<string>();
    for (const { entry } of refused) {
      const key = `${entry.kind}:${entry.recordId}`;
      if (seen.has(key) || !isRecordKind(entry.kind)) continue;
      seen.add(key);
      const table = recordTable(this.db, entry.kind);
      const copy = (await table.get(entry.recordId)) as { version?: unknown } | undefined;
      if (!copy || copy.version !== 0) continue;
      if ((await this.db.queue.where('recordId').equals(entry.recordId).count()) > 0) continue;
      await table.delete(entry.recordId);
    }
  }

  /**
   * Queued ops per record id, in sequence order, for the records of a page: the ones
   * still to lay over HQ's state. Ops HQ already holds (a change of this page, or of an
   * earlier one, says so) are marked and left out.
   */
  private async pendingByRecord(
    ids: string[],
    changes: ServerChange[],
  ): Promise<Map<string, QueueEntry[]>> {
    // An initial pull meets an empty queue: nothing to mark or lay over, no index reads.
    if ((await this.db.queue.count()) === 0) return new Map();
    const heldIds = changes.flatMap((c) => (c.opId ? [c.opId] : []));
    if (heldIds.length > 0) {
      const held = await this.db.queue.where('opId').anyOf(heldIds).toArray();
      await this.db.queue.bulkPut(held.map((entry) => ({ ...entry, heldAtHq: true as const })));
    }
    const entries = await this.db.queue.where('recordId').anyOf(ids).sortBy('seq');
    const byRecord = new Map<string, QueueEntry[]>();
    for (const entry of entries) {
      if (entry.heldAtHq) continue;
      const list = byRecord.get(entry.recordId) ?? [];
      list.push(entry);
      byRecord.set(entry.recordId, list);
    }
    return byRecord;
  }

  cursor(): Promise<SyncCursor> {
    return loadCursor(this.db);
  }

  /** The desk's own office: what every office record it takes from HQ must name. */
  async officeId(): Promise<string> {
    return (await this.db.settings.get(officeSettingsId))?.officeId ?? '';
  }

  /** Why HQ's changes may not be applied here (empty: they may); nothing is written. */
  async refusalsOf(changes: readonly ServerChange[]): Promise<ChangeRefusal[]> {
    return checkIncomingChanges(changes, { officeId: await this.officeId() });
  }

  /**
   * One page in one transaction, with one read of the queue and one bulk write per kind
   * (not a read and a write per record): pulls are the desk's largest writes. A page
   * with a change the desk may not take applies nothing: the refused changes are kept
   * (refusedChanges.ts) and the round fails with `sync.page_refused`.
   */
  async applyPulled(changes: ServerChange[], cursor: SyncCursor): Promise<void> {
    try {
      await this.applyPage(changes, cursor);
    } catch (error) {
      if (error instanceof RefusedChangesError) {
        await keepRefusedChanges(this.db, changes, error.refusals, { kind: 'pull' }, this.now());
      }
      throw error;
    }
    await this.afterPull(changes);
  }

  /**
   * The transactional part of applyPulled. A sync package's import calls it inside its
   * own larger transaction (with the acknowledgements and the package history), so the
   * whole package applies or nothing does. The changes' records may become the stored
   * records themselves (see overlay): callers hand over changes they do not reuse.
   *
   * Every change is checked first (shared/sync/incomingChanges.ts); if one may not be
   * applied, RefusedChangesError is thrown before anything is written.
   */
  async applyPage(changes: ServerChange[], cursor: SyncCursor): Promise<void> {
    await this.db.transaction(
      'rw',
      [...recordTableNames, 'queue', 'meta', 'revisions'],
      async () => {
        // Another path may have moved the cursor since this page was asked for (a
        // package imported during an online pull): what it already applied stays.
        const [current, officeId] = await Promise.all([this.cursor(), this.officeId()]);
        const refusals = checkIncomingChanges(changes, { officeId });
        if (refusals.length > 0) throw new RefusedChangesError(changes, refusals);
        const fresh = changes.filter((c) => c.seq > current[c.stream]);
        const pending = await this.pendingByRecord(
          fresh.map((c) => String(c.record.id)),
          fresh,
        );
        const page = new PageWrites(this.db);
        await page.preload(
          fresh.filter((c) => kindDefinitions[c.kind as RecordKind].keepsRevisions),
        );
        // The clock moves past the page's latest stamp once (receiving each stamp in turn
        // ends past the same latest one; HLC strings sort as the clock orders).
        let latest = '';
        for (const change of fresh) {
          const kind = change.kind as RecordKind;
          const incoming = change.record as unknown as Versioned & { hlc: string };
          const queued = pending.get(incoming.id) ?? [];
          if (isAbsentAtHq(incoming) && queued.length === 0) {
            // HQ refused to create it: the desk drops its copy (the refused op, with all its
            // fields, stays in rejectedOps for people to see and redo).
            page.remove(kind, incoming.id);
          } else {
            if (kindDefinitions[kind].keepsRevisions) {
              const current = page.current(kind, incoming.id);
              const revision = supersededRevision(kind, current, incoming, change.reason, this.now);
              if (revision) page.revisions.push(revision);
            }
            const record = overlay(incoming, queued);
            // The desk's ID-tail index, whatever HQ stored (records from before tails).
            page.put(kind, kind === 'person' ? refreshIdTails(record) : record);
          }
          if (typeof incoming.hlc === 'string' && incoming.hlc > latest) latest = incoming.hlc;
        }
        await page.flush();
        const remote = parseHlc(latest);
        if (remote) {
          const local = parseHlc(String((await this.db.meta.get(hlcKey))?.value ?? ''));
          const clock = local ? receiveHlc(local, remote, this.now().getTime()) : remote;
          await this.db.meta.put({ key: hlcKey, value: formatHlc(clock) });
        }
        await this.db.meta.put({
          key: cursorKey,
          value: {
            office: Math.max(cursor.office, current.office),
            reference: Math.max(cursor.reference, current.reference),
          },
        });
      },
    );
  }

  /** Records each desk derives itself (elderly-care stays) follow what arrived. */
  async afterPull(changes: ServerChange[]): Promise<void> {
    const moved = residentsMoved(changes);
    if (
      moved.length > 0 ||
      (await this.db.syncConflicts.where('status').equals('open').count()) > 0
    ) {
      await rebuildStaysAfterPull(this.db, await this.systemContext(), moved);
    }
  }

  /** The actor of derived records the desk writes itself after a pull. */
  private async systemContext(): Promise<WriteContext> {
    const [settings, device] = await Promise.all([
      this.db.settings.get(officeSettingsId),
      this.db.meta.get('deviceId'),
    ]);
    return {
      actor: { userId: 'sync', name: '同步', role: 'registrar' },
      officeId: settings?.officeId ?? '',
      deviceId: typeof device?.value === 'string' ? device.value : '',
      now: this.now,
    };
  }
}

/**
 * Records that are corrected, never overwritten, keep their history on every desk:
 * when a pulled version replaces a different local one, the local one becomes a
 * revision with the correction's reason (this desk's own change coming back is the
 * same state, same clock, and adds nothing).
 */
function supersededRevision(
  kind: RecordKind,
  current: Versioned | undefined,
  incoming: Versioned,
  reason: string | undefined,
  now: () => Date,
): RevisionRow | null {
  if (!current || current.hlc === incoming.hlc) return null;
  if ((current.version ?? 0) >= (incoming.version ?? 0)) return null;
  return {
    id: revisionId(kind, incoming.id, current),
    kind,
    recordId: incoming.id,
    version: current.version ?? 0,
    record: current,
    reason: reason ?? '',
    supersededAt: incoming.updatedAt ?? now().toISOString(),
    supersededBy: incoming.updatedBy ?? '',
  };
}

/** HQ sends version 0, deleted, for a record it refused to create. */
function isAbsentAtHq(record: { id: string }): boolean {
  const r = record as { version?: unknown; deleted?: unknown };
  return r.version === 0 && r.deleted === true;
}

/**
 * HQ's record with the fields of still-queued local changes laid over it, in order.
 * With nothing queued, the pulled record itself is stored, only marked with its HQ
 * version: a page's changes are the store's to keep (they come fresh from the transport
 * or a package), and copying every record of an initial pull was a tenth of its time.
 */
function overlay(record: { id: string }, pending: QueueEntry[]): Record<string, unknown> {
  if (pending.length === 0) {
    const own = record as Record<string, unknown>;
    own.hqVersion = (record as { version?: number }).version ?? 0;
    return own;
  }
  const merged: Record<string, unknown> = {
    ...record,
    hqVersion: (record as { version?: number }).version ?? 0,
  };
  for (const entry of pending) Object.assign(merged, entry.fields);
  return merged;
}
