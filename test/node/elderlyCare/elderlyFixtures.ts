import type { PersonInput } from '@shared/domain/person';
import type { Person } from '../../../renderer/src/db/repositories/persons';
import type { VisitInput } from '../../../renderer/src/db/repositories/elderlyCare/homeCare';
import type { DeskDatabase } from '../../../renderer/src/db/database';
import {
  addBuilding,
  addRoomWithBeds,
  createInstitution,
} from '../../../renderer/src/db/repositories/elderlyCare/institutions';
import { registerResident } from '../../../renderer/src/db/repositories/elderlyCare/residents';
import type { WriteContext } from '../../../renderer/src/db/writeContext';
import { personInput, residentId } from '../../fakes/deskFixtures';

/**
 * A small home: 城关镇敬老院 with building 1号楼, room 101 (two nursing beds) and
 * room 102 (one general bed, one general bed for women only). 3 of 4 beds are general,
 * so the nursing share is 50 %, under the 55 % target.
 */
export async function smallHome(db: DeskDatabase, ctx: WriteContext) {
  const institution = await createInstitution(db, ctx, {
    code: 'JLY-001',
    name: '城关镇敬老院',
    operatorType: 'public',
    grade: 2,
    address: '城关镇东街5号',
  });
  const building = await addBuilding(db, ctx, {
    institutionId: institution.id,
    name: '1号楼',
    floors: 3,
  });
  const place = { institutionId: institution.id, buildingId: building.id, floor: 1 };
  const r101 = await addRoomWithBeds(db, ctx, {
    ...place,
    number: '101',
    inServiceFrom: '2026-01-01',
    beds: [
      { number: '1', bedType: 'nursing', sexRule: 'any' },
      { number: '2', bedType: 'nursing', sexRule: 'any' },
    ],
  });
  const r102 = await addRoomWithBeds(db, ctx, {
    ...place,
    number: '102',
    inServiceFrom: '2026-01-01',
    beds: [
      { number: '1', bedType: 'general', sexRule: 'any' },
      { number: '2', bedType: 'general', sexRule: 'female' },
    ],
  });
  const [a, b] = r101.beds;
  const [c, d] = r102.beds;
  if (!a || !b || !c || !d) throw new Error('beds missing');
  return { institution, building, beds: { a, b, c, d } };
}

let sequence = 11;

/** A new elderly person, registered together with their resident record. */
export async function newResident(
  db: DeskDatabase,
  ctx: WriteContext,
  name: string,
  overrides: Partial<Omit<PersonInput, 'householdId'>> = {},
) {
  sequence += 2; // odd sequence: male unless overridden
  const sex = overrides.sex ?? 'male';
  const seq = String(sex === 'male' ? sequence : sequence + 1).padStart(3, '0');
  return registerResident(db, ctx, {
    person: {
      newPerson: personInput({
        name,
        idNumber: residentId('330102', '1940-02-03', seq),
        birthDate: '1940-02-03',
        sex,
        ...overrides,
      }),
    },
    fundingCategory: 'self_paying',
    emergencyContact: { name: '张女儿', relation: '女儿', phone: '13800000000' },
  });
}

/** A bathing visit of 75 minutes on 2026-02-27. */
export function homeCareVisitInput(person: Pick<Person, 'id' | 'name'>): VisitInput {
  return {
    personId: person.id,
    personName: person.name,
    serviceType: 'bathing',
    staff: '刘护工',
    startAt: '2026-02-27T09:30',
    endAt: '2026-02-27T10:45',
    notes: '协助洗浴，皮肤完好',
  };
}
