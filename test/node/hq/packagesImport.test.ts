import { afterEach, describe, expect, it } from 'vitest';
import { exportForOffice } from '../../../hq/src/packages/exportForOffice';
import { importDevicePackage } from '../../../hq/src/packages/importPackage';
import { loadHqKeys, publicHqKeys, type HqKeys } from '../../../hq/src/store/hqKeys';
import { hqStorages, pushAnswer, startHq, type RunningHq } from '../../support/hqHarness';
import { createPersons, registerFamily } from '../../support/officeWork';
import { connect, sync } from '../../support/syncDesks';
import { allCounts, keyedDesk, openFromHq, perOp, refusalFrom, sealForHq } from './packageKit';

/**
 * A desk's sync package imported at HQ: its ops apply once, through the same path as an
 * online push, and the return file answers every op and carries what the desk lacks.
 */

let running: RunningHq | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

async function setUp(storage: (typeof hqStorages)[number]) {
  running = await startHq({ storage });
  const hqKeys: HqKeys = await loadHqKeys(running.hq);
  return { hq: running, hqKeys };
}

describe.each(hqStorages)('importing a desk package over $kind', (storage) => {
  it('applies its ops once and answers with a return file the office can open', async () => {
    const { hq, hqKeys } = await setUp(storage);
    const a1 = await keyedDesk(hq.hq, 'office-a', 'a1');
    const a2 = await keyedDesk(hq.hq, 'office-a', 'a2');
    await registerFamily(a1.desk);
    await createPersons(a1.desk, 3);
    const ops = await a1.desk.store.pendingOps(500);
    const bytes = await sealForHq(a1, hqKeys, ops);

    const { summary, returnPackage } = await importDevicePackage(
      hq.hq.db,
      hqKeys,
      bytes,
      new Date(),
    );
    expect(summary).toMatchObject({
      number: 1,
      officeId: 'office-a',
      deviceId: a1.desk.deviceId,
      ops: { total: ops.length, applied: ops.length, alreadyHeld: 0, rejected: 0 },
    });
    expect(summary.ops.counts).toMatchObject({ person: 5, household: 1 });
    expect(
      await perOp(
        hq.hq,
        ops.map((o) => o.opId),
      ),
    ).toEqual(ops.map(() => ({ changes: 1, results: 1 })));

    // The sender opens the return file with its own key, HQ's key pinned.
    const back = await openFromHq(returnPackage.bytes, a1, hqKeys);
    expect(back.manifest).toMatchObject({
      direction: 'toOffice',
      number: 1,
      sender: { kind: 'hq', keyId: hqKeys.signing.keyId },
      receiver: { kind: 'office', officeId: 'office-a' },
      acknowledges: { cursor: null, device: a1.desk.deviceId, ops: ops.length },
      covers: { ops: null },
    });
    expect(back.payload.results.map((r) => [r.opId, r.status])).toEqual(
      ops.map((o) => [o.opId, 'applied']),
    );
    const officeChanges = back.payload.changes.filter((c) => c.stream === 'office');
    expect(officeChanges.map((c) => c.seq)).toEqual(officeChanges.map((_, i) => i + 1));
    expect(officeChanges.length).toBe(ops.length);
    expect(back.manifest.covers.office).toEqual({ after: 0, upTo: ops.length });
    expect(back.manifest.counts).toMatchObject({ person: 5, household: 1 });
    // Any desk of the office can open it: it was sealed for every enrolled desk.
    expect((await openFromHq(returnPackage.bytes, a2, hqKeys)).payload.results).toHaveLength(
      ops.length,
    );
    expect(returnPackage.fileName).toMatch(/^民政同步包_office-a_下发_\d{8}-\d{4}_1\.mzpkg$/);

    const packages = await hq.hq.db
      .selectFrom('packages')
      .selectAll()
      .orderBy('direction')
      .execute();
    expect(packages.map((p) => [p.direction, p.device_id, Number(p.number)])).toEqual([
      ['in', a1.desk.deviceId, 1],
      ['out', a1.desk.deviceId, 1],
    ]);
    const device = await hq.hq.db
      .selectFrom('devices')
      .selectAll()
      .where('id', '=', a1.desk.deviceId)
      .executeTakeFirstOrThrow();
    expect(Number(device.package_number)).toBe(1);
    expect(Number(device.last_seq)).toBe(ops.at(-1)?.seq);
  });

  it('refuses the same package twice as a duplicate and applies nothing again', async () => {
    const { hq, hqKeys } = await setUp(storage);
    const a1 = await keyedDesk(hq.hq, 'office-a', 'a1');
    await createPersons(a1.desk, 2);
    const bytes = await sealForHq(a1, hqKeys, await a1.desk.store.pendingOps(500));
    await importDevicePackage(hq.hq.db, hqKeys, bytes, new Date());
    const before = await allCounts(hq.hq);
    expect(await refusalFrom(importDevicePackage(hq.hq.db, hqKeys, bytes, new Date()))).toBe(
      'package.duplicate',
    );
    expect(await allCounts(hq.hq)).toEqual(before);
  });

  it('imports one of two simultaneous imports of the same file', async () => {
    const { hq, hqKeys } = await setUp(storage);
    const a1 = await keyedDesk(hq.hq, 'office-a', 'a1');
    await createPersons(a1.desk, 20);
    const ops = await a1.desk.store.pendingOps(500);
    const bytes = await sealForHq(a1, hqKeys, ops);
    const outcomes = await Promise.allSettled([
      importDevicePackage(hq.hq.db, hqKeys, bytes, new Date()),
      importDevicePackage(hq.hq.db, hqKeys, bytes, new Date()),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === 'rejected');
    expect(await refusalFrom(Promise.reject(refused?.reason))).toBe('package.duplicate');
    expect(
      await perOp(
        hq.hq,
        ops.map((o) => o.opId),
      ),
    ).toEqual(ops.map(() => ({ changes: 1, results: 1 })));
  });

  it('applies ops pushed online first only once, and answers them with their first result', async () => {
    const { hq, hqKeys } = await setUp(storage);
    const a1 = await keyedDesk(hq.hq, 'office-a', 'a1');
    await connect(a1.desk, { token: a1.token, hqKeys: publicHqKeys(hqKeys) }, hq.url);
    await createPersons(a1.desk, 4);
    const ops = await a1.desk.store.pendingOps(500);
    // The supervisor exports the package; then the network comes back and the desk
    // pushes the same ops online before the package reaches the county.
    const bytes = await sealForHq(a1, hqKeys, ops);
    const sent = await a1.desk.transport?.push({ ops: ops.slice(0, 3) });
    const pushed = sent && pushAnswer(sent);
    const changesBefore = (await allCounts(hq.hq)).changes;

    const { summary, returnPackage } = await importDevicePackage(
      hq.hq.db,
      hqKeys,
      bytes,
      new Date(),
    );
    // 8 ops: the setup's 3 accounts and settings, then 4 persons (one transaction).
    expect(summary.ops).toMatchObject({ total: 8, alreadyHeld: 3, applied: 5 });
    expect(
      await perOp(
        hq.hq,
        ops.map((o) => o.opId),
      ),
    ).toEqual(ops.map(() => ({ changes: 1, results: 1 })));
    expect((await allCounts(hq.hq)).changes).toBe((changesBefore ?? 0) + 5);
    const back = await openFromHq(returnPackage.bytes, a1, hqKeys);
    expect(back.payload.results.slice(0, 3)).toEqual(pushed?.results);
    // The desk acknowledges from the return file; a sync then has nothing to push.
    await a1.desk.store.acknowledge(back.payload.results);
    await a1.desk.store.applyPulled(back.payload.changes, {
      office: back.manifest.covers.office?.upTo ?? 0,
      reference: back.manifest.covers.reference?.upTo ?? 0,
    });
    expect(await a1.desk.db.queue.count()).toBe(0);
    expect(await sync(a1.desk)).toMatchObject({ pushed: 0, pulled: 0 });
  });

  it('exports for an office from the lowest cursor of its desks', async () => {
    const { hq, hqKeys } = await setUp(storage);
    const a1 = await keyedDesk(hq.hq, 'office-a', 'a1');
    const a2 = await keyedDesk(hq.hq, 'office-a', 'a2');
    await connect(a1.desk, { token: a1.token, hqKeys: publicHqKeys(hqKeys) }, hq.url);
    await connect(a2.desk, { token: a2.token, hqKeys: publicHqKeys(hqKeys) }, hq.url);
    await createPersons(a1.desk, 3);
    await sync(a1.desk);
    await sync(a1.desk); // a1 tells HQ its cursor; a2 has never pulled (cursor 0)
    const written = await exportForOffice(hq.hq.db, hqKeys, 'office-a', new Date(), '县民政局');
    const opened = await openFromHq(written.bytes, a2, hqKeys);
    expect(opened.payload.results).toEqual([]);
    expect(opened.manifest).toMatchObject({
      number: 1,
      createdBy: '县民政局',
      acknowledges: { cursor: null, device: null, ops: 0 },
      covers: { ops: null, office: { after: 0, upTo: 7 } },
    });
    expect(opened.payload.changes.filter((c) => c.stream === 'office')).toHaveLength(7);

    // a2 reads up to 7 (a pull tells HQ its cursor): now every desk holds everything.
    await a2.desk.transport?.pull({ cursor: { office: 7, reference: 0 }, limit: 10 });
    const later = await exportForOffice(hq.hq.db, hqKeys, 'office-a', new Date());
    const again = await openFromHq(later.bytes, a1, hqKeys);
    expect(again.manifest.number).toBe(2);
    expect(again.manifest.covers.office).toEqual({ after: 7, upTo: 7 });
    expect(again.payload.changes.filter((c) => c.stream === 'office')).toEqual([]);

    expect(await refusalFrom(exportForOffice(hq.hq.db, hqKeys, 'nowhere', new Date()))).toBe(
      'not_found',
    );
  });
});
