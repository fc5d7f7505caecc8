import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncTransport } from '@shared/sync/ports';
import type { HqDatabase } from '../../../hq/src/db/database';
import { freshPlace, hqOfficeRecords, hqStorages } from '../../support/hqHarness';
import {
  batchProbe,
  buildHqCli,
  enrollViaAdmin,
  inspectPlace,
  spawnHq,
} from '../../support/hqProcess';
import { createPersons } from '../../support/officeWork';
import {
  connect,
  deskOfficeRecords,
  openOfficeDesk,
  recordDifferences,
  sync,
  syncUntilDrained,
} from '../../support/syncDesks';

/**
 * HQ killed with SIGKILL in the middle of a large push, restarted on the same data:
 * every queued op ends up applied exactly once and the desk's queue drains. HQ applies
 * a batch in one transaction, so the kill leaves whole batches applied, never part of one.
 */

const persons = 1000;

let cli = '';
let removeCli: (() => Promise<void>) | undefined;
beforeAll(async () => {
  ({ cli, remove: removeCli } = await buildHqCli());
});
afterAll(async () => {
  await removeCli?.();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function appliedCount(inspect: HqDatabase, deviceId: string): Promise<number> {
  const row = await inspect.db
    .selectFrom('applied_ops')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('device_id', '=', deviceId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe.each(hqStorages)('HQ process killed mid-batch over $kind', (storage) => {
  it('loses nothing and applies nothing twice after SIGKILL and a restart', async () => {
    const place = await freshPlace(storage);
    let hq = await spawnHq(place, cli).catch(async (error: unknown) => {
      await place.drop();
      throw error;
    });
    const inspect = inspectPlace(place);
    try {
      const desk = await openOfficeDesk('office-a', 'a1');
      const credential = await enrollViaAdmin(hq.url, 'office-a', desk.deviceId);
      await connect(desk, credential, hq.url);
      for (let i = 0; i < persons / 250; i++) await createPersons(desk, 250);
      const queued = await desk.db.queue.orderBy('seq').toArray();
      expect(queued.length).toBe(persons + 4); // and the setup: 3 accounts, the settings

      // The batches the desk sends (the engine keeps each local transaction whole).
      const transport = desk.transport as SyncTransport;
      const batchEnds: number[] = [0];
      const counting: SyncTransport = {
        push: (request) => {
          batchEnds.push((batchEnds.at(-1) ?? 0) + request.ops.length);
          return transport.push(request);
        },
        pull: transport.pull,
      };
      // Batches of 500 (not the engine's larger default): several batches, one killed.
      const syncing = sync(desk, { transport: counting, pushBatch: 500 }).then(
        () => null,
        (error: unknown) => error,
      );
      // Bounded wait until HQ committed the first batch and is inside a later one (it
      // holds the device's lock), then kill it there.
      let applied = 0;
      let inside = false;
      const probe = batchProbe(place, desk.deviceId);
      try {
        for (let i = 0; i < 20_000 && !inside; i++) {
          applied = applied > 0 ? applied : await appliedCount(inspect, desk.deviceId);
          inside = applied > 0 && (await probe.busy());
          if (!inside) await sleep(1);
        }
        expect(inside, hq.output()).toBe(true);
        await hq.kill('SIGKILL');
      } finally {
        await probe.close();
      }
      const killedAt = await appliedCount(inspect, desk.deviceId);
      expect(await syncing).toMatchObject({ code: 'unavailable' });
      // Killed with work left: whole batches applied, the rest not (nor part of one), and
      // the desk still holds every op HQ did not acknowledge.
      expect(batchEnds, `killed at ${killedAt}`).toContain(killedAt);
      expect(killedAt).toBeGreaterThan(0);
      expect(killedAt).toBeLessThan(queued.length);
      expect(await desk.db.queue.count()).toBeGreaterThanOrEqual(queued.length - killedAt);

      hq = await spawnHq(place, cli);
      desk.baseUrl = hq.url;
      await syncUntilDrained(desk);

      // Every queued op is at HQ exactly once: one stored result, one change row.
      const opIds = queued.map((e) => e.opId);
      const results = await inspect.db
        .selectFrom('applied_ops')
        .select(['op_id', 'seq'])
        .where('device_id', '=', desk.deviceId)
        .orderBy('seq')
        .execute();
      expect(results.map((r) => r.op_id)).toEqual(opIds);
      const rows = await inspect.db
        .selectFrom('changes')
        .select((eb) => ['op_id', eb.fn.countAll<number | string>().as('n')])
        .where('op_id', 'in', opIds)
        .groupBy('op_id')
        .execute();
      expect(rows.length).toBe(opIds.length);
      expect(rows.every((r) => Number(r.n) === 1)).toBe(true);
      const device = await inspect.db
        .selectFrom('devices')
        .select('last_seq')
        .where('id', '=', desk.deviceId)
        .executeTakeFirstOrThrow();
      expect(Number(device.last_seq)).toBe(queued.at(-1)?.seq);
      const seqs = (
        await inspect.db
          .selectFrom('changes')
          .select('seq')
          .where('stream', '=', 'office:office-a')
          .orderBy('seq')
          .execute()
      ).map((r) => Number(r.seq));
      expect(seqs).toEqual(seqs.map((_, i) => i + 1));

      expect(await desk.db.queue.count()).toBe(0);
      const atHq = await hqOfficeRecords(inspect, 'office-a');
      expect([...atHq.values()].filter((r) => r.kind === 'person').length).toBe(persons);
      expect(recordDifferences(atHq, await deskOfficeRecords(desk))).toEqual([]);
    } finally {
      await hq.stop();
      await inspect.close();
      await place.drop();
    }
  }, 120_000);
});
