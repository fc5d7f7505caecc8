import { afterEach, describe, expect, it } from 'vitest';
import { newRecordId } from '@shared/records/ids';
import { recordHistory } from '../../../renderer/src/db/repositories/recordHistory';
import { loadBoard } from '../../../renderer/src/db/repositories/elderlyCare/board';
import {
  addBedsToRoom,
  editBed,
  setBedMaintenance,
} from '../../../renderer/src/db/repositories/elderlyCare/beds';
import { loadFigures } from '../../../renderer/src/db/repositories/elderlyCare/figures';
import {
  updateInstitution,
  updateRoom,
} from '../../../renderer/src/db/repositories/elderlyCare/institutions';
import { updateResident } from '../../../renderer/src/db/repositories/elderlyCare/residents';
import { elderlyTables } from '../../../renderer/src/db/repositories/elderlyCare/tables';
import { hqStorages, startHq, type RunningHq } from '../../support/hqHarness';
import { enroll, openOfficeDesk, sync } from '../../support/syncDesks';
import { newResident, smallHome } from '../elderlyCare/elderlyFixtures';
import { cases, Forge, officeState, setUp, stopHostileOffice } from './hostileDeskKit';

/**
 * Corrections of 养老 records travel like any update: HQ checks each with the kind's
 * schema and rules (a bed under repair needs its reason, whoever sends it), and the
 * office's other desks receive every version with its reason.
 */
let hq: RunningHq | undefined;
afterEach(async () => {
  await hq?.stop();
  hq = undefined;
  await stopHostileOffice();
});

describe.each(cases)('a forged bed over $storage.kind, $mode', ({ storage, mode }) => {
  it('refuses a bed under repair without a repair reason, naming the field', async () => {
    const office = await setUp(storage);
    const { beds } = await smallHome(office.honest.db, office.honest.ctx);
    expect((await sync(office.honest)).rejected).toBe(0);
    const forge = new Forge(office, mode);
    await forge.start();
    const bedOp = (fields: Record<string, unknown>) =>
      forge.op({
        kind: 'elderlyBed',
        recordId: beds.a.id,
        op: 'update',
        baseVersion: 1,
        fields,
        reason: '维修',
      });
    const results = await forge.send([
      bedOp({ maintenance: true }),
      bedOp({ maintenance: true, maintenanceReason: '   ' }),
      // A new bed created under repair with no reason: the same rule on a create.
      forge.op({
        kind: 'elderlyBed',
        recordId: newRecordId(),
        op: 'create',
        baseVersion: 0,
        fields: {
          institutionId: beds.c.institutionId,
          buildingId: beds.c.buildingId,
          roomId: beds.c.roomId,
          number: '9',
          bedType: 'general',
          sexRule: 'any',
          inServiceFrom: '2026-01-01',
          retiredOn: null,
          maintenance: true,
          note: '',
        },
      }),
    ]);
    for (const result of results) {
      expect(result.status).toBe('rejected');
      if (result.status !== 'rejected') continue;
      expect(result.reason.fieldErrors).toEqual([
        { path: 'maintenanceReason', code: 'elderly.maintenance_reason_required' },
      ]);
    }
    // Nothing changed at HQ or on the office's other desk.
    const state = await officeState(office);
    const atHq = [...state.hq.values()].find((r) => r.id === beds.a.id);
    expect(atHq?.data).toMatchObject({ maintenance: false });
    expect((await elderlyTables(office.other.db).beds.get(beds.a.id))?.maintenance).toBe(false);
    const otherBeds = await elderlyTables(office.other.db).beds.toArray();
    expect(otherBeds.filter((bed) => bed.number === '9' && !bed.deleted)).toEqual([]);
    // The same op with its reason is an ordinary correction, which HQ takes.
    const [taken] = await forge.send([bedOp({ maintenance: true, maintenanceReason: '床垫更换' })]);
    expect(taken?.status).toBe('applied');
  });
});

describe.each(hqStorages)('养老 corrections across desks over $kind', (storage) => {
  it('shows each correction with its reason on the office other desk', async () => {
    hq = await startHq({ storage });
    const a = await openOfficeDesk('office-a', 'a');
    const b = await openOfficeDesk('office-a', 'b');
    await enroll(a, hq);
    await enroll(b, hq);
    const { institution, beds } = await smallHome(a.db, a.ctx);
    const zhang = await newResident(a.db, a.ctx, '张大爷');
    await sync(a);
    await sync(b);

    await updateInstitution(a.db, a.ctx, institution.id, 1, { grade: 3 }, '等级评定结果');
    const room = await elderlyTables(a.db).rooms.get(beds.c.roomId);
    if (!room) throw new Error('room missing');
    await updateRoom(a.db, a.ctx, room, { number: '103' }, '门牌号登记错误');
    await addBedsToRoom(a.db, a.ctx, room.id, {
      bedCount: 1,
      bedType: 'general',
      sexRule: 'any',
      inServiceFrom: '2026-01-01',
    });
    const edited = await editBed(a.db, a.ctx, beds.d, { note: '靠窗' }, '补记位置');
    await setBedMaintenance(a.db, a.ctx, edited, true, '床头呼叫器损坏');
    await updateResident(a.db, a.ctx, zhang, { fundingCategory: 'dibao' }, '低保审批通过');
    expect((await sync(a)).rejected).toBe(0);
    await sync(b);

    const reasons = async (kind: Parameters<typeof recordHistory>[1], id: string) =>
      (await recordHistory(b.db, kind, id)).map((v) => v.reason);
    expect(await reasons('elderlyInstitution', institution.id)).toEqual([null, '等级评定结果']);
    expect(await reasons('elderlyRoom', room.id)).toEqual([null, '门牌号登记错误']);
    expect(await reasons('elderlyBed', beds.d.id)).toEqual([null, '补记位置', '床头呼叫器损坏']);
    expect(await reasons('elderlyResident', zhang.id)).toEqual([null, '低保审批通过']);

    // Desk b's board and figures: the bed under repair, with its reason, and the new bed.
    const day = '2026-03-02';
    const board = await loadBoard(b.db, institution.id, day);
    const room103 = board?.buildings[0]?.floors[0]?.rooms.find((r) => r.room.number === '103');
    expect(room103?.beds.map((x) => [x.bed.number, x.status, x.bed.maintenanceReason])).toEqual([
      ['1', 'vacant', ''],
      ['2', 'maintenance', '床头呼叫器损坏'],
      ['3', 'vacant', ''],
    ]);
    const figures = await loadFigures(b.db, institution.id, day, { from: day, to: day });
    expect(figures.beds).toMatchObject({ total: 5, maintenance: 1, vacant: 4 });
  });
});
