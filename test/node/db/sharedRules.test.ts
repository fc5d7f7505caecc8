import { describe, expect, it } from 'vitest';
import { DeskDatabase } from '../../../renderer/src/db/database';
import { createDibaoCase } from '../../../renderer/src/db/repositories/cases';
import {
  createInstitution,
  getInstitution,
} from '../../../renderer/src/db/repositories/elderlyCare/institutions';
import { completeFirstRun } from '../../../renderer/src/db/repositories/firstRun';
import { registerHousehold } from '../../../renderer/src/db/repositories/households';
import { seedSampleReferenceData } from '../../../renderer/src/db/repositories/reference';
import { newRecordId } from '@shared/records/ids';
import {
  openTestDesk,
  personInput,
  queuedAfterSetup,
  residentId,
  threeMemberHousehold,
} from '../../fakes/deskFixtures';

/**
 * The shared rules through the desk's one write path on a real IndexedDB engine: a
 * refused save names the field and the rule, and writes nothing (no record, no queue
 * entry). The desk's today is 2026-03-02 (openTestDesk).
 */

async function nothingWritten(db: DeskDatabase) {
  expect(await db.persons.count()).toBe(0);
  expect(await db.households.count()).toBe(0);
  expect(await db.cases.count()).toBe(0);
  expect(await queuedAfterSetup(db)).toHaveLength(0);
}

describe('one set of rules at the desk', () => {
  it('refuses a 低保 application dated tomorrow; today itself is allowed', async () => {
    const desk = await openTestDesk();
    await seedSampleReferenceData(desk.db, desk.ctx, '330102');
    const { household, members } = await registerHousehold(
      desk.db,
      desk.ctx,
      threeMemberHousehold('rural'),
    );
    const queued = (await desk.db.queue.count()) as number;
    const application = {
      householdId: household.id,
      applicantPersonId: household.headPersonId,
      applicantName: household.headName,
      category: 'rural' as const,
      areaCode: '330102',
      coveredPersonIds: members.map((m) => m.person.id),
      income: { wagesFen: 0, businessFen: 0, propertyFen: 0, transferFen: 0 },
      deductionsFen: 0,
      assets: { depositsFen: 0, securitiesFen: 0, vehicles: 0, extraHousingUnits: 0, note: '' },
    };
    await expect(
      createDibaoCase(desk.db, desk.ctx, { ...application, applicationDate: '2026-03-03' }),
    ).rejects.toMatchObject({
      code: 'validation',
      fieldErrors: [{ path: 'applicationDate', code: 'date.in_future' }],
    });
    expect(await desk.db.cases.count()).toBe(0);
    expect(await desk.db.queue.count()).toBe(queued);

    const saved = await createDibaoCase(desk.db, desk.ctx, {
      ...application,
      applicationDate: '2026-03-02',
    });
    expect(saved.applicationDate).toBe('2026-03-02');
  });

  it('refuses a 10-digit phone naming the member and field, and saves nothing', async () => {
    const { db, ctx } = await openTestDesk();
    const input = threeMemberHousehold('urban');
    const member = input.members[1];
    if (member && 'person' in member) member.person.phone = '1380013800';
    await expect(registerHousehold(db, ctx, input)).rejects.toMatchObject({
      code: 'validation',
      fieldErrors: [expect.objectContaining({ path: 'members.1.phone', code: 'field.phone' })],
    });
    await nothingWritten(db);
  });

  it('keeps valid mobiles and landlines with an extension as typed', async () => {
    const { db, ctx } = await openTestDesk();
    const input = threeMemberHousehold('urban');
    const phones = ['13800138000', '0571-88880000-801', ''];
    input.members.forEach((m, i) => {
      if ('person' in m) m.person.phone = phones[i] ?? '';
    });
    const { members } = await registerHousehold(db, ctx, input);
    expect(members.map((m) => m.person.phone)).toEqual(phones);
  });

  it("stores the ID's birth date and sex over typed ones for a resident ID only", async () => {
    const { db, ctx } = await openTestDesk();
    const input = threeMemberHousehold('urban');
    input.members = [
      {
        relation: 'self',
        // The ID says 1960-05-04, male (sequence 013 is odd).
        person: personInput({ birthDate: '1961-01-01', sex: 'female' }),
      },
      {
        relation: 'spouse',
        person: personInput({
          name: '玛丽',
          idType: 'foreign_permanent',
          idNumber: 'USA330102650101',
          birthDate: '1965-01-01',
          sex: 'female',
        }),
      },
    ];
    const { members } = await registerHousehold(db, ctx, input);
    expect(members[0]?.person).toMatchObject({ birthDate: '1960-05-04', sex: 'male' });
    expect(members[1]?.person).toMatchObject({ birthDate: '1965-01-01', sex: 'female' });
    // What is queued for HQ is what is stored.
    const queued = (await queuedAfterSetup(db)).find((e) => e.recordId === members[0]?.person.id);
    expect(queued?.fields).toMatchObject({ birthDate: '1960-05-04', sex: 'male' });
  });

  it('still refuses an ID whose birth date is in the future', async () => {
    const { db, ctx } = await openTestDesk();
    const input = threeMemberHousehold('urban');
    input.members = [
      {
        relation: 'self',
        person: personInput({
          idNumber: residentId('330102', '2026-03-03', '013'),
          birthDate: '2026-03-01',
        }),
      },
    ];
    await expect(registerHousehold(db, ctx, input)).rejects.toMatchObject({
      fieldErrors: [expect.objectContaining({ path: 'members.0.idNumber', code: 'id.future' })],
    });
    await nothingWritten(db);
  });

  it("refuses an institution's bad phone, and nothing is queued", async () => {
    const { db, as } = await openTestDesk();
    const institution = {
      code: 'JLY-001',
      name: '城关镇敬老院',
      operatorType: 'public' as const,
      grade: 2,
      phone: '057188880000-',
    };
    await expect(createInstitution(db, as('supervisor'), institution)).rejects.toMatchObject({
      fieldErrors: [{ path: 'phone', code: 'field.phone' }],
    });
    expect(await queuedAfterSetup(db)).toHaveLength(0);
    const saved = await createInstitution(db, as('supervisor'), {
      ...institution,
      phone: '0571-88880000',
    });
    expect((await getInstitution(db, saved.id))?.phone).toBe('0571-88880000');
  });
});

describe('the first run and the permanent office code', () => {
  const device = { deviceId: 'device-1', now: () => new Date('2026-03-02T09:00:00+08:00') };
  const input = {
    office: { officeName: '城关镇民政办', officeId: '330102001', areaCode: '330102' },
    admin: { username: 'admin', displayName: '系统管理员', password: 's3cret-pass' },
  };
  const attempt = async (office: Partial<typeof input.office>) => {
    const db = new DeskDatabase(`first-${newRecordId()}`);
    const error = await completeFirstRun(db, device, {
      ...input,
      office: { ...input.office, ...office },
    }).catch((e: unknown) => e);
    expect(await db.users.count()).toBe(0);
    expect(await db.queue.count()).toBe(0);
    return error;
  };

  it('refuses the letter O for zero in the office code, and leaves the desk new', async () => {
    expect(await attempt({ officeId: '33O1O2001' })).toMatchObject({
      code: 'validation',
      fieldErrors: [{ path: 'officeId', code: 'code.office_letter_in_digits' }],
    });
  });

  it('says 必填 for an empty office code or area code, not a format message', async () => {
    expect(await attempt({ officeId: '' })).toMatchObject({
      fieldErrors: [{ path: 'officeId', code: 'field.required' }],
    });
    expect(await attempt({ areaCode: '' })).toMatchObject({
      fieldErrors: [{ path: 'areaCode', code: 'field.required' }],
    });
  });

  it('refuses an area code of no province', async () => {
    expect(await attempt({ areaCode: '000000' })).toMatchObject({
      fieldErrors: [expect.objectContaining({ path: 'areaCode', code: 'code.area_province' })],
    });
  });
});
