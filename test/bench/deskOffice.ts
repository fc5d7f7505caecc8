import type { SyncTransport } from '@shared/sync/ports';
import { syncOnce, type SyncReport } from '@shared/sync/engine';
import { newRecordId } from '@shared/records/ids';
import { DeskDatabase } from '../../renderer/src/db/database';
import { pushAnswer } from '../support/hqHarness';
import type { SyncDesk } from '../support/syncDesks';
import { bulkLoad, loadBarePages } from './bulkLoad';
import {
  createOps,
  generateOffice,
  RecordStamper,
  type GeneratedRecord,
  type OfficeSize,
} from './generator';
import type { QueueEntry } from '@shared/sync/queueEntry';

/**
 * The bench's office on a Node desk and its sync measures, shared by the sync bench
 * (syncBench.ts) and the province-sized pull (test/load/provincePull.ts).
 */

/**
 * The generated office written to a desk by the fast path (not measured), with the
 * queue entries the write path would have made: the office as saved, waiting to push.
 */
export async function loadOfficeOnDesk(
  desk: SyncDesk,
  seed: number,
  size: OfficeSize,
): Promise<{ records: GeneratedRecord[]; ops: QueueEntry[]; queued: number }> {
  const stamper = new RecordStamper(desk.officeId, desk.deviceId, desk.ctx.actor, Date.now());
  const records = generateOffice(seed, size, stamper);
  const seqRow = await desk.db.meta.get('deviceSeq');
  const firstSeq = (typeof seqRow?.value === 'number' ? seqRow.value : 0) + 1;
  const ops = createOps(records, stamper, firstSeq);
  await bulkLoad(desk.db, records);
  for (let i = 0; i < ops.length; i += 5_000) await desk.db.queue.bulkAdd(ops.slice(i, i + 5_000));
  await desk.db.meta.put({ key: 'deviceSeq', value: firstSeq + ops.length - 1 });
  return { records, ops, queued: await desk.db.queue.count() };
}

/** The real engine pushes the desk's queue, stopped once `queued` ops are handled (no pull). */
export function pushQueued(desk: SyncDesk, queued: number): Promise<SyncReport> {
  const transport = desk.transport as SyncTransport;
  let handled = 0;
  const counting: SyncTransport = {
    pull: (request) => transport.pull(request),
    push: async (request) => {
      const response = await transport.push(request);
      handled += pushAnswer(response).results.filter((r) => r.status !== 'deferred').length;
      return response;
    },
  };
  return syncOnce(desk.store, counting, { shouldStop: () => handled >= queued });
}

/**
 * The bare pull: a bare server's 5,000-record JSON pages (syncBench.ts, startBareServer)
 * into a fresh desk store, one bulkPut per kind per page. The store is deleted after.
 */
export async function barePull(url: string): Promise<{ records: number; ms: number }> {
  const pullDb = new DeskDatabase(`bench-bare-pull-${newRecordId()}`);
  await pullDb.open();
  try {
    const started = performance.now();
    const pulled = await loadBarePages(pullDb, url);
    return { records: pulled, ms: performance.now() - started };
  } finally {
    await pullDb.delete();
  }
}
