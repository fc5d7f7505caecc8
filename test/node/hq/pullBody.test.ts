import { afterEach, describe, expect, it } from 'vitest';
import { hqRoutes } from '@shared/sync/httpApi';
import { pullResponseSchema } from '@shared/sync/protocol';
import { write } from '../../../renderer/src/db/writePath';
import { readChanges } from '../../../hq/src/store/changeLog';
import { officeStream } from '../../../hq/src/store/offices';
import { personInput } from '../../fakes/deskFixtures';
import { hqStorages, startHq, type RunningHq } from '../../support/hqHarness';
import { enroll, openOfficeDesk, sync } from '../../support/syncDesks';

/**
 * HQ writes a pull page as text, splicing in each record's stored snapshot instead of
 * parsing and serializing it again: the page must still be exactly the changes HQ holds,
 * awkward characters included.
 */
let hq: RunningHq | undefined;
afterEach(async () => {
  await hq?.stop();
  hq = undefined;
});

describe.each(hqStorages)('the pull page HQ writes over $kind', (storage) => {
  it('is valid JSON carrying every change as stored, quotes and line separators included', async () => {
    hq = await startHq({ storage });
    const desk = await openOfficeDesk('office-a', 'a');
    await enroll(desk, hq);
    const awkward = '解放路"1号"\\后院\u2028二楼 😀 </script>';
    await write(desk.db, desk.ctx, (w) =>
      w.create('person', { ...personInput({ currentAddress: awkward }), householdId: null }),
    );
    await sync(desk);

    const response = await fetch(`${hq.url}${hqRoutes.pull}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${desk.token}` },
      body: JSON.stringify({ cursor: { office: 0, reference: 0 }, limit: 5000 }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const page = pullResponseSchema.parse(JSON.parse(await response.text()));

    const stored = await readChanges(hq.hq.db, officeStream('office-a'), 0, 5000);
    expect(page.changes.filter((c) => c.stream === 'office')).toEqual(
      stored.map((c) => ({ stream: 'office', ...c })),
    );
    const person = page.changes.find((c) => c.kind === 'person');
    expect(person?.record.currentAddress).toBe(awkward);
    expect(person?.opId).toEqual(expect.any(String));
    expect(page.hasMore).toBe(false);
  });
});
