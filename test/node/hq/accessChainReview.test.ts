import { afterEach, describe, expect, it } from 'vitest';
import { importDevicePackage } from '../../../hq/src/packages/importPackage';
import { chainBreaksOf } from '../../../hq/src/store/accessChains';
import { loadHqKeys } from '../../../hq/src/store/hqKeys';
import { accessChainKeyOf } from '../../../renderer/src/db/accessChain';
import { logAccess } from '../../../renderer/src/db/repositories/accessLog';
import { exportPackage } from '../../../renderer/src/sync/packages/exportPackage';
import { startHq, type RunningHq } from '../../support/hqHarness';
import { enrollWithPackageKeys } from '../../support/packageDesks';
import { openOfficeDesk, sync, type SyncDesk } from '../../support/syncDesks';

/**
 * A review of the access chain (issue #16 item 3) against the real HQ on loopback: a
 * desk that only ever sends packages must give HQ its key (or its seals are never
 * checked), a package older than the desk's online pushes is no cut chain, and a desk
 * made before the chain, whose old unsealed looks go up with its first sealed one, is no
 * break either.
 */
let hq: RunningHq | undefined;
afterEach(async () => {
  await hq?.stop();
  hq = undefined;
});

async function office() {
  hq = await startHq();
  const desk = await openOfficeDesk('office-a', 'a1');
  await enrollWithPackageKeys(desk, hq);
  return { desk, running: hq, keys: await loadHqKeys(hq.hq) };
}

async function look(desk: SyncDesk, subjectId: string) {
  await logAccess(desk.db, desk.ctx, {
    action: 'view',
    subjectKind: 'person',
    subjectId,
    maskedSubject: '330102********0133',
    purpose: '',
  });
}

async function breaks(running: RunningHq) {
  return (await chainBreaksOf(running.hq.db, 'office-a')).map((b) => ({
    kind: b.kind,
    seq: b.seq,
    ...(b.missing ? { missing: b.missing } : {}),
  }));
}

describe('the access chain under review', () => {
  it('a desk that only sends packages gives HQ its key, so an edited look is reported', async () => {
    const { desk, running, keys } = await office();
    for (const n of [1, 2]) await look(desk, `p${n}`);
    // Someone at the PC changes why the second look was made before the package goes.
    const queued = (await desk.db.queue.orderBy('seq').toArray()).filter(
      (e) => e.kind === 'accessLog',
    );
    const second = queued.at(-1);
    if (!second) throw new Error('not queued');
    await desk.db.queue.update(second.seq, { fields: { ...second.fields, purpose: '随便看看' } });
    const exported = await exportPackage(desk.db, desk.as('supervisor'));
    await importDevicePackage(running.hq.db, keys, exported.bytes, new Date());
    const held = await running.hq.db
      .selectFrom('devices')
      .select('chain_key')
      .where('id', '=', desk.deviceId)
      .executeTakeFirstOrThrow();
    expect(held.chain_key).toBe(await accessChainKeyOf(desk.db));
    expect(await breaks(running)).toEqual([{ kind: 'edited', seq: 2 }]);
  });

  it('a package older than the desk’s online pushes is no cut chain', async () => {
    const { desk, running, keys } = await office();
    await look(desk, 'p1');
    const older = await exportPackage(desk.db, desk.as('supervisor'));
    // The line came back: the same look and two more go up online first.
    await look(desk, 'p2');
    await look(desk, 'p3');
    await sync(desk);
    await importDevicePackage(running.hq.db, keys, older.bytes, new Date());
    expect(await breaks(running)).toEqual([]);
  });

  it('a desk made before the chain: its old unsealed looks and its first sealed one', async () => {
    const { desk, running } = await office();
    // Looks written offline by the old version: no number, no seal, no key yet.
    for (const n of [1, 2]) await look(desk, `old${n}`);
    for (const entry of await desk.db.queue.toArray()) {
      if (entry.kind !== 'accessLog') continue;
      const {
        chainSeq: _s,
        prevSeal: _p,
        seal: _seal,
        ...bare
      } = entry.fields as Record<string, unknown>;
      await desk.db.queue.update(entry.seq, { fields: bare });
    }
    await desk.db.meta.bulkDelete(['accessChainKey', 'accessChainHead']);
    // The new version's first look starts the chain; all three go up in one push.
    await look(desk, 'new1');
    await sync(desk);
    expect(await desk.db.queue.count()).toBe(0);
    expect(await breaks(running)).toEqual([]);
    // From here on, an unsealed look is a break.
    await look(desk, 'new2');
    const last = (await desk.db.queue.orderBy('seq').toArray()).at(-1);
    if (!last) throw new Error('not queued');
    const {
      chainSeq: _s,
      prevSeal: _p,
      seal: _seal,
      ...bare
    } = last.fields as Record<string, unknown>;
    await desk.db.queue.update(last.seq, { fields: bare });
    await sync(desk);
    // (Its report, nothing queued with a head past HQ's, shows the same look as removed.)
    expect(await breaks(running)).toEqual(expect.arrayContaining([{ kind: 'unsealed', seq: 0 }]));
  });

  it('reports the last looks removed before they were sent, once, without waiting for another look', async () => {
    const { desk, running } = await office();
    for (const n of [1, 2, 3]) await look(desk, `p${n}`);
    await sync(desk);
    for (const n of [4, 5]) await look(desk, `p${n}`);
    // Someone at the PC removes the two newest looks (records and queue entries) before
    // the desk syncs: nothing after them shows a gap.
    const tail = (await desk.db.queue.orderBy('seq').toArray()).filter(
      (e) => e.kind === 'accessLog',
    );
    expect(tail).toHaveLength(2);
    for (const e of tail) {
      await desk.db.accessLog.delete(e.recordId);
      await desk.db.queue.delete(e.seq);
    }
    const seq = await desk.db.meta.get('deviceSeq');
    await desk.db.meta.put({ key: 'deviceSeq', value: Number(seq?.value) - 2 });
    await sync(desk);
    expect(await breaks(running)).toEqual([
      { kind: 'removed', seq: 5, missing: { from: 4, to: 5 } },
    ]);
    // The next look shows the same gap: still one break.
    await look(desk, 'p6');
    await sync(desk);
    expect(await breaks(running)).toEqual([
      { kind: 'removed', seq: 5, missing: { from: 4, to: 5 } },
    ]);
  });
});
