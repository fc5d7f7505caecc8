import { afterEach, describe, expect, it } from 'vitest';
import { syncOnce } from '@shared/sync/engine';
import { registerHousehold } from '../../../renderer/src/db/repositories/households';
import { DexieSyncStore } from '../../../renderer/src/sync/dexieSyncStore';
import { openTestDesk, threeMemberHousehold } from '../../fakes/deskFixtures';
import { enrollDesk, httpTransport, startHq, type RunningHq } from '../../support/hqHarness';

let hq: RunningHq | undefined;
afterEach(async () => {
  await hq?.stop();
  hq = undefined;
});

describe('sync engine and the desk store', () => {
  it('never cuts one local transaction across two push batches', async () => {
    const desk = await openTestDesk();
    // Queue: 1 = office settings (its own tx), 2–5 = one household transaction.
    await registerHousehold(desk.db, desk.ctx, threeMemberHousehold('urban'));
    const store = new DexieSyncStore(desk.db);
    expect((await store.pendingOps(3)).map((op) => op.seq)).toEqual([1]);
    expect((await store.pendingOps(5)).map((op) => op.seq)).toEqual([1, 2, 3, 4, 5]);
    // A single transaction larger than the batch is still sent, split.
    await desk.db.queue.delete(1);
    expect((await store.pendingOps(2)).map((op) => op.seq)).toEqual([2, 3]);
  });

  it('reports an error, not success, when HQ is missing earlier changes of this desk', async () => {
    hq = await startHq();
    const url = hq.url;
    const desk = await openTestDesk();
    await registerHousehold(desk.db, desk.ctx, threeMemberHousehold('urban'));
    await desk.db.queue.delete(1); // seq 1 lost: HQ can only defer 2–5
    const cred = await enrollDesk(hq, 'office-chengguan', desk.ctx.deviceId);
    await expect(
      syncOnce(
        new DexieSyncStore(desk.db),
        httpTransport(() => url, cred.token),
      ),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect(await desk.db.queue.count()).toBe(4);
  });
});
