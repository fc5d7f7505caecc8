import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { write } from '../../../renderer/src/db/writePath';
import { freshPlace, hqOfficeRecords, hqStorages, postgresMissing } from '../../support/hqHarness';
import {
  buildHqCli,
  enrollViaAdmin,
  inspectPlace,
  spawnHq,
  type ChildHq,
} from '../../support/hqProcess';
import { createPersons, registerFamily } from '../../support/officeWork';
import { seededRandom, testSeed } from '../../support/seededRandom';
import {
  connect,
  deskOfficeRecords,
  openOfficeDesk,
  recordDifferences,
  sync,
  type SyncDesk,
} from '../../support/syncDesks';

/**
 * Two HQ processes over the same database serve one office at once (HQ keeps nothing in
 * memory that correctness depends on): two desks push interleaved to different HQs
 * while a third desk keeps pulling from both in small pages. The office's change stream
 * stays gap-free and in commit order — the reader never skips a change — and every desk
 * ends with HQ's records. Over PostgreSQL this is the scale-out set-up; over SQLite the
 * same test runs two HQ processes over one SQLite file (WAL, busy timeout).
 */

const rounds = 6;

let cli = '';
let removeCli: (() => Promise<void>) | undefined;
beforeAll(async () => {
  ({ cli, remove: removeCli } = await buildHqCli());
  if (postgresMissing) console.info(`scale-out over PostgreSQL did not run: ${postgresMissing}`);
});
afterAll(async () => {
  await removeCli?.();
});

async function enrollAt(desk: SyncDesk, hq: ChildHq) {
  const credential = await enrollViaAdmin(hq.url, desk.officeId, desk.deviceId);
  await connect(desk, credential, hq.url);
}

describe.each(hqStorages)('two HQ processes over one $kind database', (storage) => {
  it('serve one office concurrently with a gap-free, commit-ordered change stream', async () => {
    const seed = testSeed();
    onTestFailed(() => {
      console.error(`scale-out (${storage.kind}) seed ${seed}: rerun with HQ_TEST_SEED=${seed}`);
    });
    const random = seededRandom(seed);
    const place = await freshPlace(storage);
    // Both start at once on an empty database: one migrates, the other waits for it.
    const started = await Promise.allSettled([spawnHq(place, cli), spawnHq(place, cli)]);
    const hqs = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    const failed = started.find((s) => s.status === 'rejected');
    if (failed) {
      await Promise.all(hqs.map((hq) => hq.stop()));
      await place.drop();
      throw failed.reason;
    }
    const [one, two] = hqs as [ChildHq, ChildHq];
    const inspect = inspectPlace(place);
    try {
      const writers = [
        await openOfficeDesk('office-a', 'w1'),
        await openOfficeDesk('office-a', 'w2'),
      ];
      const reader = await openOfficeDesk('office-a', 'r1');
      await enrollAt(writers[0] as SyncDesk, one);
      await enrollAt(writers[1] as SyncDesk, two);
      await enrollAt(reader, one);
      // Records both writers hold, so their edits meet at HQ.
      const [w1, w2] = writers as [SyncDesk, SyncDesk];
      await registerFamily(w1);
      await sync(w1);
      await sync(w2);

      const writing = writers.map(async (desk, index) => {
        for (let round = 0; round < rounds; round++) {
          await createPersons(desk, random.int(20, 60));
          for (const person of (await desk.db.persons.toArray()).slice(0, 3)) {
            await write(desk.db, desk.ctx, (w) =>
              w.update(
                'person',
                person.id,
                person.version,
                // A valid mobile that differs by writer and round.
                { phone: `1380000${index}${String(round).padStart(3, '0')}` },
                { reason: '更正电话' },
              ),
            );
          }
          // Each writer alternates between the HQs, out of step with the other.
          desk.baseUrl = (round + index) % 2 === 0 ? one.url : two.url;
          await sync(desk, { pushBatch: random.int(5, 40) });
        }
      });
      let writersDone = false;
      const reading = (async () => {
        for (let i = 0; i < 500 && !writersDone; i++) {
          reader.baseUrl = i % 2 === 0 ? one.url : two.url;
          await sync(reader, { pullLimit: 7 });
        }
      })();
      await Promise.all(writing);
      writersDone = true;
      await reading;

      // Settle: everyone syncs once more through either HQ.
      for (const desk of [w1, w2, reader, w1, w2, reader]) {
        desk.baseUrl = random.chance(0.5) ? one.url : two.url;
        await sync(desk, { pullLimit: 7 });
      }

      const seqs = (
        await inspect.db
          .selectFrom('changes')
          .select('seq')
          .where('stream', '=', 'office:office-a')
          .orderBy('seq')
          .execute()
      ).map((r) => Number(r.seq));
      expect(seqs.length).toBeGreaterThan(rounds * 2 * 20);
      expect(seqs).toEqual(seqs.map((_, i) => i + 1));
      const applied = await inspect.db.selectFrom('applied_ops').select('op_id').execute();
      expect(new Set(applied.map((r) => r.op_id)).size).toBe(applied.length);

      const atHq = await hqOfficeRecords(inspect, 'office-a');
      for (const desk of [w1, w2, reader]) {
        expect(await desk.db.queue.count(), desk.name).toBe(0);
        expect((await desk.store.cursor()).office, desk.name).toBe(seqs.length);
        expect(recordDifferences(atHq, await deskOfficeRecords(desk)), desk.name).toEqual([]);
      }
      // Both processes are still healthy and report the same storage.
      for (const hq of hqs) {
        const health = await fetch(`${hq.url}/health`);
        expect(await health.json()).toMatchObject({ status: 'ok', storage: storage.kind });
      }
    } finally {
      await Promise.all(hqs.map((hq) => hq.stop()));
      await inspect.close();
      await place.drop();
    }
  }, 120_000);
});
