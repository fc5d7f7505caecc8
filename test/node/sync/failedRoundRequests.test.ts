import { afterEach, expect, it } from 'vitest';
import type { SyncTransport } from '@shared/sync/ports';
import { startHq, type RunningHq } from '../../support/hqHarness';
import { officeWithNews, slipIntoStream, stamped } from '../../support/hostileHq';
import { createPersons } from '../../support/officeWork';
import { sync } from '../../support/syncDesks';

/**
 * A round whose page the store refuses ends with no request of it still open: the page
 * asked for ahead (pipelined) is waited for before the round fails, so nothing of a
 * failed round reaches HQ afterwards or holds a desk or an HQ that is closing.
 */
let hq: RunningHq | undefined;
afterEach(async () => {
  await hq?.stop();
  hq = undefined;
});

it('leaves no pull in flight when a refused page fails the round', async () => {
  hq = await startHq();
  const office = 'office-east';
  const { desk, colleague } = await officeWithNews(hq, office);
  // A change no desk may take, with more behind it: the page after it is asked for
  // while the refused one is being applied.
  await slipIntoStream(hq, { office }, [
    { kind: 'localUser', record: stamped(office, { username: 'x' }) },
  ]);
  await createPersons(colleague, 3);
  await sync(colleague).catch(() => undefined);

  const real = desk.transport;
  if (!real) throw new Error('desk A is not enrolled');
  let open = 0;
  let asked = 0;
  const counting: SyncTransport = {
    push: (request) => real.push(request),
    pull: async (request) => {
      open += 1;
      asked += 1;
      try {
        return await real.pull(request);
      } finally {
        open -= 1;
      }
    },
  };
  await expect(sync(desk, { pullLimit: 1, transport: counting })).rejects.toMatchObject({
    fieldErrors: [{ code: 'sync.page_refused' }],
  });
  expect(asked).toBeGreaterThan(1); // a page was asked for ahead of the refused one
  expect(open).toBe(0);
});
