import { describe, expect, it } from 'vitest';
import {
  getHouseholdWithMembers,
  registerHousehold,
  searchHouseholds,
} from '../../../renderer/src/db/repositories/households';
import { findPersonByIdNumber, searchPersons } from '../../../renderer/src/db/repositories/persons';
import {
  openTestDesk,
  personInput,
  queuedAfterSetup,
  threeMemberHousehold,
} from '../../fakes/deskFixtures';

const threeMembers = () => threeMemberHousehold('urban');

describe('household registry', () => {
  it('registers a household and its members atomically, each change queued', async () => {
    const { db, ctx } = await openTestDesk();
    const { household, members } = await registerHousehold(db, ctx, threeMembers());

    expect(household.headName).toBe('张三丰');
    expect(household.members.map((m) => m.relation)).toEqual(['self', 'spouse', 'child']);
    expect(members.every((m) => m.person.householdId === household.id)).toBe(true);
    const queue = await queuedAfterSetup(db);
    expect(queue.map((e) => e.kind)).toEqual(['person', 'person', 'person', 'household']);
    expect(new Set(queue.map((e) => e.txId)).size).toBe(1);

    const loaded = await getHouseholdWithMembers(db, household.id);
    expect(loaded?.members.map((m) => m.person.name)).toEqual(['张三丰', '李秀英', '张小明']);
  });

  it('names the failing member and saves nothing when one member is invalid', async () => {
    const { db, ctx } = await openTestDesk();
    const input = threeMembers();
    const bad = input.members[2];
    if (bad && 'person' in bad) bad.person.idNumber = bad.person.idNumber.slice(0, 17) + '5';

    await expect(registerHousehold(db, ctx, input)).rejects.toMatchObject({
      code: 'validation',
      fieldErrors: [expect.objectContaining({ path: 'members.2.idNumber', code: 'id.checksum' })],
    });
    expect(await db.persons.count()).toBe(0);
    expect(await db.households.count()).toBe(0);
    expect(await queuedAfterSetup(db)).toHaveLength(0);
  });

  it('refuses a second person with a registered ID number and points to the first', async () => {
    const { db, ctx } = await openTestDesk();
    const first = await registerHousehold(db, ctx, threeMembers());
    const again = threeMembers();
    again.members = [{ relation: 'self', person: personInput({ name: '张三' }) }];

    const error = await registerHousehold(db, ctx, again).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'duplicate',
      fieldErrors: [
        expect.objectContaining({ path: 'members.0.idNumber', code: 'person.duplicate_id' }),
      ],
      details: { existingId: first.household.headPersonId },
    });
    expect(await findPersonByIdNumber(db, personInput().idNumber.toLowerCase())).toMatchObject({
      name: '张三丰',
    });
  });

  it('finds people by name, ID prefix and pinyin initials through indexes', async () => {
    const { db, ctx } = await openTestDesk();
    await registerHousehold(db, ctx, threeMembers());

    expect((await searchPersons(db, 'zsf')).map((p) => p.name)).toEqual(['张三丰']);
    expect((await searchPersons(db, 'zhangx')).map((p) => p.name)).toEqual(['张小明']);
    expect((await searchPersons(db, '李')).map((p) => p.name)).toEqual(['李秀英']);
    expect((await searchPersons(db, '33010219620815')).map((p) => p.name)).toEqual(['李秀英']);
    expect((await searchHouseholds(db, 'zsf')).map((h) => h.headName)).toEqual(['张三丰']);
  });
});
