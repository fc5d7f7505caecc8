import { describe, expect, it } from 'vitest';
import { bedStatusOn } from '@shared/domain/elderlyCare/bedStatus';
import type { BedData } from '@shared/domain/elderlyCare/institution';
import type { MovementData } from '@shared/domain/elderlyCare/movement';
import { projectStays, type MovementEvent } from '@shared/domain/elderlyCare/projection';
import { elderlyTables } from '../../../renderer/src/db/repositories/elderlyCare/tables';
import {
  recordMovement,
  reverseMovement,
} from '../../../renderer/src/db/repositories/elderlyCare/movements';
import { openTestDesk } from '../../fakes/deskFixtures';
import { newResident, smallHome } from './elderlyFixtures';

let clock = 0;
function event(
  type: MovementData['type'],
  date: string,
  extra: Partial<MovementData> = {},
): MovementEvent {
  clock += 1;
  return {
    id: `m${clock}`,
    hlc: String(clock).padStart(6, '0'),
    residentId: 'r1',
    institutionId: 'i1',
    type,
    date,
    bedId: 'bed-a',
    fromBedId: null,
    dischargeReason: null,
    destination: '',
    reversesId: null,
    reason: '',
    actorName: '王登记',
    bedIds: [],
    ...extra,
  };
}

const bed: BedData = {
  institutionId: 'i1',
  buildingId: 'b1',
  roomId: 'r101',
  number: '1',
  bedType: 'nursing',
  sexRule: 'any',
  inServiceFrom: '2026-01-01',
  retiredOn: null,
  maintenance: false,
  maintenanceReason: '',
  note: '',
};

describe('replaying movements into stays', () => {
  it('derives the bed status on every day from reservation to discharge', () => {
    const result = projectStays([
      event('reserve', '2026-02-01'),
      event('admit', '2026-02-03'),
      event('leave', '2026-02-05'),
      event('return', '2026-02-07'),
      event('discharge', '2026-02-09', { dischargeReason: 'transfer' }),
    ]);
    if (!result.ok) throw new Error(result.error.code);
    const stays = [...result.stays.values()];
    const on = (date: string) => bedStatusOn(bed, stays, date);
    expect(
      ['01-31', '02-01', '02-03', '02-05', '02-07', '02-09'].map((d) => on(`2026-${d}`)),
    ).toEqual(['vacant', 'reserved', 'occupied', 'held', 'occupied', 'vacant']);
    expect(on('2025-12-31')).toBeNull();
  });

  it('names the event that cannot follow', () => {
    const result = projectStays([event('admit', '2026-02-01'), event('return', '2026-02-02')]);
    expect(result).toMatchObject({ ok: false, error: { code: 'elderly.not_on_leave' } });
  });

  it('keeps the stored stays equal to a replay of the stored log', async () => {
    const { db, ctx, as } = await openTestDesk();
    const { beds } = await smallHome(db, ctx);
    const zhang = await newResident(db, ctx, '张大爷');
    const go = (rest: Omit<Parameters<typeof recordMovement>[2], 'residentId'>) =>
      recordMovement(db, ctx, { residentId: zhang.id, ...rest });
    await go({ type: 'reserve', bedId: beds.a.id, date: '2026-02-01' });
    await go({ type: 'admit', bedId: beds.a.id, date: '2026-02-02' });
    await go({ type: 'change_bed', bedId: beds.b.id, date: '2026-02-04' });
    const leave = await go({ type: 'leave', date: '2026-02-06' });
    await reverseMovement(db, as('supervisor'), leave.id, '未请假');
    await go({ type: 'discharge', dischargeReason: 'normal', date: '2026-02-08' });

    const t = elderlyTables(db);
    const log = await t.movements.where('residentId').equals(zhang.id).toArray();
    const replay = projectStays(log);
    if (!replay.ok) throw new Error(replay.error.code);
    const stored = await t.stays.where('residentId').equals(zhang.id).toArray();
    const storedLive = new Map(
      stored
        .filter((s) => s.state !== 'void')
        .map(
          ({
            residentId,
            bedId,
            institutionId,
            state,
            openedBy,
            reservedOn,
            admittedOn,
            endedOn,
            endReason,
            leaves,
            id,
          }) => [
            id,
            {
              residentId,
              bedId,
              institutionId,
              state,
              openedBy,
              reservedOn,
              admittedOn,
              endedOn,
              endReason,
              leaves,
            },
          ],
        ),
    );
    expect(storedLive).toEqual(replay.stays);
  });
});
