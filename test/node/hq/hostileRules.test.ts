import { afterEach, describe, expect, it } from 'vitest';
import { newRecordId } from '@shared/records/ids';
import type { OpResult } from '@shared/sync/protocol';
import { residentId } from '../../fakes/deskFixtures';
import { uniquePerson } from '../../support/officeWork';
import {
  cases,
  Forge,
  hqCase,
  officeState,
  setUp,
  stopHostileOffice,
  type Office,
} from './hostileDeskKit';

/**
 * The shared rules at HQ: a hostile desk of the office skips its own form and write
 * path and pushes ops by hand, online and in a signed package. HQ checks each with the
 * kind's schema and rules on HQ's own today, refuses what breaks them naming the field
 * and the rule, and stores a person's birth date and sex as the ID number says.
 */

afterEach(stopHostileOffice);

/** HQ's today in its own terms (UTC), a few days on so no time zone can make it today. */
const daysAfterToday = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const refusal = (result: OpResult | undefined) =>
  result?.status === 'rejected'
    ? result.reason.fieldErrors?.map((e) => `${e.path}:${e.code}`)
    : result?.status;

async function hqPerson(office: Office, id: string) {
  const row = await office.hq.hq.db
    .selectFrom('records')
    .select(['data', 'version'])
    .where('office_id', '=', 'office-a')
    .where('kind', '=', 'person')
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? (JSON.parse(row.data) as Record<string, unknown>) : undefined;
}

describe.each(cases)('shared rules at HQ over $storage.kind, $mode', ({ storage, mode }) => {
  it('refuses a future application date and a bad phone, naming field and rule', async () => {
    const office = await setUp(storage);
    const forge = new Forge(office, mode);
    await forge.start();
    const draft = (await hqCase(office, office.draftId)).data;
    const before = await officeState(office);

    const futureCase = forge.op({
      op: 'create',
      recordId: newRecordId(),
      baseVersion: 0,
      fields: { ...draft, applicationDate: daysAfterToday(3) },
    });
    expect(refusal((await forge.send([futureCase]))[0])).toEqual([
      'applicationDate:date.in_future',
    ]);

    // The draft's own date moved into the future by a plain edit: refused the same way.
    const futureEdit = forge.op({
      fields: { applicationDate: daysAfterToday(3) },
      reason: '申请日期录错',
    });
    expect(refusal((await forge.send([futureEdit]))[0])).toEqual([
      'applicationDate:date.in_future',
    ]);

    // A case of an area code of no province; a volunteer who joins in three days.
    const badArea = forge.op({
      op: 'create',
      recordId: newRecordId(),
      baseVersion: 0,
      fields: { ...draft, areaCode: '000000' },
    });
    expect(refusal((await forge.send([badArea]))[0])).toEqual(['areaCode:code.area_province']);
    const personId = (await office.honest.db.persons.toCollection().first())?.id ?? '';
    const volunteer = forge.op({
      kind: 'volunteer',
      op: 'create',
      recordId: newRecordId(),
      baseVersion: 0,
      fields: {
        personId,
        name: '张三',
        volunteerNumber: 'ZJ330102000001',
        skills: [],
        joinedOn: daysAfterToday(3),
        notes: '',
        searchTokens: [],
      },
    });
    expect(refusal((await forge.send([volunteer]))[0])).toEqual(['joinedOn:date.in_future']);

    for (const phone of ['1380013800', '138001380001', '33O1O2OO1']) {
      const person = forge.op({
        kind: 'person',
        op: 'create',
        recordId: newRecordId(),
        baseVersion: 0,
        fields: { ...uniquePerson('冒名'), phone, searchTokens: [] },
      });
      expect(refusal((await forge.send([person]))[0]), phone).toEqual(['phone:field.phone']);
    }

    const after = await officeState(office);
    expect(after.hq).toEqual(before.hq);
    expect(after.other).toEqual(before.other);
  });

  it("stores the ID's birth date and sex, whatever a desk typed or edited", async () => {
    const office = await setUp(storage);
    const forge = new Forge(office, mode);
    await forge.start();
    const id = newRecordId();
    // The ID says 1950-10-01 and female (sequence 024 is even).
    const idNumber = residentId('330102', '1950-10-01', '024');
    const created = forge.op({
      kind: 'person',
      op: 'create',
      recordId: id,
      baseVersion: 0,
      fields: {
        ...uniquePerson('李秀兰'),
        idNumber,
        birthDate: '1960-01-01',
        sex: 'male',
        phone: '0571-88880000-801',
        searchTokens: [],
      },
    });
    expect((await forge.send([created]))[0]?.status).toBe('applied');
    expect(await hqPerson(office, id)).toMatchObject({
      birthDate: '1950-10-01',
      sex: 'female',
      phone: '0571-88880000-801',
    });

    const edit = forge.op({
      kind: 'person',
      recordId: id,
      baseVersion: 1,
      fields: { birthDate: '1970-07-07', sex: 'male' },
      reason: '出生日期更正',
    });
    expect((await forge.send([edit]))[0]?.status).toBe('applied');
    expect(await hqPerson(office, id)).toMatchObject({ birthDate: '1950-10-01', sex: 'female' });

    // Another ID type: the typed facts stand (the number says nothing of them).
    const other = newRecordId();
    const permit = forge.op({
      kind: 'person',
      op: 'create',
      recordId: other,
      baseVersion: 0,
      fields: {
        ...uniquePerson('玛丽'),
        idType: 'foreign_permanent',
        idNumber: 'USA330102650101',
        birthDate: '1965-01-01',
        sex: 'female',
        searchTokens: [],
      },
    });
    expect((await forge.send([permit]))[0]?.status).toBe('applied');
    expect(await hqPerson(office, other)).toMatchObject({ birthDate: '1965-01-01', sex: 'female' });
  });
});
