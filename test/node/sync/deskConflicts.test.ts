import { describe, expect, it } from 'vitest';
import type { SyncConflictData } from '@shared/domain/syncConflict';
import type { ServerChange } from '@shared/sync/protocol';
import { write } from '../../../renderer/src/db/writePath';
import {
  openConflictCount,
  openConflicts,
  resolveConflict,
} from '../../../renderer/src/sync/conflicts';
import { DexieSyncStore } from '../../../renderer/src/sync/dexieSyncStore';
import { openTestDesk, personInput, queuedAfterSetup } from '../../fakes/deskFixtures';

const kept = '城关镇新街2号';
const other = '城关镇东村3组12号';
const hqHlc = '001772413200000-000000-hq';

/**
 * A person this desk created and HQ holds; then HQ recorded a conflict on its address
 * (another desk's edit won) and both came back in a pull, as they do in the app.
 */
async function deskWithConflict(conflict: Partial<SyncConflictData> = {}) {
  const desk = await openTestDesk();
  const { db, ctx } = desk;
  const person = await write(db, ctx, (w) =>
    w.create('person', { ...personInput({ currentAddress: other }), householdId: null }),
  );
  const store = new DexieSyncStore(db);
  const pushed = await db.queue.toArray();
  await store.acknowledge(
    pushed.map((e) => ({ opId: e.opId, seq: e.seq, status: 'applied', serverSeq: e.seq })),
  );
  const meta = {
    officeId: ctx.officeId,
    hlc: hqHlc,
    createdAt: '2026-03-02T01:30:00.000Z',
    createdBy: 'hq',
    updatedAt: '2026-03-02T01:30:00.000Z',
    updatedBy: 'hq',
    deleted: false,
  };
  const data: SyncConflictData = {
    recordKind: 'person',
    recordId: person.id,
    field: 'currentAddress',
    type: 'field',
    keptValue: kept,
    otherValue: other,
    keptBy: { userId: 'user-b', name: '赵乡镇', deviceId: 'device-b', hlc: hqHlc },
    otherBy: {
      userId: ctx.actor.userId,
      name: ctx.actor.name,
      deviceId: ctx.deviceId,
      hlc: person.hlc,
    },
    status: 'open',
    resolution: null,
    note: '',
    ...conflict,
  };
  const changes: ServerChange[] = [
    {
      stream: 'office',
      seq: 10,
      kind: 'person',
      record: { ...person, ...meta, version: 2, currentAddress: kept },
    },
    {
      stream: 'office',
      seq: 11,
      kind: 'syncConflict',
      record: { ...meta, ...data, id: 'c-1', version: 1 },
    },
  ];
  await store.applyPulled(changes, { office: 11, reference: 0 });
  return { ...desk, person };
}

describe('resolving a sync conflict', () => {
  it('lists the open conflict with the record it is about', async () => {
    const { db, person } = await deskWithConflict();
    expect(await openConflictCount(db)).toBe(1);
    const [view] = await openConflicts(db);
    expect(view?.conflict).toMatchObject({ id: 'c-1', field: 'currentAddress', status: 'open' });
    expect(view?.record).toMatchObject({ id: person.id, currentAddress: kept });
  });

  it('writes the chosen value and the resolution in one transaction, both queued for HQ', async () => {
    const { db, ctx, person } = await deskWithConflict();
    await resolveConflict(db, ctx, 'c-1', 'other', '处理同步冲突');

    expect(await db.persons.get(person.id)).toMatchObject({ currentAddress: other, version: 3 });
    expect(await db.syncConflicts.get('c-1')).toMatchObject({
      status: 'resolved',
      resolution: 'other',
      version: 2,
      updatedBy: ctx.actor.userId,
    });
    const queued = await queuedAfterSetup(db);
    expect(queued.map((e) => [e.kind, e.op, e.fields])).toEqual([
      ['person', 'update', { currentAddress: other }],
      ['syncConflict', 'update', { status: 'resolved', resolution: 'other' }],
    ]);
    expect(queued[0]?.txId).toBe(queued[1]?.txId);
    expect(queued[0]).toMatchObject({ baseVersion: 2, reason: '处理同步冲突' });
    expect(await openConflictCount(db)).toBe(0);
  });

  it('keeping HQ’s value queues the resolution (the record already holds it)', async () => {
    const { db, ctx, person } = await deskWithConflict();
    await resolveConflict(db, ctx, 'c-1', 'kept', '处理同步冲突');
    expect(await db.persons.get(person.id)).toMatchObject({ currentAddress: kept, version: 2 });
    const queued = await queuedAfterSetup(db);
    expect(queued.map((e) => [e.kind, e.fields])).toEqual([
      ['syncConflict', { status: 'resolved', resolution: 'kept' }],
    ]);
  });

  it('leaves record, conflict and queue untouched when the conflict cannot be written', async () => {
    // The record's update succeeds inside the transaction, then the conflict's fails: its
    // stored note breaks the rules (a pull would refuse such a conflict, so it is stored
    // here directly, as an older desk might hold one).
    const { db, ctx, person } = await deskWithConflict();
    await db.syncConflicts.update('c-1', { note: 'x'.repeat(501) });
    await expect(resolveConflict(db, ctx, 'c-1', 'other', '处理同步冲突')).rejects.toMatchObject({
      code: 'validation',
    });
    expect(await db.persons.get(person.id)).toMatchObject({ currentAddress: kept, version: 2 });
    expect(await db.syncConflicts.get('c-1')).toMatchObject({ status: 'open', version: 1 });
    expect(await queuedAfterSetup(db)).toEqual([]);
  });

  it('refuses a value the record’s rules refuse, writing nothing', async () => {
    const { db, ctx } = await deskWithConflict({ otherValue: '长'.repeat(201) });
    await expect(resolveConflict(db, ctx, 'c-1', 'other', '处理同步冲突')).rejects.toMatchObject({
      code: 'validation',
      fieldErrors: [expect.objectContaining({ path: 'currentAddress' })],
    });
    expect(await db.syncConflicts.get('c-1')).toMatchObject({ status: 'open' });
    expect(await queuedAfterSetup(db)).toEqual([]);
  });

  it('an old conflict whose chosen side is absent clears the field at HQ too, or writes nothing', async () => {
    // HQ before the neverSet fix made conflicts over an optional field's first value, the
    // other side absent (nobody had set it). Writing "absent" cleared the field at the
    // desk only: an undefined field does not travel (JSON drops it), so HQ kept its value
    // (a person dead at HQ, alive at the desk). The absent side is written as null.
    const { db, ctx, person } = await deskWithConflict({
      field: 'diedOn',
      keptValue: '2026-02-01',
      otherValue: undefined,
    });
    await db.persons.update(person.id, { diedOn: '2026-02-01' });
    const before = (await queuedAfterSetup(db)).length;
    await resolveConflict(db, ctx, 'c-1', 'other', '处理同步冲突');
    expect((await db.persons.get(person.id))?.diedOn).toBeNull();
    const sent = (await queuedAfterSetup(db)).slice(before).find((e) => e.kind === 'person');
    // What HQ receives (JSON) carries the clearing.
    expect(JSON.parse(JSON.stringify(sent?.fields))).toEqual({ diedOn: null });
  });

  it('an absent side of a field that cannot be empty is refused, writing nothing', async () => {
    const { db, ctx, person } = await deskWithConflict({ otherValue: undefined });
    const before = (await queuedAfterSetup(db)).length;
    await expect(resolveConflict(db, ctx, 'c-1', 'other', '处理同步冲突')).rejects.toMatchObject({
      code: 'validation',
    });
    expect((await db.persons.get(person.id))?.currentAddress).toBe(kept);
    expect((await queuedAfterSetup(db)).length).toBe(before);
  });

  it('refuses a second resolution of the same conflict', async () => {
    const { db, ctx } = await deskWithConflict();
    await resolveConflict(db, ctx, 'c-1', 'kept', '处理同步冲突');
    await expect(resolveConflict(db, ctx, 'c-1', 'other', '处理同步冲突')).rejects.toMatchObject({
      code: 'conflict',
    });
  });

  it('never writes a workflow status: a late step is acknowledged, not applied', async () => {
    const { db, ctx, person } = await deskWithConflict({
      recordKind: 'assistanceCase',
      recordId: 'case-1',
      field: 'status',
      type: 'transition',
      keptValue: 'accepted',
      otherValue: 'withdrawn',
    });
    await expect(resolveConflict(db, ctx, 'c-1', 'other', '处理同步冲突')).rejects.toMatchObject({
      code: 'invalid_transition',
    });
    await resolveConflict(db, ctx, 'c-1', 'kept', '处理同步冲突');
    expect(await db.syncConflicts.get('c-1')).toMatchObject({ resolution: 'kept' });
    expect((await queuedAfterSetup(db)).map((e) => e.kind)).toEqual(['syncConflict']);
    expect(await db.persons.get(person.id)).toMatchObject({ version: 2 });
  });
});
