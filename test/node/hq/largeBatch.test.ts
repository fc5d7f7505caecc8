import { afterEach, describe, expect, it } from 'vitest';
import type { SyncTransport } from '@shared/sync/ports';
import { write } from '../../../renderer/src/db/writePath';
import { currentSeq } from '../../../hq/src/store/changeLog';
import {
  hqOfficeRecords,
  hqStorages,
  pushAnswer,
  startHq,
  type RunningHq,
} from '../../support/hqHarness';
import { createPersons } from '../../support/officeWork';
import {
  enroll,
  openOfficeDesk,
  differencesFromHq,
  sync,
  type SyncDesk,
} from '../../support/syncDesks';

/**
 * HQ reads the records of a run of 2,000 ops in one go and writes them at the run's
 * end (hq/src/sync/recordWork.ts). One push of more than a run whose ops change the
 * same record several times, in one run and across two, must end exactly as applying
 * the ops one by one would: every version, every change-log row, numbers gap-free.
 */

let hq: RunningHq | undefined;
afterEach(async () => {
  await hq?.stop();
  hq = undefined;
});

async function edit(desk: SyncDesk, id: string, fields: Record<string, unknown>) {
  const current = await desk.db.persons.get(id);
  await write(desk.db, desk.ctx, (w) =>
    w.update('person', id, current?.version ?? 0, fields, { reason: '更正' }),
  );
}

describe.each(hqStorages)('a push batch longer than a run over $kind', (storage) => {
  it('applies ops on one record, in one run and across runs, as one by one', async () => {
    hq = await startHq({ storage });
    const running = hq;
    const desk = await openOfficeDesk('office-a', 'a1');
    await enroll(desk, running);
    const persons = [];
    for (let i = 0; i < 7; i++) persons.push(...(await createPersons(desk, 300)));
    const [first, second] = [persons[0], persons[2050]];
    if (!first || !second) throw new Error('no persons');
    // Created in run 1, changed twice in run 2 (a record written at the end of run 1).
    await edit(desk, first.id, { phone: '13900000001' });
    await edit(desk, first.id, { phone: '13900000002', currentAddress: '东村5组' });
    // And one changed in the same run: a create and its edit, both staged.
    await edit(desk, second.id, { phone: '13900000003' });

    const ops = await desk.store.pendingOps(5000);
    expect(ops.length).toBe(4 + 2100 + 3); // the setup (accounts, settings), persons, edits
    const response = pushAnswer(await (desk.transport as SyncTransport).push({ ops }));
    expect(response.results.map((r) => r.status)).toEqual(ops.map(() => 'applied'));

    const atHq = await hqOfficeRecords(running.hq, 'office-a');
    expect(atHq.get(`person:${first.id}`)).toMatchObject({
      version: 3,
      data: { phone: '13900000002', currentAddress: '东村5组' },
    });
    expect(atHq.get(`person:${second.id}`)).toMatchObject({
      version: 2,
      data: { phone: '13900000003' },
    });

    // One change row per op, numbered 1…n without a gap, each op's serverSeq its row.
    const stream = 'office:office-a';
    const rows = await running.hq.db
      .selectFrom('changes')
      .select(['seq', 'op_id', 'record_id', 'snapshot'])
      .where('stream', '=', stream)
      .orderBy('seq')
      .execute();
    expect(rows.map((r) => Number(r.seq))).toEqual(rows.map((_, i) => i + 1));
    expect(await currentSeq(running.hq.db, stream)).toBe(rows.length);
    const seqOfOp = new Map(rows.map((r) => [r.op_id, Number(r.seq)]));
    for (const result of response.results) {
      expect(result.status === 'applied' && result.serverSeq).toBe(seqOfOp.get(result.opId));
    }
    const firstVersions = rows
      .filter((r) => r.record_id === first.id)
      .map((r) => (JSON.parse(r.snapshot) as { version: number; phone: string }).version);
    expect(firstVersions).toEqual([1, 2, 3]);

    // The same batch again applies nothing, and the desk ends on HQ's records.
    const again = pushAnswer(await (desk.transport as SyncTransport).push({ ops }));
    expect(again.results).toEqual(response.results);
    await desk.store.acknowledge(response.results);
    await sync(desk);
    expect(await desk.db.queue.count()).toBe(0);
    expect(await differencesFromHq(running, desk)).toEqual([]);
  }, 120_000);
});
