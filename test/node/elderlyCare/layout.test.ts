import { describe, expect, it } from 'vitest';
import {
  addBuilding,
  addRoomWithBeds,
  loadLayout,
} from '../../../renderer/src/db/repositories/elderlyCare/institutions';
import { retireBed } from '../../../renderer/src/db/repositories/elderlyCare/beds';
import { loadBoard } from '../../../renderer/src/db/repositories/elderlyCare/board';
import { recordMovement } from '../../../renderer/src/db/repositories/elderlyCare/movements';
import { write } from '../../../renderer/src/db/writePath';
import { openTestDesk } from '../../fakes/deskFixtures';
import { newResident, smallHome } from './elderlyFixtures';
import { revisionOf } from '../../support/revisions';

describe('institution layout', () => {
  it('refuses a room twice, a bed number twice in a room, and a room above the top floor', async () => {
    const { db, ctx } = await openTestDesk();
    const { institution, building } = await smallHome(db, ctx);
    const place = {
      institutionId: institution.id,
      buildingId: building.id,
      inServiceFrom: '2026-01-01',
    };
    const bed = { bedType: 'general', sexRule: 'any' } as const;
    const oneBed = [{ ...bed, number: '1' }];
    await expect(
      addRoomWithBeds(db, ctx, { ...place, floor: 1, number: '101', beds: oneBed }),
    ).rejects.toMatchObject({ fieldErrors: [{ path: 'number', code: 'elderly.duplicate_room' }] });
    await expect(
      addRoomWithBeds(db, ctx, {
        ...place,
        floor: 2,
        number: '201',
        beds: [
          { ...bed, number: '1' },
          { ...bed, number: '1' },
        ],
      }),
    ).rejects.toMatchObject({
      fieldErrors: [{ path: 'beds.1.number', code: 'elderly.duplicate_bed' }],
    });
    // The room of the failed save was rolled back with its first bed.
    expect((await loadLayout(db, institution.id))?.rooms.map((r) => r.number)).toEqual([
      '101',
      '102',
    ]);
    await expect(
      addRoomWithBeds(db, ctx, { ...place, floor: 4, number: '401', beds: oneBed }),
    ).rejects.toMatchObject({ fieldErrors: [{ path: 'floor', code: 'field.too_big' }] });
    await expect(
      addBuilding(db, ctx, { institutionId: institution.id, name: '1号楼', floors: 2 }),
    ).rejects.toMatchObject({ fieldErrors: [{ code: 'elderly.duplicate_building' }] });
  });

  it('keeps a bed type fixed and refuses to retire a bed someone lives in', async () => {
    const { db, ctx } = await openTestDesk();
    const { beds } = await smallHome(db, ctx);
    await expect(
      write(db, ctx, (w) =>
        w.update('elderlyBed', beds.c.id, 1, { bedType: 'nursing' }, { reason: '改造' }),
      ),
    ).rejects.toMatchObject({ fieldErrors: [{ code: 'elderly.bed_type_fixed' }] });

    const zhang = await newResident(db, ctx, '张大爷');
    await recordMovement(db, ctx, {
      residentId: zhang.id,
      type: 'admit',
      bedId: beds.c.id,
      date: '2026-02-01',
    });
    await expect(retireBed(db, ctx, beds.c, '2026-02-15', '拆除')).rejects.toMatchObject({
      fieldErrors: [{ code: 'elderly.bed_in_use' }],
    });
    const retired = await retireBed(db, ctx, beds.d, '2026-02-15', '拆除');
    expect(retired).toMatchObject({ retiredOn: '2026-02-15', version: 2 });
    expect(await revisionOf(db, 'elderlyBed', beds.d.id, 1)).toMatchObject({ reason: '拆除' });
  });

  it('draws the board: floors top first, each bed with its status and resident', async () => {
    const { db, ctx } = await openTestDesk();
    const { institution, building, beds } = await smallHome(db, ctx);
    await addRoomWithBeds(db, ctx, {
      institutionId: institution.id,
      buildingId: building.id,
      floor: 2,
      number: '201',
      inServiceFrom: '2026-01-01',
      beds: [{ number: '1', bedType: 'nursing', sexRule: 'any' }],
    });
    const zhang = await newResident(db, ctx, '张大爷');
    await recordMovement(db, ctx, {
      residentId: zhang.id,
      type: 'admit',
      bedId: beds.a.id,
      date: '2026-02-01',
    });
    await recordMovement(db, ctx, { residentId: zhang.id, type: 'leave', date: '2026-02-03' });
    await retireBed(db, ctx, beds.d, '2026-02-15', '拆除');

    const board = await loadBoard(db, institution.id, '2026-03-01');
    const floors = board?.buildings[0]?.floors ?? [];
    expect(floors.map((f) => f.floor)).toEqual([2, 1]);
    const room101 = floors[1]?.rooms[0];
    expect(room101?.beds.map((b) => [b.bed.number, b.status, b.resident?.personName])).toEqual([
      ['1', 'held', '张大爷'],
      ['2', 'vacant', undefined],
    ]);
    expect(board?.counts).toMatchObject({ held: 1, vacant: 3, retired: 1, occupied: 0 });
    const before = await loadBoard(db, institution.id, '2026-02-02');
    expect(before?.counts).toMatchObject({ occupied: 1, vacant: 4, retired: 0 });
  });
});
