import { afterEach, describe, expect, it } from 'vitest';
import { isAppErrorData } from '@shared/errors/appError';
import { hqRoutes } from '@shared/sync/httpApi';
import { initialCursor, pullResponseSchema, type ServerChange } from '@shared/sync/protocol';
import type { QueueEntry } from '@shared/sync/queueEntry';
import { write } from '../../../renderer/src/db/writePath';
import {
  hqRowCounts,
  hqStorages,
  postJson,
  startHq,
  type RunningHq,
} from '../../support/hqHarness';
import { createPersons, registerFamily, uniquePerson } from '../../support/officeWork';
import { enroll, openOfficeDesk, sync, type SyncDesk } from '../../support/syncDesks';

/** Office A's desk against office B's data: refused whole (403), nothing read, nothing changed. */

let hq: RunningHq | undefined;
afterEach(async () => {
  await hq?.stop();
  hq = undefined;
});

async function twoOffices(storage: (typeof hqStorages)[number]) {
  hq = await startHq({ storage });
  const a = await openOfficeDesk('office-a', 'a1');
  const b = await openOfficeDesk('office-b', 'b1');
  await enroll(a, hq);
  await enroll(b, hq);
  await registerFamily(a);
  await registerFamily(b);
  await sync(a);
  await sync(b);
  const bPerson = (await b.db.persons.toArray())[0];
  if (!bPerson) throw new Error('office B has no person');
  return { running: hq, a, b, bPerson };
}

/** Every change A's token can pull from the start, page by page (bounded). */
async function pullEverything(running: RunningHq, desk: SyncDesk): Promise<ServerChange[]> {
  const changes: ServerChange[] = [];
  let cursor = initialCursor;
  for (let page = 0; page < 100; page++) {
    const response = await postJson(
      `${running.url}${hqRoutes.pull}`,
      { cursor, limit: 3 },
      desk.token ?? '',
    );
    expect(response.status).toBe(200);
    const body = pullResponseSchema.parse(response.body);
    changes.push(...body.changes);
    cursor = body.cursor;
    if (!body.hasMore) return changes;
  }
  throw new Error('pull never caught up');
}

async function pushRaw(running: RunningHq, desk: SyncDesk, ops: QueueEntry[]) {
  return postJson(`${running.url}${hqRoutes.push}`, { ops }, desk.token ?? '');
}

describe.each(hqStorages)('office isolation over $kind', (storage) => {
  it("refuses A's desk writing a record of office B, and changes nothing", async () => {
    const { running, a, b, bPerson } = await twoOffices(storage);
    const before = await hqRowCounts(running.hq);
    const allRecords = () =>
      running.hq.db
        .selectFrom('records')
        .selectAll()
        .orderBy('office_id')
        .orderBy('kind')
        .orderBy('id')
        .execute();
    const recordsBefore = await allRecords();

    // A desk that (somehow) holds B's person id writes it: create and update, as A.
    await write(a.db, a.ctx, (w) => w.create('person', uniquePerson('冒名'), bPerson.id));
    await expect(sync(a)).rejects.toMatchObject({ code: 'forbidden' });
    const [created] = await a.db.queue.toArray();
    if (!created) throw new Error('no queued op');
    const update: QueueEntry = { ...created, op: 'update', baseVersion: 1, fields: { phone: '1' } };
    const refused = await pushRaw(running, a, [update]);
    expect(refused.status).toBe(403);
    expect(isAppErrorData(refused.body)).toBe(true);
    expect(refused.body).toMatchObject({ code: 'forbidden' });

    expect(await hqRowCounts(running.hq)).toEqual(before);
    expect(await allRecords()).toEqual(recordsBefore);
    // The refused op stays queued at A (it never applied), B's desk sees nothing new.
    expect(await a.db.queue.count()).toBe(1);
    expect((await sync(b)).pulled).toBe(0);
  });

  it("refuses an op claiming office B or B's device, even on A's own new record", async () => {
    const { running, a, b } = await twoOffices(storage);
    const before = await hqRowCounts(running.hq);
    await createPersons(a, 1);
    const [op] = await a.db.queue.toArray();
    if (!op) throw new Error('no queued op');

    for (const forged of [
      { ...op, officeId: 'office-b' },
      { ...op, deviceId: b.deviceId },
      { ...op, officeId: 'office-b', deviceId: b.deviceId },
    ]) {
      const response = await pushRaw(running, a, [forged]);
      expect(response.status).toBe(403);
      expect(response.body).toMatchObject({ code: 'forbidden', message: expect.any(String) });
    }
    // A batch with one forged op among good ones is refused whole.
    const batch = [op, { ...op, seq: op.seq + 1, opId: `${op.opId}-x`, officeId: 'office-b' }];
    expect((await pushRaw(running, a, batch)).status).toBe(403);
    expect(await hqRowCounts(running.hq)).toEqual(before);

    // The honest op still goes through afterwards.
    await sync(a);
    expect(await a.db.queue.count()).toBe(0);
  });

  it("never returns office B's records to A's pull", async () => {
    const { running, a, b } = await twoOffices(storage);
    const bIds = new Set(
      (await running.hq.db.selectFrom('records').select(['id', 'office_id']).execute())
        .filter((r) => r.office_id === 'office-b' && r.id !== 'office-settings')
        .map((r) => r.id),
    );
    expect(bIds.size).toBeGreaterThan(2);

    const changes = await pullEverything(running, a);
    expect(changes.length).toBeGreaterThan(2);
    for (const change of changes) {
      expect(change.record.officeId).toBe(change.stream === 'office' ? 'office-a' : 'reference');
      expect(bIds.has(String(change.record.id))).toBe(false);
    }
    // A's desk, fully synced, holds only office A's records; B's desk only B's.
    for (const [desk, office] of [
      [a, 'office-a'],
      [b, 'office-b'],
    ] as const) {
      await sync(desk);
      const persons = await desk.db.persons.toArray();
      expect(persons.length).toBeGreaterThan(0);
      expect(new Set(persons.map((p) => p.officeId))).toEqual(new Set([office]));
    }
  });

  it('refuses unknown, forged and revoked tokens with 401', async () => {
    const { running, a } = await twoOffices(storage);
    const before = await hqRowCounts(running.hq);
    const body = { cursor: initialCursor, limit: 10 };
    const url = `${running.url}${hqRoutes.pull}`;
    const token = a.token ?? '';
    for (const bad of [
      undefined,
      'garbage',
      `${a.deviceId}.wrong-secret`,
      `${a.deviceId}`,
      `.${token.split('.')[1]}`,
      `someone-else.${token.split('.')[1]}`,
    ]) {
      const response = await postJson(url, body, bad);
      expect(response.status, String(bad)).toBe(401);
      expect(response.body).toMatchObject({ code: 'unauthenticated' });
    }
    await running.hq.db
      .updateTable('devices')
      .set({ revoked: 1 })
      .where('id', '=', a.deviceId)
      .execute();
    expect((await postJson(url, body, token)).status).toBe(401);
    expect(await hqRowCounts(running.hq)).toEqual(before);
  });
});
