import { afterEach, describe, expect, it } from 'vitest';
import { syncOnce } from '@shared/sync/engine';
import { registerHousehold } from '../../../renderer/src/db/repositories/households';
import { DexieSyncStore } from '../../../renderer/src/sync/dexieSyncStore';
import { pinHqKeys } from '../../../renderer/src/sync/packages/deviceKeys';
import { openTestDesk, threeMemberHousehold } from '../../fakes/deskFixtures';
import type { SyncCursor } from '@shared/sync/protocol';
import type { SyncStore, SyncTransport } from '@shared/sync/ports';
import { write } from '../../../renderer/src/db/writePath';
import { personInput, residentId } from '../../fakes/deskFixtures';
import {
  enrollDesk,
  hqRowCounts,
  httpTransport,
  startHq,
  type RunningHq,
} from '../../support/hqHarness';
import { enroll, openOfficeDesk, sync } from '../../support/syncDesks';

let hq: RunningHq | undefined;
afterEach(async () => {
  await hq?.stop();
  hq = undefined;
});

describe('sync engine and the desk store', () => {
  it('never cuts one local transaction across two push batches', async () => {
    const desk = await openTestDesk();
    // Queue: 1–4 = the setup (accounts, settings: one tx), 5–8 = one household transaction.
    await registerHousehold(desk.db, desk.ctx, threeMemberHousehold('urban'));
    const store = new DexieSyncStore(desk.db);
    expect((await store.pendingOps(6)).map((op) => op.seq)).toEqual([1, 2, 3, 4]);
    expect((await store.pendingOps(8)).map((op) => op.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    // A single transaction larger than the batch is still sent, split.
    await desk.db.queue.bulkDelete([1, 2, 3, 4]);
    expect((await store.pendingOps(2)).map((op) => op.seq)).toEqual([5, 6]);
  });

  it('reports an error, not success, when HQ is missing earlier changes of this desk', async () => {
    hq = await startHq();
    const url = hq.url;
    const desk = await openTestDesk();
    await registerHousehold(desk.db, desk.ctx, threeMemberHousehold('urban'));
    await desk.db.queue.delete(1); // seq 1 lost: HQ can only defer 2–8
    const cred = await enrollDesk(hq, 'office-chengguan', desk.ctx.deviceId);
    await pinHqKeys(desk.db, cred.hqKeys);
    await expect(
      syncOnce(
        new DexieSyncStore(desk.db),
        httpTransport(() => url, cred.token),
      ),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect(await desk.db.queue.count()).toBe(7);
  });

  it('pushes and pulls nothing without a pinned HQ key, and says the desk must enroll again', async () => {
    hq = await startHq();
    const desk = await openTestDesk();
    // Enrolled, but HQ's keys were never pinned (a desk from before they were exchanged).
    const cred = await enrollDesk(hq, 'office-chengguan', desk.ctx.deviceId);
    const store = new DexieSyncStore(desk.db);
    const queued = await desk.db.queue.count();
    const report = syncOnce(
      store,
      httpTransport(() => hq?.url ?? '', cred.token),
    );
    await expect(report).rejects.toMatchObject({
      code: 'forbidden',
      fieldErrors: [{ path: 'hqSignature', code: 'sync.hq_key_missing' }],
    });
    // No answer could be checked: its changes stay queued, nothing was pulled, and HQ
    // got nothing from it.
    expect(await desk.db.queue.count()).toBe(queued);
    expect(queued).toBeGreaterThan(0);
    expect(await store.cursor()).toEqual({ office: 0, reference: 0 });
    expect((await hqRowCounts(hq.hq)).applied_ops).toBe(0);
  });

  it('asks for the next page while it applies one, telling HQ what it holds so far', async () => {
    hq = await startHq();
    const a = await openOfficeDesk('office-a', 'a');
    const b = await openOfficeDesk('office-a', 'b');
    await enroll(a, hq);
    await enroll(b, hq);
    await sync(b); // its own settings: what follows is only a's records
    for (let i = 0; i < 6; i++) {
      await write(a.db, a.ctx, (w) =>
        w.create('person', {
          ...personInput({ name: '周一', idNumber: residentId('330102', '1970-01-01', `0${i}1`) }),
          householdId: null,
        }),
      );
    }
    await sync(a);

    const events: string[] = [];
    const requests: { cursor: SyncCursor; held?: SyncCursor; report?: unknown }[] = [];
    const transport = b.transport as SyncTransport;
    const watched: SyncTransport = {
      push: transport.push,
      pull: (request) => {
        events.push(`request ${requests.length + 1}`);
        requests.push(request);
        return transport.pull(request);
      },
    };
    const store: SyncStore = Object.assign(Object.create(b.store) as SyncStore, {
      applyPulled: async (...args: Parameters<SyncStore['applyPulled']>) => {
        const page = events.filter((e) => e.startsWith('applied')).length + 1;
        await b.store.applyPulled(...args);
        events.push(`applied ${page}`);
      },
    });
    await syncOnce(store, watched, { pullLimit: 2 });

    expect(requests.length).toBeGreaterThanOrEqual(3);
    // Page k + 1 was asked for before page k was applied.
    for (let k = 1; k < requests.length; k++) {
      expect(events.indexOf(`request ${k + 1}`)).toBeLessThan(events.indexOf(`applied ${k}`));
    }
    // Each request after the first reads from the page before it, but reports as held
    // only what was applied when it was sent.
    for (let k = 1; k < requests.length; k++) {
      expect(requests[k]?.held).toEqual(requests[k - 1]?.cursor);
    }
    const row = await hq.hq.db
      .selectFrom('devices')
      .select(['cursor_office'])
      .where('id', '=', b.deviceId)
      .executeTakeFirstOrThrow();
    expect(Number(row.cursor_office)).toBe(requests.at(-1)?.held?.office);
    // The desk's report of itself rides on the first page only.
    expect(requests[0]?.report).toEqual({ queued: 0, conflicts: 0 });
    expect(requests.slice(1).map((r) => r.report)).toEqual(requests.slice(1).map(() => undefined));
    expect(await b.db.persons.count()).toBe(6);
  });

  it('fails the round, not the process, when acknowledging fails while HQ works on the next batch', async () => {
    hq = await startHq();
    const desk = await openOfficeDesk('office-a', 'a');
    await enroll(desk, hq);
    for (let i = 0; i < 4; i++) {
      await write(desk.db, desk.ctx, (w) =>
        w.create('person', {
          ...personInput({ name: '吴二', idNumber: residentId('330102', '1971-02-02', `0${i}3`) }),
          householdId: null,
        }),
      );
    }
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    // The real store, but its first acknowledgement fails (a full disk, say).
    let acks = 0;
    const store: SyncStore = Object.assign(Object.create(desk.store) as SyncStore, {
      acknowledge: async (...args: Parameters<SyncStore['acknowledge']>) => {
        acks += 1;
        if (acks === 1) throw new Error('disk full while acknowledging');
        await desk.store.acknowledge(...args);
      },
    });
    try {
      await expect(
        syncOnce(store, desk.transport as SyncTransport, { pushBatch: 2 }),
      ).rejects.toThrow('disk full');
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
    expect(unhandled).toEqual([]);
    // Nothing is lost: what was not acknowledged goes again, and HQ answers it once.
    await sync(desk);
    expect(await desk.db.queue.count()).toBe(0);
  });
});
