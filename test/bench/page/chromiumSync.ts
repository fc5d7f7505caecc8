/**
 * Push from a real desk in Chromium (issue #17 item 3) and the bare Chromium baselines
 * of push and pull (issue #17 item 1 asks the pull for one), on real IndexedDB in the
 * replication page's on-disk profile. The desk is the browser build's: sealed store,
 * DexieSyncStore, the web transport, the engine's syncOnce; the bare peers read and
 * write the same records and ops with plain bulkPut / bulkAdd / fetch against the bench's
 * bare loopback server (syncBench.ts `startBareServer`), 5,000 to a page or post.
 */
import type { PublicKeys } from '@shared/package/keys';
import { newRecordId } from '@shared/records/ids';
import { syncOnce } from '@shared/sync/engine';
import { pushResponseSchema } from '@shared/sync/protocol';
import type { SyncTransport } from '@shared/sync/ports';
import { DeskDatabase } from '../../../renderer/src/db/database';
import { latestSchemaVersion } from '../../../renderer/src/db/schema';
import { DexieSyncStore } from '../../../renderer/src/sync/dexieSyncStore';
import { browserFetch, createWebTransport } from '../../../renderer/src/sync/httpTransport.web';
import type { WebCredential } from '../../../renderer/src/sync/syncMeta';
import { bulkLoad, loadBarePages } from '../bulkLoad';
import { keepEnrollment, takeDeviceId, writeFirstRunSettings } from './enrolledDesk';
import {
  accountRecord,
  createOps,
  generateOffice,
  RecordStamper,
  type OfficeSize,
} from '../generator';

const barePage = 5_000;

/** Counts HQ's answers to pushed ops that are not deferred (the push is done at `queued`). */
function countingPushes(transport: SyncTransport) {
  const counter = { handled: 0 };
  const counting: SyncTransport = {
    pull: (request) => transport.pull(request),
    push: async (request) => {
      const response = await transport.push(request);
      const answer = pushResponseSchema.parse(JSON.parse(new TextDecoder().decode(response.body)));
      counter.handled += answer.results.filter((r) => r.status !== 'deferred').length;
      return response;
    },
  };
  return { counting, counter };
}

export const chromiumSync = {
  /**
   * A desk enrolled for its own office: the office generated on it as its registrar
   * made it (records + the write path's queue entries, loaded by the fast path as
   * desk A's in syncBench.ts), then the engine pushes until every op is answered; no
   * pull is timed. Then, in the same page, the bare push of the same ops.
   */
  async deskPush(
    credential: WebCredential,
    hqKeys: PublicKeys,
    seed: number,
    size: OfficeSize,
    bareUrl: string,
  ) {
    const db = new DeskDatabase(`bench-push-${Date.now()}`);
    await db.open();
    await takeDeviceId(db, credential);
    const actor = { userId: newRecordId(), name: '管理员', role: 'admin' as const };
    const stamper = new RecordStamper(credential.officeId, credential.deviceId, actor, Date.now());
    // Its first-run administrator's account first (HQ checks every op's actor against it).
    const records = [accountRecord(stamper), ...generateOffice(seed, size, stamper)];
    const ops = createOps(records, stamper, 1);
    await bulkLoad(db, records);
    for (let i = 0; i < ops.length; i += barePage)
      await db.queue.bulkAdd(ops.slice(i, i + barePage));
    await db.meta.put({ key: 'deviceSeq', value: ops.length });
    // The office settings of its first run, through the write path (queued after the
    // account the generated office creates first, which HQ checks the actor against).
    await writeFirstRunSettings(db, credential, actor);
    await keepEnrollment(db, credential, hqKeys);
    const queued = await db.queue.count();
    const { counting, counter } = countingPushes(createWebTransport(db, browserFetch));
    const t0 = performance.now();
    const report = await syncOnce(new DexieSyncStore(db), counting, {
      shouldStop: () => counter.handled >= queued,
    });
    const ms = performance.now() - t0;
    const left = await db.queue.count();
    // The first refusal, if any, to name in the bench's log (a bench office must push clean).
    const refused = (await db.rejectedOps.limit(1).toArray())[0];
    db.close();
    await db.delete();

    // The bare push of the same ops: a plain store's queue, posted 5,000 at a time,
    // each post's ops deleted once the server answers.
    const bare = new DeskDatabase(`bench-bare-push-${Date.now()}`, latestSchemaVersion, {
      plain: true,
    });
    await bare.open();
    for (let i = 0; i < ops.length; i += barePage)
      await bare.queue.bulkAdd(ops.slice(i, i + barePage));
    const t1 = performance.now();
    let barePushed = 0;
    for (;;) {
      const batch = await bare.queue.orderBy('seq').limit(barePage).toArray();
      if (batch.length === 0) break;
      const response = await fetch(`${bareUrl}/ops`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ops: batch }),
      });
      await response.json();
      await bare.queue.bulkDelete(batch.map((op) => op.seq));
      barePushed += batch.length;
    }
    const bareMs = performance.now() - t1;
    bare.close();
    await bare.delete();
    return {
      queued,
      pushed: report.pushed,
      rejected: report.rejected,
      conflicts: report.conflicts,
      left,
      firstRefusal: refused ? JSON.stringify(refused).slice(-600) : null,
      ms: Math.round(ms),
      bare: { pushed: barePushed, ms: Math.round(bareMs) },
    };
  },

  /** The bare pull: the bare server's 5,000-record pages, one bulkPut per kind per page. */
  async barePull(bareUrl: string) {
    const db = new DeskDatabase(`bench-bare-pull-${Date.now()}`, latestSchemaVersion, {
      plain: true,
    });
    await db.open();
    const t0 = performance.now();
    const pulled = await loadBarePages(db, bareUrl);
    const ms = performance.now() - t0;
    db.close();
    await db.delete();
    return { pulled, ms: Math.round(ms) };
  },
};
