import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '@shared/errors/appError';
import type { SyncTransport } from '@shared/sync/ports';
import type { HqDatabase } from '../../../hq/src/db/database';
import {
  hqRowCounts,
  hqStorages,
  pushAnswer,
  startHq,
  type RunningHq,
} from '../../support/hqHarness';
import { createPersons, registerFamily } from '../../support/officeWork';
import {
  enroll,
  openOfficeDesk,
  differencesFromHq,
  sync,
  syncUntilDrained,
  type SyncDesk,
} from '../../support/syncDesks';

/**
 * A network that loses and repeats requests: the same batch twice applies once, and a
 * response lost after HQ applied the batch makes the retry apply nothing twice.
 */

let hq: RunningHq | undefined;
afterEach(async () => {
  await hq?.stop();
  hq = undefined;
});

async function oneDesk(storage: (typeof hqStorages)[number]) {
  hq = await startHq({ storage });
  const desk = await openOfficeDesk('office-a', 'a1');
  await enroll(desk, hq);
  return { running: hq, desk };
}

/** How many change rows each op id has at HQ (an op applies once: one row per record state). */
async function changeRowsPerOp(hq: HqDatabase, opIds: string[]): Promise<Map<string, number>> {
  const rows = await hq.db
    .selectFrom('changes')
    .select('op_id')
    .where('op_id', 'in', opIds)
    .execute();
  const counts = new Map(opIds.map((id) => [id, 0]));
  for (const row of rows) counts.set(row.op_id ?? '', (counts.get(row.op_id ?? '') ?? 0) + 1);
  return counts;
}

/** The desk's transport whose first `losses` push responses never arrive (HQ applied them). */
function losingResponses(desk: SyncDesk, losses: number): SyncTransport & { lost: number } {
  const transport = desk.transport;
  if (!transport) throw new Error('not enrolled');
  const wrapper = {
    lost: 0,
    push: async (request: Parameters<SyncTransport['push']>[0]) => {
      const response = await transport.push(request);
      if (wrapper.lost < losses) {
        wrapper.lost += 1;
        throw new AppError({ code: 'unavailable', message: 'connection reset' });
      }
      return response;
    },
    pull: transport.pull,
  };
  return wrapper;
}

async function expectDeskMatchesHq(running: RunningHq, desk: SyncDesk) {
  expect(await differencesFromHq(running, desk)).toEqual([]);
}

describe.each(hqStorages)('idempotent push over $kind', (storage) => {
  it('applies the same batch once when it is sent twice', async () => {
    const { running, desk } = await oneDesk(storage);
    await registerFamily(desk);
    await createPersons(desk, 3);
    const ops = await desk.store.pendingOps(500);
    expect(ops.length).toBe(10); // 3 accounts and the settings, a family of 3 and 3 persons
    const transport = desk.transport as SyncTransport;

    const first = pushAnswer(await transport.push({ ops }));
    const afterFirst = await hqRowCounts(running.hq);
    const second = pushAnswer(await transport.push({ ops }));
    expect(second.results).toEqual(first.results);
    expect(first.results.every((r) => r.status === 'applied')).toBe(true);
    expect(await hqRowCounts(running.hq)).toEqual(afterFirst);
    expect([
      ...(
        await changeRowsPerOp(
          running.hq,
          ops.map((o) => o.opId),
        )
      ).values(),
    ]).toEqual(ops.map(() => 1));
    // The same batch, reordered and with a duplicate inside, still changes nothing.
    const shuffled = [...ops].reverse();
    const third = pushAnswer(
      await transport.push({ ops: [...shuffled, ops[0] as (typeof ops)[0]] }),
    );
    const firstById = new Map(first.results.map((r) => [r.opId, r]));
    expect(third.results).toHaveLength(ops.length + 1);
    for (const result of third.results) expect(result).toEqual(firstById.get(result.opId));
    expect(await hqRowCounts(running.hq)).toEqual(afterFirst);

    await desk.store.acknowledge(second.results);
    await sync(desk);
    expect(await desk.db.queue.count()).toBe(0);
    await expectDeskMatchesHq(running, desk);
  });

  it('applies nothing twice when the responses are lost after HQ applied them', async () => {
    const { running, desk } = await oneDesk(storage);
    await registerFamily(desk);
    await createPersons(desk, 4);
    const opIds = (await desk.db.queue.toArray()).map((e) => e.opId);

    const lossy = losingResponses(desk, 2);
    await expect(sync(desk, { transport: lossy, pushBatch: 3 })).rejects.toMatchObject({
      code: 'unavailable',
    });
    // HQ holds the first batch; the desk does not know and keeps it queued.
    expect(await desk.db.queue.count()).toBe(opIds.length);
    // More work while offline, then the retry (whose first response is lost again).
    await createPersons(desk, 2);
    const allIds = (await desk.db.queue.toArray()).map((e) => e.opId);
    await expect(sync(desk, { transport: lossy, pushBatch: 3 })).rejects.toMatchObject({
      code: 'unavailable',
    });
    expect(lossy.lost).toBe(2);
    const report = await sync(desk, { transport: lossy, pushBatch: 3 });
    expect(report).toMatchObject({ rejected: 0, conflicts: 0 });
    expect(await desk.db.queue.count()).toBe(0);
    expect([...(await changeRowsPerOp(running.hq, allIds)).values()]).toEqual(allIds.map(() => 1));
    const applied = await running.hq.db
      .selectFrom('applied_ops')
      .select('op_id')
      .where('device_id', '=', desk.deviceId)
      .execute();
    expect(applied.map((r) => r.op_id).sort()).toEqual([...allIds].sort());
    await expectDeskMatchesHq(running, desk);
  });

  it('applies a request delivered twice at the same time once', async () => {
    const { running, desk } = await oneDesk(storage);
    await registerFamily(desk);
    const transport = desk.transport as SyncTransport;
    // A network that duplicates: every push goes out twice, concurrently.
    const duplicating: SyncTransport = {
      push: async (request) => {
        const [one, two] = await Promise.all([transport.push(request), transport.push(request)]);
        expect(pushAnswer(two).results).toEqual(pushAnswer(one).results);
        return two;
      },
      pull: transport.pull,
    };
    const opIds = (await desk.db.queue.toArray()).map((e) => e.opId);
    await syncUntilDrained({ ...desk, transport: duplicating });
    expect([...(await changeRowsPerOp(running.hq, opIds)).values()]).toEqual(opIds.map(() => 1));
    await expectDeskMatchesHq(running, desk);
  });

  it('survives lost pull responses: the cursor moves only with an applied page', async () => {
    const { running, desk } = await oneDesk(storage);
    const other = await openOfficeDesk('office-a', 'a2');
    await enroll(other, running);
    await registerFamily(other);
    await createPersons(other, 5);
    await sync(other);
    const transport = desk.transport as SyncTransport;
    let pulls = 0;
    const lossy: SyncTransport = {
      push: transport.push,
      pull: async (request) => {
        const page = await transport.pull(request);
        pulls += 1;
        if (pulls % 2 === 0) throw new AppError({ code: 'unavailable', message: 'timeout' });
        return page;
      },
    };
    for (let round = 0; round < 20; round++) {
      try {
        await sync(desk, { transport: lossy, pullLimit: 2 });
        break;
      } catch (error) {
        expect(error).toMatchObject({ code: 'unavailable' });
      }
    }
    expect(await desk.db.queue.count()).toBe(0);
    await expectDeskMatchesHq(running, desk);
  });
});
