import { afterEach, describe, expect, it } from 'vitest';
import { syncOnce } from '@shared/sync/engine';
import { write } from '../../../renderer/src/db/writePath';
import { DexieSyncStore } from '../../../renderer/src/sync/dexieSyncStore';
import { pinHqKeys } from '../../../renderer/src/sync/packages/deviceKeys';
import { openTestDesk, personInput } from '../../fakes/deskFixtures';
import { enrollDesk, httpTransport, startHq, type RunningHq } from '../../support/hqHarness';

let hq: RunningHq | undefined;
afterEach(async () => {
  await hq?.stop();
  hq = undefined;
});

describe('an op HQ refuses', () => {
  it("does not block the queue, is kept for people to see, and the desk ends on HQ's state", async () => {
    hq = await startHq();
    const url = hq.url;
    const desk = await openTestDesk();
    const kept = await write(desk.db, desk.ctx, (w) =>
      w.create('person', { ...personInput({ name: '王五' }), householdId: null }),
    );
    const refused = await write(desk.db, desk.ctx, (w) =>
      w.create('person', {
        ...personInput({
          name: '赵六',
          idNumber: '11010519491231002X',
          birthDate: '1949-12-31',
          sex: 'female',
        }),
        householdId: null,
      }),
    );
    // Simulate a desk of an older version whose op HQ's rules refuse (an empty name).
    const entry = await desk.db.queue.where('recordId').equals(refused.id).first();
    await desk.db.queue.update(entry?.seq ?? 0, { fields: { ...entry?.fields, name: '' } });

    const cred = await enrollDesk(hq, 'office-chengguan', desk.ctx.deviceId);
    await pinHqKeys(desk.db, cred.hqKeys);
    const report = await syncOnce(
      new DexieSyncStore(desk.db),
      httpTransport(() => url, cred.token),
    );

    expect(report).toMatchObject({ rejected: 1 });
    expect(await desk.db.queue.count()).toBe(0);
    expect(
      (await desk.db.rejectedOps.toArray()).map((r) => r.reason.fieldErrors?.[0]?.path),
    ).toEqual(['name']);
    expect(await desk.db.persons.get(refused.id)).toBeUndefined();
    expect((await desk.db.persons.get(kept.id))?.deleted).toBe(false);
  });
});
