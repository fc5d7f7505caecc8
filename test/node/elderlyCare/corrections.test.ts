import { describe, expect, it } from 'vitest';
import type { DeskDatabase } from '../../../renderer/src/db/database';
import { recordHistory } from '../../../renderer/src/db/repositories/recordHistory';
import {
  addBuilding,
  updateBuilding,
  updateInstitution,
  updateRoom,
} from '../../../renderer/src/db/repositories/elderlyCare/institutions';
import { updateResident } from '../../../renderer/src/db/repositories/elderlyCare/residents';
import { elderlyTables } from '../../../renderer/src/db/repositories/elderlyCare/tables';
import { write } from '../../../renderer/src/db/writePath';
import { openTestDesk } from '../../fakes/deskFixtures';
import { newResident, smallHome } from './elderlyFixtures';

async function footprint(db: DeskDatabase) {
  return { queue: await db.queue.count(), revisions: await db.revisions.count() };
}

const noReason = { fieldErrors: [{ path: 'reason', code: 'record.correction_reason_required' }] };

describe('corrections of 养老 records', () => {
  it('corrects an institution, a building and a room only with a reason, keeping each version', async () => {
    const { db, ctx } = await openTestDesk();
    const { institution, building, beds } = await smallHome(db, ctx);
    const room = await elderlyTables(db).rooms.get(beds.a.roomId);
    if (!room) throw new Error('room missing');
    const before = await footprint(db);
    await expect(
      updateInstitution(db, ctx, institution.id, 1, { phone: '0571-88001234' }, ''),
    ).rejects.toMatchObject(noReason);
    await expect(updateBuilding(db, ctx, building, { name: '颐养楼' }, ' ')).rejects.toMatchObject(
      noReason,
    );
    await expect(updateRoom(db, ctx, room, { number: '105' }, '')).rejects.toMatchObject(noReason);
    expect(await footprint(db)).toEqual(before);
    expect((await elderlyTables(db).institutions.get(institution.id))?.version).toBe(1);

    await updateInstitution(
      db,
      ctx,
      institution.id,
      1,
      { name: '城关镇中心敬老院', grade: 3 },
      '民政局更名批复',
    );
    await updateBuilding(db, ctx, building, { name: '颐养楼', floors: 4 }, '楼栋命名');
    await updateRoom(db, ctx, room, { floor: 2, number: '201' }, '门牌号登记错误');

    const inst = await recordHistory(db, 'elderlyInstitution', institution.id);
    expect(inst.map((v) => [v.version, v.reason, v.changes.map((c) => c.field)])).toEqual([
      [1, null, expect.arrayContaining(['code', 'name'])],
      [2, '民政局更名批复', ['name', 'grade']],
    ]);
    const rooms = await recordHistory(db, 'elderlyRoom', room.id);
    expect(rooms.map((v) => [v.record.number, v.reason])).toEqual([
      ['101', null],
      ['201', '门牌号登记错误'],
    ]);
    const buildings = await recordHistory(db, 'elderlyBuilding', building.id);
    expect(buildings.at(-1)).toMatchObject({ reason: '楼栋命名', current: true });
    // Each correction is queued for HQ with its reason.
    const queued = (await db.queue.orderBy('seq').toArray()).slice(-3);
    expect(queued.map((e) => [e.kind, e.op, e.reason])).toEqual([
      ['elderlyInstitution', 'update', '民政局更名批复'],
      ['elderlyBuilding', 'update', '楼栋命名'],
      ['elderlyRoom', 'update', '门牌号登记错误'],
    ]);
  });

  it('keeps a room in its building and a building in its institution', async () => {
    const { db, ctx } = await openTestDesk();
    const { institution, building, beds } = await smallHome(db, ctx);
    const other = await addBuilding(db, ctx, {
      institutionId: institution.id,
      name: '2号楼',
      floors: 3,
    });
    await expect(
      write(db, ctx, (w) =>
        w.update('elderlyRoom', beds.a.roomId, 1, { buildingId: other.id }, { reason: '搬' }),
      ),
    ).rejects.toMatchObject({ fieldErrors: [{ path: 'buildingId', code: 'elderly.place_fixed' }] });
    // Fewer floors than a room stands on: refused, as for a new building.
    await expect(updateBuilding(db, ctx, building, { floors: 0 }, '改层数')).rejects.toMatchObject({
      fieldErrors: [{ path: 'floors', code: 'field.too_small' }],
    });
  });

  it('corrects a resident only with a reason and shows every version', async () => {
    const { db, ctx } = await openTestDesk();
    const zhang = await newResident(db, ctx, '张大爷');
    const before = await footprint(db);
    await expect(
      updateResident(db, ctx, zhang, { fundingCategory: 'tekun' }, ''),
    ).rejects.toMatchObject(noReason);
    expect(await footprint(db)).toEqual(before);

    const corrected = await updateResident(
      db,
      ctx,
      zhang,
      {
        fundingCategory: 'tekun',
        emergencyContact: { name: '张儿子', relation: '儿子', phone: '13900000000' },
      },
      '经核实为特困供养人员',
    );
    expect(corrected.version).toBe(2);
    const history = await recordHistory(db, 'elderlyResident', zhang.id);
    expect(history.map((v) => [v.record.fundingCategory, v.reason])).toEqual([
      ['self_paying', null],
      ['tekun', '经核实为特困供养人员'],
    ]);
    expect(history[1]?.changes.map((c) => c.field)).toEqual([
      'fundingCategory',
      'emergencyContact',
    ]);
    // The registry's path: the person's correction refreshes the copied name, with its reason.
    const renamed = await write(db, ctx, (w) =>
      w.update(
        'elderlyResident',
        zhang.id,
        corrected.version,
        { personName: '张大爷爷' },
        { reason: '姓名登记错误' },
      ),
    );
    expect(renamed).toMatchObject({ personName: '张大爷爷', version: 3 });
    expect(renamed.searchTokens).toContain('张大爷爷');
  });
});
