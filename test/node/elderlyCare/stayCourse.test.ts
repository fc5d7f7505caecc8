import { describe, expect, it } from 'vitest';
import { elderlyTables } from '../../../renderer/src/db/repositories/elderlyCare/tables';
import { recordMovement } from '../../../renderer/src/db/repositories/elderlyCare/movements';
import { setBedMaintenance } from '../../../renderer/src/db/repositories/elderlyCare/beds';
import { openTestDesk } from '../../fakes/deskFixtures';
import { newResident, smallHome } from './elderlyFixtures';

async function staysOf(db: Parameters<typeof elderlyTables>[0], residentId: string) {
  return elderlyTables(db).stays.where('residentId').equals(residentId).sortBy('id');
}

describe('the course of a stay', () => {
  it('keeps a held bed through a leave and frees it on discharge', async () => {
    const { db, ctx } = await openTestDesk();
    const { beds } = await smallHome(db, ctx);
    const zhang = await newResident(db, ctx, '张大爷');
    await recordMovement(db, ctx, {
      residentId: zhang.id,
      type: 'admit',
      bedId: beds.a.id,
      date: '2026-02-01',
    });
    await recordMovement(db, ctx, {
      residentId: zhang.id,
      type: 'leave',
      date: '2026-02-05',
      destination: '县人民医院',
    });
    expect((await staysOf(db, zhang.id))[0]).toMatchObject({
      state: 'held',
      leaves: [{ from: '2026-02-05', to: null }],
    });

    await recordMovement(db, ctx, {
      residentId: zhang.id,
      type: 'discharge',
      dischargeReason: 'death',
      date: '2026-02-09',
    });
    expect((await staysOf(db, zhang.id))[0]).toMatchObject({
      state: 'closed',
      endReason: 'discharge_death',
      leaves: [{ from: '2026-02-05', to: '2026-02-09' }],
    });
    // Nothing follows a death: no new reservation or admission.
    await expect(
      recordMovement(db, ctx, {
        residentId: zhang.id,
        type: 'admit',
        bedId: beds.a.id,
        date: '2026-02-15',
      }),
    ).rejects.toMatchObject({
      fieldErrors: [expect.objectContaining({ code: 'elderly.resident_deceased' })],
    });
  });

  it('admits into the reserved bed, and refuses another bed while the reservation stands', async () => {
    const { db, ctx } = await openTestDesk();
    const { beds } = await smallHome(db, ctx);
    const zhang = await newResident(db, ctx, '张大爷');
    const reserved = await recordMovement(db, ctx, {
      residentId: zhang.id,
      type: 'reserve',
      bedId: beds.b.id,
      date: '2026-02-01',
    });
    await expect(
      recordMovement(db, ctx, {
        residentId: zhang.id,
        type: 'admit',
        bedId: beds.a.id,
        date: '2026-02-03',
      }),
    ).rejects.toMatchObject({ fieldErrors: [{ code: 'elderly.reserved_other_bed' }] });

    await recordMovement(db, ctx, {
      residentId: zhang.id,
      type: 'admit',
      bedId: beds.b.id,
      date: '2026-02-03',
    });
    expect(await staysOf(db, zhang.id)).toEqual([
      expect.objectContaining({
        id: reserved.id,
        state: 'active',
        reservedOn: '2026-02-01',
        admittedOn: '2026-02-03',
      }),
    ]);
  });

  it('refuses an event dated before the last one, a bed for the other sex, and a bed under repair', async () => {
    const { db, ctx } = await openTestDesk();
    const { beds } = await smallHome(db, ctx);
    const zhang = await newResident(db, ctx, '张大爷');
    await expect(
      recordMovement(db, ctx, {
        residentId: zhang.id,
        type: 'admit',
        bedId: beds.d.id,
        date: '2026-02-01',
      }),
    ).rejects.toMatchObject({ fieldErrors: [{ code: 'elderly.bed_for_female' }] });

    const bedA = await setBedMaintenance(db, ctx, beds.a, true, '床垫更换');
    await expect(
      recordMovement(db, ctx, {
        residentId: zhang.id,
        type: 'admit',
        bedId: bedA.id,
        date: '2026-02-01',
      }),
    ).rejects.toMatchObject({ fieldErrors: [{ code: 'elderly.bed_in_maintenance' }] });

    await recordMovement(db, ctx, {
      residentId: zhang.id,
      type: 'admit',
      bedId: beds.b.id,
      date: '2026-02-10',
    });
    await expect(
      recordMovement(db, ctx, { residentId: zhang.id, type: 'leave', date: '2026-02-09' }),
    ).rejects.toMatchObject({
      fieldErrors: [{ code: 'elderly.date_before_last', params: { date: '2026-02-10' } }],
    });
    // A bed someone sleeps in cannot go under repair.
    await expect(setBedMaintenance(db, ctx, beds.b, true, '维修')).rejects.toMatchObject({
      fieldErrors: [{ code: 'elderly.bed_in_use' }],
    });
  });

  it('writes nothing for an event in the future', async () => {
    const { db, ctx } = await openTestDesk();
    const { beds } = await smallHome(db, ctx);
    const zhang = await newResident(db, ctx, '张大爷');
    await expect(
      recordMovement(db, ctx, {
        residentId: zhang.id,
        type: 'admit',
        bedId: beds.a.id,
        date: '2026-12-01',
      }),
    ).rejects.toMatchObject({ fieldErrors: [{ path: 'date', code: 'date.in_future' }] });
    expect(await staysOf(db, zhang.id)).toEqual([]);
  });
});
