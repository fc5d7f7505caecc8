import { afterEach, describe, expect, it } from 'vitest';
import { syncOnce } from '@shared/sync/engine';
import { registerHousehold } from '../../../renderer/src/db/repositories/households';
import { DexieSyncStore } from '../../../renderer/src/sync/dexieSyncStore';
import { pinHqKeys } from '../../../renderer/src/sync/packages/deviceKeys';
import { openTestDesk, threeMemberHousehold } from '../../fakes/deskFixtures';
import {
  enrollDesk,
  hqStorages,
  httpTransport,
  startHq,
  type RunningHq,
} from '../../support/hqHarness';

let hq: RunningHq | undefined;
afterEach(async () => {
  await hq?.stop();
  hq = undefined;
});

describe.each(hqStorages)('desk ↔ HQ round trip over $kind', (storage) => {
  it('pushes a registered household to HQ and a second desk of the office pulls it', async () => {
    hq = await startHq({ storage });
    const url = hq.url;
    const a = await openTestDesk();
    // Work done before enrollment is queued under the desk's own device id.
    await registerHousehold(a.db, a.ctx, threeMemberHousehold('urban'));
    const credA = await enrollDesk(hq, 'office-chengguan', a.ctx.deviceId);
    await pinHqKeys(a.db, credA.hqKeys);
    expect(credA.deviceId).toBe(a.ctx.deviceId);

    const reportA = await syncOnce(
      new DexieSyncStore(a.db),
      httpTransport(() => url, credA.token),
    );
    // The accounts and office settings written at setup, then 3 persons and the household.
    expect(reportA).toMatchObject({ pushed: 8, rejected: 0, conflicts: 0 });
    expect(await a.db.queue.count()).toBe(0);

    const b = await openTestDesk();
    const credB = await enrollDesk(hq, 'office-chengguan', b.ctx.deviceId);
    await pinHqKeys(b.db, credB.hqKeys);
    const reportB = await syncOnce(
      new DexieSyncStore(b.db),
      httpTransport(() => url, credB.token),
    );
    // B pushes its own setup settings (a conflict with A's: same record, both created),
    // and pulls A's five changes.
    expect(reportB.pulled).toBeGreaterThanOrEqual(5);
    expect((await b.db.persons.toArray()).map((p) => p.name).sort()).toEqual([
      '张三丰',
      '张小明',
      '李秀英',
    ]);
    expect(await b.db.households.count()).toBe(1);
  });
});
