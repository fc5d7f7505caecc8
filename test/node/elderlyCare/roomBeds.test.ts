import { describe, expect, it } from 'vitest';
import type { DeskDatabase } from '../../../renderer/src/db/database';
import { loadBoard } from '../../../renderer/src/db/repositories/elderlyCare/board';
import {
  addBedsToRoom,
  editBed,
  retireBed,
  setBedMaintenance,
} from '../../../renderer/src/db/repositories/elderlyCare/beds';
import { loadFigures } from '../../../renderer/src/db/repositories/elderlyCare/figures';
import {
  addRoom,
  loadLayout,
} from '../../../renderer/src/db/repositories/elderlyCare/institutions';
import { recordMovement } from '../../../renderer/src/db/repositories/elderlyCare/movements';
import { recordHistory } from '../../../renderer/src/db/repositories/recordHistory';
import { write } from '../../../renderer/src/db/writePath';
import { openTestDesk } from '../../fakes/deskFixtures';
import { newResident, smallHome } from './elderlyFixtures';
import { revisionOf } from '../../support/revisions';

/** Everything a refused save could have left behind: records and queue entries. */
async function footprint(db: DeskDatabase) {
  return {
    rooms: await db.table('elderlyRooms').count(),
    beds: await db.table('elderlyBeds').count(),
    queue: await db.queue.count(),
    revisions: await db.revisions.count(),
  };
}

const bedsOf = async (db: DeskDatabase, institutionId: string, roomId: string) =>
  ((await loadLayout(db, institutionId))?.beds ?? [])
    .filter((b) => b.roomId === roomId)
    .map((b) => [b.number, b.bedType, b.sexRule, b.retiredOn]);

describe('beds of a room', () => {
  it('refuses a bed count out of range next to the field, never clamps it, and writes nothing', async () => {
    const { db, ctx } = await openTestDesk();
    const { institution, building } = await smallHome(db, ctx);
    const before = await footprint(db);
    const room = {
      institutionId: institution.id,
      buildingId: building.id,
      floor: 2,
      number: '201',
      inServiceFrom: '2026-03-01',
      bedType: 'nursing',
      sexRule: 'any',
    } as const;
    const refusal = (bedCount: number | null) => addRoom(db, ctx, { ...room, bedCount });
    await expect(refusal(-2)).rejects.toMatchObject({
      code: 'validation',
      fieldErrors: [{ path: 'bedCount', code: 'field.too_small', params: { minimum: 1 } }],
    });
    await expect(refusal(20)).rejects.toMatchObject({
      fieldErrors: [{ path: 'bedCount', code: 'field.too_big', params: { maximum: 12 } }],
    });
    await expect(refusal(0)).rejects.toMatchObject({
      fieldErrors: [{ path: 'bedCount', code: 'field.too_small' }],
    });
    await expect(refusal(2.5)).rejects.toMatchObject({
      fieldErrors: [{ path: 'bedCount', code: 'elderly.bed_count_whole' }],
    });
    await expect(refusal(null)).rejects.toMatchObject({
      fieldErrors: [{ path: 'bedCount', code: 'field.required' }],
    });
    // Every error of the form at once: an empty room number is named with the count.
    await expect(addRoom(db, ctx, { ...room, number: '', bedCount: 20 })).rejects.toMatchObject({
      fieldErrors: [
        { path: 'number', code: 'field.required' },
        { path: 'bedCount', code: 'field.too_big' },
      ],
    });
    expect(await footprint(db)).toEqual(before);

    // In range: exactly as many beds as typed, numbered 1..n.
    const { room: saved, beds } = await addRoom(db, ctx, { ...room, bedCount: 12 });
    expect(beds.map((b) => b.number)).toEqual(Array.from({ length: 12 }, (_, i) => String(i + 1)));
    expect(saved.number).toBe('201');
  });

  it('adds beds to a room that exists: one left without beds, and one that grows', async () => {
    const { db, ctx } = await openTestDesk();
    const { institution, building, beds } = await smallHome(db, ctx);
    // A room an older desk saved without beds: saving it again is refused, as before...
    const empty = await write(db, ctx, (w) =>
      w.create('elderlyRoom', {
        institutionId: institution.id,
        buildingId: building.id,
        floor: 2,
        number: '201',
      }),
    );
    await expect(
      addRoom(db, ctx, {
        institutionId: institution.id,
        buildingId: building.id,
        floor: 2,
        number: '201',
        inServiceFrom: '2026-03-01',
        bedCount: 2,
        bedType: 'general',
        sexRule: 'any',
      }),
    ).rejects.toMatchObject({ fieldErrors: [{ path: 'number', code: 'elderly.duplicate_room' }] });
    // ...and it is furnished where it stands instead.
    const batch = { bedType: 'general', sexRule: 'female', inServiceFrom: '2026-03-01' } as const;
    await addBedsToRoom(db, ctx, empty.id, { ...batch, bedCount: 2 });
    expect(await bedsOf(db, institution.id, empty.id)).toEqual([
      ['1', 'general', 'female', null],
      ['2', 'general', 'female', null],
    ]);
    const board = await loadBoard(db, institution.id, '2026-03-01');
    expect(board?.counts.vacant).toBe(6);

    // Room 101 (beds 1, 2): a retired bed keeps its number, new beds number on after it.
    await retireBed(db, ctx, beds.b, '2026-02-01', '床架损坏报废');
    const added = await addBedsToRoom(db, ctx, beds.a.roomId, { ...batch, bedCount: 1 });
    expect(added.map((b) => b.number)).toEqual(['3']);
    // 2 in service: 10 more fit, 11 do not; nothing is written for the refusal.
    const before = await footprint(db);
    await expect(
      addBedsToRoom(db, ctx, beds.a.roomId, { ...batch, bedCount: 11 }),
    ).rejects.toMatchObject({
      fieldErrors: [{ path: 'bedCount', code: 'field.too_big', params: { maximum: 10 } }],
    });
    await expect(
      addBedsToRoom(db, ctx, beds.a.roomId, { ...batch, bedCount: -2 }),
    ).rejects.toMatchObject({ fieldErrors: [{ path: 'bedCount', code: 'field.too_small' }] });
    expect(await footprint(db)).toEqual(before);
    await addBedsToRoom(db, ctx, beds.a.roomId, { ...batch, bedCount: 10 });
    await expect(
      addBedsToRoom(db, ctx, beds.a.roomId, { ...batch, bedCount: 1 }),
    ).rejects.toMatchObject({ fieldErrors: [{ path: 'bedCount', code: 'elderly.room_full' }] });
  });

  it('puts a bed under repair only with its reason, shows it, and keeps each version', async () => {
    const { db, ctx } = await openTestDesk();
    const { institution, beds } = await smallHome(db, ctx);
    const before = await footprint(db);
    await expect(setBedMaintenance(db, ctx, beds.a, true, '  ')).rejects.toMatchObject({
      fieldErrors: [{ path: 'maintenanceReason', code: 'elderly.maintenance_reason_required' }],
    });
    // The rule is the kind's own: a write that skips the repository is refused as well.
    await expect(
      write(db, ctx, (w) =>
        w.update('elderlyBed', beds.a.id, 1, { maintenance: true }, { reason: '维修' }),
      ),
    ).rejects.toMatchObject({
      fieldErrors: [{ path: 'maintenanceReason', code: 'elderly.maintenance_reason_required' }],
    });
    expect(await footprint(db)).toEqual(before);

    const repairing = await setBedMaintenance(db, ctx, beds.a, true, '床板断裂，待更换');
    expect(repairing).toMatchObject({ maintenance: true, maintenanceReason: '床板断裂，待更换' });
    const board = await loadBoard(db, institution.id, '2026-03-02');
    const tile = board?.buildings[0]?.floors[0]?.rooms[0]?.beds[0];
    expect([tile?.status, tile?.bed.maintenanceReason]).toEqual([
      'maintenance',
      '床板断裂，待更换',
    ]);

    // Back in use: that is a correction too, and it needs its own reason.
    await expect(setBedMaintenance(db, ctx, repairing, false, '')).rejects.toMatchObject({
      fieldErrors: [{ path: 'reason', code: 'record.correction_reason_required' }],
    });
    await setBedMaintenance(db, ctx, repairing, false, '已更换床板');
    const history = await recordHistory(db, 'elderlyBed', beds.a.id);
    expect(
      history.map((v) => [v.version, v.record.maintenance, v.record.maintenanceReason, v.reason]),
    ).toEqual([
      [1, false, '', null],
      [2, true, '床板断裂，待更换', '床板断裂，待更换'],
      [3, false, '', '已更换床板'],
    ]);
  });

  it('retires a bed with a dated reason, for good', async () => {
    const { db, ctx } = await openTestDesk();
    const { beds } = await smallHome(db, ctx);
    await expect(retireBed(db, ctx, beds.c, '2026-03-01', '')).rejects.toMatchObject({
      fieldErrors: [{ path: 'reason', code: 'record.correction_reason_required' }],
    });
    const retired = await retireBed(db, ctx, beds.c, '2026-03-01', '房间改为活动室');
    expect(retired).toMatchObject({ retiredOn: '2026-03-01', version: 2 });
    await expect(retireBed(db, ctx, retired, '2026-04-01', '改期')).rejects.toMatchObject({
      fieldErrors: [{ path: 'retiredOn', code: 'elderly.bed_retired_final' }],
    });
    await expect(
      write(db, ctx, (w) =>
        w.update(
          'elderlyBed',
          retired.id,
          retired.version,
          { retiredOn: null },
          { reason: '恢复' },
        ),
      ),
    ).rejects.toMatchObject({ fieldErrors: [{ code: 'elderly.bed_retired_final' }] });
    const history = await recordHistory(db, 'elderlyBed', beds.c.id);
    expect(history.map((v) => [v.record.retiredOn, v.reason])).toEqual([
      [null, null],
      ['2026-03-01', '房间改为活动室'],
    ]);
  });

  it('corrects a bed number, sex rule and note, but not a sex rule its occupant does not fit', async () => {
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
      editBed(db, ctx, beds.a, { sexRule: 'female' }, '改为女性房间'),
    ).rejects.toMatchObject({
      fieldErrors: [
        { path: 'sexRule', code: 'elderly.sex_rule_occupant', params: { name: '张大爷' } },
      ],
    });
    await expect(editBed(db, ctx, beds.b, { number: '1' }, '改号')).rejects.toMatchObject({
      fieldErrors: [{ path: 'number', code: 'elderly.duplicate_bed' }],
    });
    await expect(editBed(db, ctx, beds.b, { note: '靠窗' }, '')).rejects.toMatchObject({
      fieldErrors: [{ path: 'reason', code: 'record.correction_reason_required' }],
    });
    const edited = await editBed(
      db,
      ctx,
      beds.b,
      { number: '2A', sexRule: 'male', note: '靠窗' },
      '门牌重新编号',
    );
    expect(edited).toMatchObject({ number: '2A', sexRule: 'male', note: '靠窗', version: 2 });
    expect(await revisionOf(db, 'elderlyBed', beds.b.id, 1)).toMatchObject({
      reason: '门牌重新编号',
      record: { number: '2' },
    });
  });
});

describe('figures and the board agree on every bed', () => {
  it('counts a bed under repair as 维修, not 空闲, as the board does', async () => {
    const { db, ctx } = await openTestDesk();
    const { institution, beds } = await smallHome(db, ctx);
    const zhang = await newResident(db, ctx, '张大爷');
    await recordMovement(db, ctx, {
      residentId: zhang.id,
      type: 'admit',
      bedId: beds.a.id,
      date: '2026-02-01',
    });
    await setBedMaintenance(db, ctx, beds.b, true, '床垫更换');
    const day = '2026-03-02';
    const figures = await loadFigures(db, institution.id, day, { from: day, to: day });
    const board = await loadBoard(db, institution.id, day);
    expect(figures.beds).toMatchObject({ total: 4, occupied: 1, maintenance: 1, vacant: 2 });
    for (const status of ['occupied', 'held', 'reserved', 'maintenance', 'vacant'] as const) {
      expect(figures.beds[status], status).toBe(board?.counts[status]);
    }
    // Over the whole office too.
    const office = await loadFigures(db, null, day, { from: day, to: day });
    expect([office.beds.maintenance, office.beds.vacant]).toEqual([1, 2]);
  });
});
