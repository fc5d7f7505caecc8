import { afterEach, describe, expect, it } from 'vitest';
import { checkLink } from '@shared/accessChain/seal';
import { accessChainKeyOf } from '../../../renderer/src/db/accessChain';
import { logAccess } from '../../../renderer/src/db/repositories/accessLog';
import { logStoreAlterations } from '../../../renderer/src/db/repositories/storeAlterations';
import { rowFoundRemoved } from '../../support/storeAltered';
import { whoLookedAt } from '../../../renderer/src/db/repositories/accessRecord';
import { officeOverview } from '../../../hq/src/console/offices/officeOverview';
import { chainBreaksOf } from '../../../hq/src/store/accessChains';
import { hqStorages, startHq, type RunningHq } from '../../support/hqHarness';
import { enroll, openOfficeDesk, sync, type SyncDesk } from '../../support/syncDesks';

/**
 * Issue #16 item 3: each desk's access record is a sealed chain that HQ checks as it
 * arrives. An honest desk's chain checks clean; an entry removed from the desk before it
 * synced, one edited, a chain cut back (an old copy restored), an unsealed entry and a
 * changed key are each reported for the county — and the entries still arrive.
 */
let hq: RunningHq | undefined;

afterEach(async () => {
  await hq?.stop();
  hq = undefined;
});

async function look(desk: SyncDesk, subjectId: string, purpose = '') {
  await logAccess(desk.db, desk.ctx, {
    action: 'view',
    subjectKind: 'person',
    subjectId,
    maskedSubject: '330102********0133',
    purpose,
  });
}

async function breaks() {
  const running = hq;
  if (!running) throw new Error('no HQ');
  return (await chainBreaksOf(running.hq.db, 'office-a')).map((b) => ({
    kind: b.kind,
    seq: b.seq,
    ...(b.missing ? { missing: b.missing } : {}),
  }));
}

/** The queued access-log ops of the desk, in order (what the next push will carry). */
async function queuedLooks(desk: SyncDesk) {
  return (await desk.db.queue.orderBy('seq').toArray()).filter((e) => e.kind === 'accessLog');
}

describe.each(hqStorages)('the access chain at HQ on %s', (storage) => {
  async function office() {
    hq = await startHq({ storage });
    const desk = await openOfficeDesk('office-a', 'a1');
    await enroll(desk, hq);
    return desk;
  }

  it('an honest desk: numbered, sealed, checked clean, and HQ holds its key', async () => {
    const desk = await office();
    for (const n of [1, 2, 3]) await look(desk, `p${n}`);
    const entries = (await desk.db.accessLog.toArray()).sort(
      (a, b) => (a.chainSeq ?? 0) - (b.chainSeq ?? 0),
    );
    expect(entries.map((e) => e.chainSeq)).toEqual([1, 2, 3]);
    // Each seal is what the shared check expects under the desk's key.
    const key = await accessChainKeyOf(desk.db);
    let head: { seq: number; seal: string } | null = null;
    for (const e of entries) {
      const link = { chainSeq: e.chainSeq ?? 0, prevSeal: e.prevSeal ?? '', seal: e.seal ?? '' };
      const content = { ...e, actorId: e.createdBy, at: e.createdAt };
      const checked = checkLink(key, head, link, content);
      expect(checked.breaks).toEqual([]);
      head = checked.head;
    }
    await sync(desk);
    for (const n of [4, 5]) await look(desk, `p${n}`);
    await sync(desk);
    expect(await desk.db.rejectedOps.count()).toBe(0);
    expect(await breaks()).toEqual([]);
    const device = await hq?.hq.db
      .selectFrom('devices')
      .select(['chain_key', 'chain_seq'])
      .where('id', '=', desk.deviceId)
      .executeTakeFirstOrThrow();
    expect(device).toMatchObject({ chain_key: key, chain_seq: 5 });
  });

  it('a caller cannot choose an entry’s place in the chain', async () => {
    const desk = await office();
    await logAccess(desk.db, desk.ctx, {
      action: 'view',
      subjectKind: 'person',
      subjectId: 'p1',
      maskedSubject: '',
      // A forged place, as a hostile caller of the write path would try.
      ...({ chainSeq: 99, seal: 'f'.repeat(64) } as object),
    });
    const [entry] = await desk.db.accessLog.toArray();
    expect(entry?.chainSeq).toBe(1);
    expect(entry?.seal).not.toBe('f'.repeat(64));
  });

  it('reports an entry removed before it synced, and one edited in the queue', async () => {
    const desk = await office();
    for (const n of [1, 2, 3, 4]) await look(desk, `p${n}`);
    const [, second, third] = await queuedLooks(desk);
    if (!second || !third) throw new Error('looks not queued');
    // Someone at the PC removes the second look (record and queue entry), numbering the
    // queue on without a gap so HQ takes what follows …
    await desk.db.accessLog.delete(second.recordId);
    const later = (await desk.db.queue.orderBy('seq').toArray()).filter((e) => e.seq > second.seq);
    await desk.db.queue.where('seq').aboveOrEqual(second.seq).delete();
    await desk.db.queue.bulkAdd(later.map((e) => ({ ...e, seq: e.seq - 1 })));
    const meta = await desk.db.meta.get('deviceSeq');
    await desk.db.meta.put({ key: 'deviceSeq', value: Number(meta?.value) - 1 });
    // … and changes why the third was made.
    await desk.db.queue.update(third.seq - 1, { fields: { ...third.fields, purpose: '随便看看' } });
    await sync(desk);
    expect(await breaks()).toEqual(
      expect.arrayContaining([
        { kind: 'removed', seq: 3, missing: { from: 2, to: 2 } },
        { kind: 'edited', seq: 3 },
      ]),
    );
    // Every remaining look still reached HQ: a break is reported, never a look refused.
    expect(await desk.db.rejectedOps.count()).toBe(0);
    expect(await desk.db.queue.count()).toBe(0);
    // The county sees it on the office's desk.
    const running = hq;
    if (!running) throw new Error('no HQ');
    const [view] = await officeOverview(running.hq.db);
    const chain = view?.desks.find((d) => d.id === desk.deviceId)?.accessChain;
    expect(chain?.seq).toBe(4);
    expect(chain?.breaks.map((b) => b.kind).sort()).toEqual(['edited', 'removed']);
  });

  it('reports a chain cut back (an older copy of the desk), an unsealed entry and a new key', async () => {
    const desk = await office();
    for (const n of [1, 2, 3]) await look(desk, `p${n}`);
    await sync(desk);
    // The desk's chain head set back to 1, as restoring an old copy would leave it.
    const head = await desk.db.meta.get('accessChainHead');
    const first = (await desk.db.accessLog.toArray()).find((e) => e.chainSeq === 1)?.seal ?? '';
    await desk.db.meta.put({ key: 'accessChainHead', value: { seq: 1, seal: first } });
    expect(head).toBeDefined();
    await sync(desk); // its report says 1; HQ holds 3
    await look(desk, 'p4'); // numbered 2 again
    // An entry forged without a seal (chain fields stripped from the queued op).
    await look(desk, 'p5');
    const last = (await queuedLooks(desk)).at(-1);
    if (!last) throw new Error('not queued');
    const {
      chainSeq: _s,
      prevSeal: _p,
      seal: _seal,
      ...bare
    } = last.fields as Record<string, unknown>;
    await desk.db.queue.update(last.seq, { fields: bare });
    // And a new key presented, as a reinstalled or replaced desk would.
    await desk.db.meta.put({ key: 'accessChainKey', value: 'c'.repeat(64) });
    await sync(desk);
    const found = await breaks();
    expect(found).toEqual(
      expect.arrayContaining([
        { kind: 'truncated', seq: 1 },
        { kind: 'truncated', seq: 2 },
        { kind: 'unsealed', seq: 0 },
        { kind: 'key_changed', seq: 3 },
      ]),
    );
    // The key HQ holds is still the first one.
    const held = await hq?.hq.db
      .selectFrom('devices')
      .select('chain_key')
      .where('id', '=', desk.deviceId)
      .executeTakeFirstOrThrow();
    expect(held?.chain_key).not.toBe('c'.repeat(64));
  });

  it('shows the supervisor who looked at a person, and no one else', async () => {
    const desk = await office();
    await logAccess(desk.db, desk.as('supervisor', '李主管'), {
      action: 'view_full_id',
      subjectKind: 'person',
      subjectId: 'p9',
      maskedSubject: '',
      purpose: '核对户口',
    });
    await look(desk, 'p9');
    const lines = await whoLookedAt(desk.db, desk.as('supervisor'), 'p9');
    expect(lines.map((l) => [l.action, l.purpose, l.chainSeq])).toEqual([
      ['view', '', 2],
      ['view_full_id', '核对户口', 1],
    ]);
    expect(lines[1]?.who).toBe('主管a1');
    await expect(whoLookedAt(desk.db, desk.ctx, 'p9')).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('a desk’s report that its store’s at-rest row was altered outside it is shown with the chain’s breaks', async () => {
    const desk = await office();
    await look(desk, 'p1');
    await rowFoundRemoved(desk.db);
    expect(await logStoreAlterations(desk.db, desk.ctx)).toBe(1);
    expect(await logStoreAlterations(desk.db, desk.ctx)).toBe(0);
    await sync(desk);
    expect(await desk.db.rejectedOps.count()).toBe(0);
    expect(await breaks()).toEqual([{ kind: 'store_altered', seq: 2 }]);
  });
});
