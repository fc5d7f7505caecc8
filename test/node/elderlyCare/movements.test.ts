import { describe, expect, it } from 'vitest';
import { elderlyTables } from '../../../renderer/src/db/repositories/elderlyCare/tables';
import {
  movementsOfResident,
  recordMovement,
} from '../../../renderer/src/db/repositories/elderlyCare/movements';
import { openTestDesk } from '../../fakes/deskFixtures';
import { newResident, smallHome } from './elderlyFixtures';

async function staysOf(db: Parameters<typeof elderlyTables>[0], residentId: string) {
  return elderlyTables(db).stays.where('residentId').equals(residentId).sortBy('id');
}

describe('movements and the one-stay-per-bed rule', () => {
  it('refuses a double booking of a bed, naming the bed and who holds it', async () => {
    const { db, ctx } = await openTestDesk();
    const { beds } = await smallHome(db, ctx);
    const zhang = await newResident(db, ctx, '张大爷');
    const li = await newResident(db, ctx, '李大爷');
    await recordMovement(db, ctx, {
      residentId: zhang.id,
      type: 'admit',
      bedId: beds.a.id,
      date: '2026-02-01',
    });
    const queued = await db.queue.count();

    const second = recordMovement(db, ctx, {
      residentId: li.id,
      type: 'admit',
      bedId: beds.a.id,
      date: '2026-02-10',
    });

    await expect(second).rejects.toMatchObject({
      code: 'duplicate',
      fieldErrors: [
        {
          path: 'bedId',
          code: 'elderly.bed_taken',
          params: { name: '张大爷', building: '1号楼', room: '101', bed: '1' },
        },
      ],
    });
    // Neither the movement nor its stay nor a queue entry was left behind.
    expect(await movementsOfResident(db, li.id)).toEqual([]);
    expect(await staysOf(db, li.id)).toEqual([]);
    expect(await db.queue.count()).toBe(queued);
  });

  it('refuses a back-dated admission into a bed that was taken on that day', async () => {
    const { db, ctx } = await openTestDesk();
    const { beds } = await smallHome(db, ctx);
    const zhang = await newResident(db, ctx, '张大爷');
    const li = await newResident(db, ctx, '李大爷');
    await recordMovement(db, ctx, {
      residentId: zhang.id,
      type: 'admit',
      bedId: beds.a.id,
      date: '2026-02-01',
    });
    await recordMovement(db, ctx, {
      residentId: zhang.id,
      type: 'discharge',
      dischargeReason: 'normal',
      date: '2026-02-20',
    });

    // The bed was Zhang's until 02-20: Li cannot have moved in on 02-15 …
    await expect(
      recordMovement(db, ctx, {
        residentId: li.id,
        type: 'admit',
        bedId: beds.a.id,
        date: '2026-02-15',
      }),
    ).rejects.toMatchObject({ fieldErrors: [{ code: 'elderly.bed_taken' }] });
    // … but can on the day Zhang left.
    await recordMovement(db, ctx, {
      residentId: li.id,
      type: 'admit',
      bedId: beds.a.id,
      date: '2026-02-20',
    });
  });

  it('refuses a second bed for the same resident', async () => {
    const { db, ctx } = await openTestDesk();
    const { beds } = await smallHome(db, ctx);
    const zhang = await newResident(db, ctx, '张大爷');
    await recordMovement(db, ctx, {
      residentId: zhang.id,
      type: 'admit',
      bedId: beds.a.id,
      date: '2026-02-01',
    });

    await expect(
      recordMovement(db, ctx, {
        residentId: zhang.id,
        type: 'admit',
        bedId: beds.b.id,
        date: '2026-02-02',
      }),
    ).rejects.toMatchObject({
      code: 'validation',
      fieldErrors: [{ code: 'elderly.resident_has_stay', params: { state: 'active' } }],
    });
  });

  it('closes one stay and opens another in ONE transaction when the bed changes', async () => {
    const { db, ctx } = await openTestDesk();
    const { beds } = await smallHome(db, ctx);
    const zhang = await newResident(db, ctx, '张大爷');
    const admitted = await recordMovement(db, ctx, {
      residentId: zhang.id,
      type: 'admit',
      bedId: beds.a.id,
      date: '2026-02-01',
    });
    const seqBefore = (await db.queue.orderBy('seq').last())?.seq ?? 0;

    const change = await recordMovement(db, ctx, {
      residentId: zhang.id,
      type: 'change_bed',
      bedId: beds.c.id,
      fromBedId: beds.a.id,
      date: '2026-02-10',
    });

    const [first, second] = await staysOf(db, zhang.id);
    expect(first).toMatchObject({
      id: admitted.id,
      bedId: beds.a.id,
      state: 'closed',
      endedOn: '2026-02-10',
      endReason: 'bed_change',
      version: 2,
    });
    expect(second).toMatchObject({
      id: change.id,
      bedId: beds.c.id,
      state: 'active',
      admittedOn: '2026-02-10',
      openedBy: 'change_bed',
    });
    const entries = (await db.queue.orderBy('seq').toArray()).filter((e) => e.seq > seqBefore);
    // Only the movement travels; both stays were rewritten in the same transaction.
    expect(entries.map((e) => [e.kind, e.op])).toEqual([['elderlyMovement', 'create']]);
    expect(change.bedIds.sort()).toEqual([beds.a.id, beds.c.id].sort());
  });

  it('leaves nothing behind when the new bed of a change is taken', async () => {
    const { db, ctx } = await openTestDesk();
    const { beds } = await smallHome(db, ctx);
    const zhang = await newResident(db, ctx, '张大爷');
    const li = await newResident(db, ctx, '李大爷');
    await recordMovement(db, ctx, {
      residentId: zhang.id,
      type: 'admit',
      bedId: beds.a.id,
      date: '2026-02-01',
    });
    await recordMovement(db, ctx, {
      residentId: li.id,
      type: 'admit',
      bedId: beds.c.id,
      date: '2026-02-01',
    });

    await expect(
      recordMovement(db, ctx, {
        residentId: zhang.id,
        type: 'change_bed',
        bedId: beds.c.id,
        date: '2026-02-05',
      }),
    ).rejects.toMatchObject({
      fieldErrors: [{ code: 'elderly.bed_taken', params: { name: '李大爷' } }],
    });
    // The old stay was closed inside the transaction, then rolled back with it.
    expect((await staysOf(db, zhang.id)).map((s) => s.state)).toEqual(['active']);
  });
});
