import { afterEach, describe, expect, it } from 'vitest';
import {
  correctActivity,
  createActivity,
} from '../../../renderer/src/db/repositories/community/activities';
import { recordHistory } from '../../../renderer/src/db/repositories/recordHistory';
import { hqStorages, startHq, type RunningHq } from '../../support/hqHarness';
import { enroll, openOfficeDesk, sync } from '../../support/syncDesks';

let hq: RunningHq | undefined;
afterEach(async () => {
  await hq?.stop();
  hq = undefined;
});

describe.each(hqStorages)('correction history across desks over $kind', (storage) => {
  it('shows every version with its reason on the other desks of the office', async () => {
    hq = await startHq({ storage });
    const a = await openOfficeDesk('office-a', 'a');
    const b = await openOfficeDesk('office-a', 'b');
    await enroll(a, hq);
    await enroll(b, hq);
    const input = {
      organiser: '东村社区',
      name: '重阳敬老',
      date: '2026-03-01',
      place: '东村活动室',
      content: '为老人理发',
    };
    const created = await createActivity(a.db, a.ctx, input);
    await correctActivity(
      a.db,
      a.ctx,
      created.id,
      created.version,
      { ...input, place: '东村礼堂' },
      '地点登记错误',
    );
    await sync(a);
    await sync(b);

    const history = await recordHistory(b.db, 'volunteerActivity', created.id);
    expect(history.map((v) => [v.record.place, v.reason])).toEqual([
      ['东村活动室', null],
      ['东村礼堂', '地点登记错误'],
    ]);
    // The correcting desk's own history is unchanged by its change coming back.
    const own = await recordHistory(a.db, 'volunteerActivity', created.id);
    expect(own.map((v) => [v.record.place, v.reason])).toEqual([
      ['东村活动室', null],
      ['东村礼堂', '地点登记错误'],
    ]);
  });
});
