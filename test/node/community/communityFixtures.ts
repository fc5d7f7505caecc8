import type { DeskDatabase } from '../../../renderer/src/db/database';
import { registerVolunteer } from '../../../renderer/src/db/repositories/community/volunteers';
import type { VolunteerServiceFields } from '../../../renderer/src/db/repositories/community/volunteerServices';
import { write } from '../../../renderer/src/db/writePath';
import type { WriteContext } from '../../../renderer/src/db/writeContext';
import { personInput, residentId } from '../../fakes/deskFixtures';

/** 陈志愿, born 1985 (sequence 042: female). */
export const volunteerIdNumber = residentId('330102', '1985-07-21', '042');

/** A registered person without a household, as the registry would save them. */
export async function registerPerson(
  db: DeskDatabase,
  ctx: WriteContext,
  who = { name: '陈志愿', idNumber: volunteerIdNumber, birthDate: '1985-07-21' },
) {
  const fields = personInput({ ...who, sex: 'female', workCapacity: 'full' });
  return write(db, ctx, (w) => w.create('person', { ...fields, householdId: null }));
}

/** 刘芳, born 1990 (sequence 052: female): a second registered person. */
export const otherPerson = {
  name: '刘芳',
  idNumber: residentId('330102', '1990-01-02', '052'),
  birthDate: '1990-01-02',
};

export async function aVolunteer(db: DeskDatabase, ctx: WriteContext) {
  const person = await registerPerson(db, ctx);
  const volunteer = await registerVolunteer(db, ctx, person.id, {
    volunteerNumber: 'zj-330102-0001',
    skills: ['助老', '急救'],
    joinedOn: '2025-06-01',
    notes: '',
  });
  return { person, volunteer };
}

/** Two and a half hours on site, half an hour of it travel: two hours of actual service. */
export const morningService: VolunteerServiceFields = {
  activityId: null,
  content: '陪同老人就医',
  place: '城关镇卫生院',
  startAt: '2026-03-01T09:00',
  endAt: '2026-03-01T11:30',
  travelMinutes: 30,
};
