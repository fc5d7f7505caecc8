import { AppError } from '../errors/appError';
import { maxPullLimit, maxPushOps, type OpResult } from './protocol';
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
 */
export async function syncOnce(
  store: SyncStore,
  transport: SyncTransport,
  options: SyncOptions = {},
): Promise<SyncReport> {
  const pushBatch = Math.min(options.pushBatch ?? maxPushOps, maxPushOps);
  const report: SyncReport = { pushed: 0, rejected: 0, conflicts: 0, pulled: 0, hqTime: null };
  const total = await store.pendingCount();

  while (!options.shouldStop?.()) {
    const ops = await store.pendingOps(pushBatch);
    if (ops.length === 0) break;
    options.onProgress?.({ phase: 'pushing', done: report.pushed, total });
    const response = await transport.push({ ops });
    report.hqTime = response.hqTime;
    await store.acknowledge(response.results);
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
  }

  const limit = Math.min(options.pullLimit ?? maxPullLimit, maxPullLimit);
  for (;;) {
    if (options.shouldStop?.()) break;
    const cursor = await store.cursor();
    const page = await transport.pull({ cursor, limit });
    report.hqTime = page.hqTime;
    await store.applyPulled(page.changes, page.cursor);
    report.pulled += page.changes.length;
    options.onProgress?.({ phase: 'pulling', done: report.pulled, total: report.pulled });
    if (!page.hasMore) break;
  }
  return report;
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
