import { AppError } from '../errors/appError';
import {
  openPullPage,
  openPushAnswer,
  requestNonce,
  trustedHqKey,
  type TrustedHqKey,
} from './hqSignature';
import { pushBodyBudget, withinPushBudget } from './pushBudget';
import {
  maxPullLimit,
  maxPushOps,
  type OpResult,
  type PullRequest,
  type PullResponse,
  type PushResponse,
  type SyncCursor,
} from './protocol';
import type { QueueEntry } from './queueEntry';
import type { SyncStore, SyncTransport } from './ports';

export interface SyncProgress {
  phase: 'pushing' | 'pulling';
  /** Ops pushed so far, or changes pulled so far. */
  done: number;
  /** Ops to push at the start (pulling: changes known so far, grows page by page). */
  total: number;
}

export interface SyncReport {
  pushed: number;
  rejected: number;
  conflicts: number;
  pulled: number;
  /** HQ's clock from the last response, to detect a device clock that is off. */
  hqTime: string | null;
}

export interface SyncOptions {
  pushBatch?: number;
  pullLimit?: number;
  onProgress?: (progress: SyncProgress) => void;
  /** Checked between batches: a clean stop never leaves a half-applied page. */
  shouldStop?: () => boolean;
}

/**
 * One sync round: push every queued op in sequence order (batch by batch), then pull
 * HQ's changes page by page until caught up. Each step is atomic on its own side, so
 * a round cut anywhere (network, crash, close) resumes where it stopped: HQ applies an
 * op at most once (by op id) and the desk advances its cursor with the page it applied.
 * Every push answer and pull page must carry HQ's signature for this desk and request
 * (shared/sync/hqSignature.ts) before anything of it is acknowledged or applied.
 */
export async function syncOnce(
  store: SyncStore,
  transport: SyncTransport,
  options: SyncOptions = {},
): Promise<SyncReport> {
  const pushBatch = Math.min(options.pushBatch ?? maxPushOps, maxPushOps);
  const report: SyncReport = { pushed: 0, rejected: 0, conflicts: 0, pulled: 0, hqTime: null };
  const total = await store.pendingCount();
  // Without HQ's pinned key no answer can be checked: nothing is sent, the queue stays.
  const trust = await pinnedHq(store);
  const chainKey = (await store.accessChainKey?.()) ?? null;

  let readLimit = pushBatch;
  // The batch HQ answered last (no op deferred): the desk acknowledges it while HQ works
  // on the next one, instead of HQ and the desk taking turns.
  let answered: { lastSeq: number; count: number; results: OpResult[] } | null = null;
  let acking: Promise<void> = Promise.resolve();
  try {
    while (!options.shouldStop?.()) {
      // The read is asked for before the acknowledgement (IndexedDB holds a read asked
      // for after a write until the write is done) and skips the answered batch, which
      // the acknowledgement is removing.
      const reading = store.pendingOps(readLimit + (answered?.count ?? 0));
      const after = answered?.lastSeq ?? 0;
      if (answered) {
        acking = store.acknowledge(answered.results);
        // Awaited after the next push; failing before that must not be an unhandled
        // rejection (the await below still throws it).
        acking.catch(() => undefined);
      }
      answered = null;
      let read = (await reading).filter((op) => op.seq > after);
      if (read.length === 0 && after > 0) {
        // Nothing past the answered batch fitted the read (the store keeps a local
        // transaction whole): read again, from the front, once it is acknowledged.
        await acking;
        read = await store.pendingOps(readLimit);
      }
      if (read.length === 0) break;
      const ops = withinPushBudget(read, pushBodyBudget, pushBatch);
      // Cut by bytes: read about that many next time rather than the full count again.
      readLimit = ops.length < read.length ? Math.min(pushBatch, ops.length + 64) : pushBatch;
      options.onProgress?.({ phase: 'pushing', done: report.pushed, total });
      const response = await pushChecked(transport, trust, ops, chainKey);
      await acking;
      report.hqTime = response.hqTime;
      const handled = countHandled(response.results, report);
      // Nothing HQ would take (all deferred): HQ is missing earlier changes of this desk.
      // Say so rather than look idle or resend in a tight loop.
      if (handled === 0) {
        throw new AppError({
          code: 'conflict',
          message: 'HQ is waiting for earlier changes from this device.',
          details: { firstSeq: ops[0]?.seq ?? 0 },
        });
      }
      const last = ops.at(-1)?.seq ?? 0;
      if (response.results.some((r) => r.status === 'deferred')) {
        // Deferred ops stay queued and go again, read from the front of the queue.
        await store.acknowledge(response.results);
      } else answered = { lastSeq: last, count: ops.length, results: response.results };
    }
    if (answered) await store.acknowledge(answered.results);
    await acking;
  } finally {
    // Failed meanwhile (HQ unreachable): the acknowledgement under way still finishes.
    await acking.catch(() => undefined);
  }

  const limit = Math.min(options.pullLimit ?? maxPullLimit, maxPullLimit);
  if (options.shouldStop?.()) return report;
  let held = await store.cursor();
  let asked = held;
  // The first page carries the desk's report of itself, counted after the push.
  const said = await store.deskReport?.();
  let next: Promise<PullResponse> | null = requestPage(transport, trust, {
    cursor: asked,
    limit,
    ...(said ? { report: said } : {}),
  });
  while (next) {
    const page: PullResponse = await next;
    report.hqTime = page.hqTime;
    // More to come, but from where this page started: asking again would get the same
    // page for ever. HQ's pages always move on, so this is a fault to show, not to loop on.
    if (page.hasMore && !movesOn(page.cursor, asked)) throw pageStalledError(asked);
    // The next page is asked for before this one is applied, so HQ reads it while the
    // desk writes (they used to take turns, each idle a third of the time). The request
    // says what the desk holds so far, apart from where to read from.
    next =
      page.hasMore && !options.shouldStop?.()
        ? requestPage(transport, trust, { cursor: page.cursor, limit, held })
        : null;
    asked = page.cursor;
    // A page the store refuses (shared/sync/incomingChanges.ts) throws here: the round
    // fails with that error, the page asked for meanwhile is dropped unapplied, and the
    // cursor stays before the refused page, so the next round asks for it again and
    // nothing after it is ever skipped.
    try {
      await store.applyPulled(page.changes, page.cursor);
      if (page.deviceSeq !== undefined) await store.hqHoldsSeq?.(page.deviceSeq);
    } catch (error) {
      // The round ends only once that request has: none is left open behind a failed
      // round (a desk closing, or an HQ stopping, would wait on it).
      await next?.catch(() => undefined);
      throw error;
    }
    held = page.cursor;
    report.pulled += page.changes.length;
    options.onProgress?.({ phase: 'pulling', done: report.pulled, total: report.pulled });
  }
  return report;
}

interface PinnedHq {
  deviceId: string;
  key: TrustedHqKey;
}

/**
 * HQ's signing key as this desk pinned it at enrollment; without one nothing is pushed
 * or pulled (no answer could be checked), and the queue keeps every op.
 */
async function pinnedHq(store: SyncStore): Promise<PinnedHq> {
  const trust = await store.hqTrust();
  if (!trust) {
    throw new AppError({
      code: 'forbidden',
      message:
        'This desk holds no HQ signing key (enrolled before answers were signed): enroll again.',
      fieldErrors: [{ path: 'hqSignature', code: 'sync.hq_key_missing' }],
      details: { reason: 'hq_key_missing' },
    });
  }
  return { deviceId: trust.deviceId, key: await trustedHqKey(trust.signingKey) };
}

function movesOn(cursor: SyncCursor, from: SyncCursor): boolean {
  return cursor.office > from.office || cursor.reference > from.reference;
}

/** The field code of a round HQ's pages would keep at one place. */
export const pageStalledCode = 'sync.page_stalled';

function pageStalledError(at: SyncCursor): AppError {
  return new AppError({
    code: 'internal',
    message: `HQ said more changes follow but its page did not move past ${JSON.stringify(at)}.`,
    fieldErrors: [{ path: 'cursor', code: pageStalledCode }],
    details: { office: at.office, reference: at.reference },
  });
}

/**
 * A pull request that may fail while the page before it is still being applied: it is
 * marked handled at once (awaiting it still throws), so a failure there is never an
 * unhandled rejection, and is dropped if applying fails first. The page is opened only
 * once its signature holds for this device, this cursor and this request's nonce: a
 * page refused here is never handed to the store, and the cursor stays where it was.
 */
function requestPage(
  transport: SyncTransport,
  hq: PinnedHq,
  request: Omit<PullRequest, 'nonce'>,
): Promise<PullResponse> {
  const nonce = requestNonce();
  const answer = transport
    .pull({ ...request, nonce })
    .then((signed) =>
      openPullPage(
        signed,
        { answer: 'pull', deviceId: hq.deviceId, cursor: request.cursor, nonce },
        hq.key,
      ),
    );
  answer.catch(() => undefined);
  return answer;
}

/**
 * One push, its answer opened only once its signature holds for this device, this
 * request's nonce and exactly these ops in this order. A refused answer throws before
 * anything is acknowledged: the ops stay queued and go again next round, and HQ answers
 * a repeat from its op-id records, so nothing applies twice.
 */
async function pushChecked(
  transport: SyncTransport,
  hq: PinnedHq,
  ops: QueueEntry[],
  accessChainKey: string | null,
): Promise<PushResponse> {
  const nonce = requestNonce();
  const signed = await transport.push({
    ops,
    nonce,
    ...(accessChainKey ? { accessChainKey } : {}),
  });
  const opIds = ops.map((op) => op.opId);
  return openPushAnswer(signed, { answer: 'push', deviceId: hq.deviceId, nonce, opIds }, hq.key);
}

function countHandled(results: OpResult[], report: SyncReport): number {
  let handled = 0;
  for (const r of results) {
    if (r.status === 'deferred') continue;
    handled += 1;
    report.pushed += 1;
    if (r.status === 'rejected') report.rejected += 1;
    if (r.status === 'conflict') report.conflicts += 1;
  }
  return handled;
}
