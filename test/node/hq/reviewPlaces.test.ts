import { afterEach, describe, expect, it } from 'vitest';
import { newRecordId } from '@shared/records/ids';
import { retireBed } from '../../../renderer/src/db/repositories/elderlyCare/beds';
import { hqStorages } from '../../support/hqHarness';
import { sync } from '../../support/syncDesks';
import { newResident, smallHome } from '../elderlyCare/elderlyFixtures';
import { Forge, reasonOf, setUp, stopHostileOffice, type Office } from './hostileDeskKit';

/**
 * What a bed, a room, a building are fixed to once saved (the desk refuses to change
 * them: past figures were counted from them) holds at HQ too, against forged corrections
 * pushed straight to the real HQ: a bed's type and start of service, the room a bed is
 * in, the building of a room, the institution of a building, and a retired bed brought
 * back.
 */

afterEach(stopHostileOffice);

async function hqData(office: Office, kind: string, id: string) {
  const row = await office.hq.hq.db
    .selectFrom('records')
    .select(['data', 'version'])
    .where('office_id', '=', 'office-a')
    .where('kind', '=', kind)
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return { version: Number(row.version), data: JSON.parse(row.data) as Record<string, unknown> };
}

describe.each(hqStorages)('fixed places of 养老 at HQ over $kind', (storage) => {
  it('refuses a forged correction of what a bed, room or building is fixed to', async () => {
    const office = await setUp(storage);
    const { honest } = office;
    const { building, beds } = await smallHome(honest.db, honest.ctx);
    const retired = await retireBed(honest.db, honest.ctx, beds.d, '2026-02-01', '拆除');
    expect(retired.retiredOn).toBe('2026-02-01');
    expect((await sync(honest)).rejected).toBe(0);
    const forge = new Forge(office, 'online');
    await forge.start();
    const correct = async (kind: string, id: string, fields: Record<string, unknown>) =>
      forge.op({
        kind,
        recordId: id,
        baseVersion: (await hqData(office, kind, id)).version,
        fields,
        reason: '更正',
      });
    const results = await forge.send([
      await correct('elderlyBed', beds.a.id, { bedType: 'general' }),
      await correct('elderlyBed', beds.a.id, { inServiceFrom: '2025-01-01' }),
      await correct('elderlyBed', beds.a.id, {
        roomId: beds.c.roomId,
        buildingId: beds.c.buildingId,
      }),
      await correct('elderlyBed', beds.d.id, { retiredOn: null }),
      await correct('elderlyBed', beds.d.id, { retiredOn: '2026-03-01' }),
      await correct('elderlyRoom', beds.a.roomId, { buildingId: 'elsewhere' }),
      await correct('elderlyBuilding', building.id, { institutionId: 'elsewhere' }),
    ]);
    expect(results.map(reasonOf)).toEqual([
      'elderly.bed_type_fixed',
      'elderly.bed_type_fixed',
      'elderly.place_fixed',
      'elderly.bed_retired_final',
      'elderly.bed_retired_final',
      'elderly.place_fixed',
      'elderly.place_fixed',
    ]);
    expect((await hqData(office, 'elderlyBed', beds.a.id)).data).toMatchObject({
      bedType: beds.a.bedType,
      inServiceFrom: beds.a.inServiceFrom,
      roomId: beds.a.roomId,
    });
    expect((await hqData(office, 'elderlyBed', beds.d.id)).data.retiredOn).toBe('2026-02-01');
    // What may be corrected still is.
    const [renumbered] = await forge.send([
      await correct('elderlyBed', beds.a.id, { number: '9', note: '改号' }),
    ]);
    expect(reasonOf(renumbered)).toBe('applied');
  });
});

describe.each(hqStorages)(
  "a resident's and a volunteer's copy of a name at HQ over $kind",
  (storage) => {
    it('refuses a name the registry never gave the person', async () => {
      const office = await setUp(storage);
      const { honest } = office;
      const resident = await newResident(honest.db, honest.ctx, '孙老伯');
      expect((await sync(honest)).rejected).toBe(0);
      const forge = new Forge(office, 'online');
      await forge.start();
      const volunteerId = newRecordId();
      const created = await forge.send([
        forge.op({
          kind: 'volunteer',
          op: 'create',
          recordId: volunteerId,
          baseVersion: 0,
          fields: {
            personId: resident.personId,
            name: '冒名顶替',
            volunteerNumber: 'V-0009',
            skills: [],
            joinedOn: '2026-03-01',
            notes: '',
            searchTokens: [],
          },
        }),
        forge.op({
          kind: 'elderlyResident',
          recordId: resident.id,
          baseVersion: (await hqData(office, 'elderlyResident', resident.id)).version,
          fields: { personName: '冒名顶替' },
          reason: '更正',
        }),
      ]);
      expect(created.map(reasonOf)).toEqual([
        'person.name_not_registry',
        'person.name_not_registry',
      ]);
      expect((await hqData(office, 'elderlyResident', resident.id)).data.personName).toBe('孙老伯');
    });
  },
);
