import { describe, expect, it } from 'vitest';
import { elderlyTables } from '../../../renderer/src/db/repositories/elderlyCare/tables';
import {
  movementsOfResident,
  recordMovement,
  reverseMovement,
} from '../../../renderer/src/db/repositories/elderlyCare/movements';
import { openTestDesk } from '../../fakes/deskFixtures';
import { newResident, smallHome } from './elderlyFixtures';

describe('reversing a mistaken movement', () => {
  it('adds a reversal with its reason, keeps the mistaken event, and undoes a bed change', async () => {
    const { db, ctx, as } = await openTestDesk();
    const supervisor = as('supervisor');
    const { beds } = await smallHome(db, ctx);
    const zhang = await newResident(db, ctx, '张大爷');
    const admit = await recordMovement(db, ctx, {
      residentId: zhang.id,
      type: 'admit',
      bedId: beds.a.id,
      date: '2026-02-01',
    });
    const change = await recordMovement(db, ctx, {
      residentId: zhang.id,
      type: 'change_bed',
      bedId: beds.c.id,
      date: '2026-02-10',
    });

    const reversal = await reverseMovement(db, supervisor, change.id, '换错床位，应为102室');

    expect(reversal).toMatchObject({
      type: 'reversal',
      reversesId: change.id,
      reason: '换错床位，应为102室',
    });
    const log = await movementsOfResident(db, zhang.id);
    expect(log.map((m) => m.type)).toEqual(['admit', 'change_bed', 'reversal']);
    const stays = await elderlyTables(db).stays.where('residentId').equals(zhang.id).sortBy('id');
    expect(stays).toEqual([
      expect.objectContaining({
        id: admit.id,
        bedId: beds.a.id,
        state: 'active',
        endedOn: null,
        endReason: null,
      }),
      expect.objectContaining({ id: change.id, bedId: beds.c.id, state: 'void' }),
    ]);
    // The bed of the voided stay is free again for someone else.
    const li = await newResident(db, ctx, '李大爷');
    await recordMovement(db, ctx, {
      residentId: li.id,
      type: 'admit',
      bedId: beds.c.id,
      date: '2026-02-12',
    });
  });

  it('undoes a discharge, unless the bed was given to someone else meanwhile', async () => {
    const { db, ctx, as } = await openTestDesk();
    const supervisor = as('supervisor');
    const { beds } = await smallHome(db, ctx);
    const zhang = await newResident(db, ctx, '张大爷');
    const li = await newResident(db, ctx, '李大爷');
    await recordMovement(db, ctx, {
      residentId: zhang.id,
      type: 'admit',
      bedId: beds.a.id,
      date: '2026-02-01',
    });
    const discharge = await recordMovement(db, ctx, {
      residentId: zhang.id,
      type: 'discharge',
      dischargeReason: 'normal',
      date: '2026-02-10',
    });
    await recordMovement(db, ctx, {
      residentId: li.id,
      type: 'admit',
      bedId: beds.a.id,
      date: '2026-02-11',
    });

    await expect(reverseMovement(db, supervisor, discharge.id, '误办出院')).rejects.toMatchObject({
      fieldErrors: [{ code: 'elderly.bed_taken', params: { name: '李大爷' } }],
    });
    expect((await movementsOfResident(db, zhang.id)).map((m) => m.type)).toEqual([
      'admit',
      'discharge',
    ]);
  });

  it('reverses only the newest event in force, once, by a supervisor, with a reason', async () => {
    const { db, ctx, as } = await openTestDesk();
    const supervisor = as('supervisor');
    const { beds } = await smallHome(db, ctx);
    const zhang = await newResident(db, ctx, '张大爷');
    const admit = await recordMovement(db, ctx, {
      residentId: zhang.id,
      type: 'admit',
      bedId: beds.a.id,
      date: '2026-02-01',
    });
    const leave = await recordMovement(db, ctx, {
      residentId: zhang.id,
      type: 'leave',
      date: '2026-02-03',
    });

    await expect(reverseMovement(db, ctx, leave.id, '登记错误')).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(reverseMovement(db, supervisor, admit.id, '登记错误')).rejects.toMatchObject({
      fieldErrors: [{ code: 'elderly.reverse_latest_only' }],
    });
    await expect(reverseMovement(db, supervisor, leave.id, '  ')).rejects.toMatchObject({
      fieldErrors: [{ path: 'reason', code: 'elderly.reversal_reason_required' }],
    });
    const reversal = await reverseMovement(db, supervisor, leave.id, '并未请假');
    await expect(reverseMovement(db, supervisor, leave.id, '再次')).rejects.toMatchObject({
      fieldErrors: [{ code: 'elderly.already_reversed' }],
    });
    await expect(reverseMovement(db, supervisor, reversal.id, '撤销撤销')).rejects.toMatchObject({
      fieldErrors: [{ code: 'elderly.reverse_reversal' }],
    });
    // The admission is now the newest in force, so it may be reversed in turn.
    await reverseMovement(db, supervisor, admit.id, '未入住');
    const stays = await elderlyTables(db).stays.where('residentId').equals(zhang.id).toArray();
    expect(stays.map((s) => s.state)).toEqual(['void']);
  });

  it('never edits or deletes a movement through the write path', async () => {
    const { db, ctx } = await openTestDesk();
    const { beds } = await smallHome(db, ctx);
    const zhang = await newResident(db, ctx, '张大爷');
    const admit = await recordMovement(db, ctx, {
      residentId: zhang.id,
      type: 'admit',
      bedId: beds.a.id,
      date: '2026-02-01',
    });
    const { write } = await import('../../../renderer/src/db/writePath');
    await expect(
      write(db, ctx, (w) => w.update('elderlyMovement', admit.id, 1, { date: '2026-01-01' })),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      write(db, ctx, (w) => w.remove('elderlyMovement', admit.id, 1)),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});
