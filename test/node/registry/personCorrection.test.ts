import { describe, expect, it } from 'vitest';
import { recordHistory } from '../../../renderer/src/db/repositories/recordHistory';
import {
  createDibaoCase,
  transitionCase,
  type DibaoApplicationInput,
} from '../../../renderer/src/db/repositories/cases';
import { registerHousehold } from '../../../renderer/src/db/repositories/households';
import {
  correctPerson,
  type PersonCorrection,
} from '../../../renderer/src/db/repositories/personCorrection';
import { seedSampleReferenceData } from '../../../renderer/src/db/repositories/reference';
import { write } from '../../../renderer/src/db/writePath';
import type { Person } from '../../../renderer/src/db/repositories/persons';
import { openTestDesk, residentId, threeMemberHousehold } from '../../fakes/deskFixtures';
import { homeCareVisitInput, newResident } from '../elderlyCare/elderlyFixtures';
import { recordVisit } from '../../../renderer/src/db/repositories/elderlyCare/homeCare';
import { registerVolunteer } from '../../../renderer/src/db/repositories/community/volunteers';

/** The facts a correction form sends: the person as stored, minus what it does not own. */
function factsOf(p: Person): PersonCorrection {
  return {
    name: p.name,
    idType: p.idType,
    idNumber: p.idNumber,
    sex: p.sex,
    birthDate: p.birthDate,
    phone: p.phone,
    hukouType: p.hukouType,
    hukouAddress: p.hukouAddress,
    currentAddress: p.currentAddress,
    disabilityGrade: p.disabilityGrade,
    disabilityType: p.disabilityType,
    disabilityCertNo: p.disabilityCertNo,
    seriousIllness: p.seriousIllness,
    illnessNote: p.illnessNote,
    workCapacity: p.workCapacity,
    student: p.student,
  };
}

async function deskWithHousehold() {
  const desk = await openTestDesk();
  const registered = await registerHousehold(desk.db, desk.ctx, threeMemberHousehold('rural'));
  const [head, spouse] = registered.members.map((m) => m.person);
  if (!head || !spouse) throw new Error('members missing');
  return { ...desk, ...registered, head, spouse };
}

describe('person correction (更正)', () => {
  it('keeps the superseded version with its reason; the history shows old → new', async () => {
    const { db, ctx, head } = await deskWithHousehold();
    const corrected = await correctPerson(
      db,
      ctx,
      head.id,
      head.version,
      { ...factsOf(head), currentAddress: '城关镇解放路9号', phone: '13812345678' },
      '住址登记错误',
    );
    expect(corrected.version).toBe(head.version + 1);

    const history = await recordHistory(db, 'person', head.id);
    expect(history.map((v) => [v.version, v.reason])).toEqual([
      [1, null],
      [2, '住址登记错误'],
    ]);
    expect(history[1]?.changes).toEqual(
      expect.arrayContaining([
        { field: 'currentAddress', before: '城关镇解放路1号', after: '城关镇解放路9号' },
        { field: 'phone', before: '', after: '13812345678' },
      ]),
    );
    const queued = await db.queue.where('recordId').equals(head.id).toArray();
    expect(queued.at(-1)).toMatchObject({ op: 'update', reason: '住址登记错误' });
  });

  it('writes nothing without a reason', async () => {
    const { db, ctx, head } = await deskWithHousehold();
    const queued = await db.queue.count();
    for (const reason of ['', '   ']) {
      await expect(
        correctPerson(db, ctx, head.id, head.version, { ...factsOf(head), name: '张三风' }, reason),
      ).rejects.toMatchObject({
        code: 'validation',
        fieldErrors: [{ path: 'reason', code: 'record.correction_reason_required' }],
      });
    }
    // Nor does a plain update through the write path, which asks the same rule.
    await expect(
      write(db, ctx, (w) => w.update('person', head.id, head.version, { name: '张三风' })),
    ).rejects.toMatchObject({ fieldErrors: [{ path: 'reason' }] });
    expect(await db.queue.count()).toBe(queued);
    expect(await db.revisions.count()).toBe(0);
    expect((await db.persons.get(head.id))?.name).toBe('张三丰');
  });

  it('corrects the ID number, and refuses one another registered person holds', async () => {
    const { db, ctx, head, spouse } = await deskWithHousehold();
    const fixed = residentId('330102', '1960-05-04', '035');
    const corrected = await correctPerson(
      db,
      ctx,
      head.id,
      head.version,
      { ...factsOf(head), idNumber: fixed.toLowerCase() },
      '身份证号抄错一位',
    );
    expect(corrected.idNumber).toBe(fixed);

    const queued = await db.queue.count();
    const error = await correctPerson(
      db,
      ctx,
      head.id,
      corrected.version,
      { ...factsOf(corrected), idNumber: spouse.idNumber },
      '再改',
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'duplicate',
      fieldErrors: [{ path: 'idNumber', code: 'person.duplicate_id', params: { name: '李秀英' } }],
    });
    expect(await db.queue.count()).toBe(queued);
    expect((await db.persons.get(head.id))?.idNumber).toBe(fixed);
  });

  it('brings the household, a case past 受理 and the resident to the new name in one transaction', async () => {
    const { db, ctx, household, members, head } = await deskWithHousehold();
    await seedSampleReferenceData(db, ctx, '330102');
    const application: DibaoApplicationInput = {
      householdId: household.id,
      applicantPersonId: head.id,
      applicantName: head.name,
      category: 'rural',
      areaCode: '330102',
      coveredPersonIds: members.map((m) => m.person.id),
      income: { wagesFen: 50000, businessFen: 0, propertyFen: 0, transferFen: 0 },
      deductionsFen: 0,
      assets: { depositsFen: 0, securitiesFen: 0, vehicles: 0, extraHousingUnits: 0, note: '' },
      applicationDate: '2026-03-02',
    };
    let c = await createDibaoCase(db, ctx, application);
    c = await transitionCase(db, ctx, c.id, c.version, { action: 'submit' });
    c = await transitionCase(db, ctx, c.id, c.version, { action: 'accept' });
    const resident = await newResident(db, ctx, '王大爷');
    const elder = await db.persons.get(resident.personId);
    if (!elder) throw new Error('no elder');
    const visit = await recordVisit(db, ctx, homeCareVisitInput(elder));
    const volunteer = await registerVolunteer(db, ctx, elder.id, {
      volunteerNumber: 'ZY-0001',
      skills: [],
      joinedOn: '2026-01-05',
      notes: '',
    });

    await correctPerson(
      db,
      ctx,
      head.id,
      head.version,
      { ...factsOf(head), name: '张三风' },
      '错字',
    );
    const fixedElder = {
      ...factsOf(elder),
      name: '王大林',
      idNumber: residentId('330102', '1941-02-03', '015'),
      birthDate: '1941-02-03',
    };
    await correctPerson(db, ctx, elder.id, elder.version, fixedElder, '按户口簿更正');

    expect((await db.households.get(household.id))?.headName).toBe('张三风');
    const movedCase = await db.cases.get(c.id);
    expect(movedCase).toMatchObject({ applicantName: '张三风', status: 'accepted' });
    expect(movedCase?.searchTokens).toContain('zsf');
    expect(await db.table('elderlyResidents').get(resident.id)).toMatchObject({
      personName: '王大林',
      birthDate: '1941-02-03',
    });
    expect((await db.table('elderlyHomeCareVisits').get(visit.id))?.personName).toBe('王大林');
    expect((await db.table('volunteers').get(volunteer.id))?.name).toBe('王大林');
    // One local transaction per correction: HQ receives the copies with the person.
    const headOps = (await db.queue.toArray()).filter((e) => e.reason === '错字');
    const copyOps = (await db.queue.toArray()).filter((e) => e.reason === '人员信息更正：错字');
    expect(headOps.map((e) => e.kind)).toEqual(['person']);
    expect(copyOps.map((e) => e.kind).sort()).toEqual(['assistanceCase', 'household']);
    expect(new Set([...headOps, ...copyOps].map((e) => e.txId)).size).toBe(1);
    const caseHistory = await recordHistory(db, 'household', household.id);
    expect(caseHistory.at(-1)?.reason).toBe('人员信息更正：错字');
  });

  it('leaves nothing when a copy fails part-way', async () => {
    const { db, ctx, head, household } = await deskWithHousehold();
    // A household the correction cannot write (a member missing from the registry):
    // the person's own update went first in the transaction and must be undone too.
    await db.households.update(household.id, {
      members: [...household.members, { personId: 'ghost', relation: 'other' }],
    });
    const queued = await db.queue.count();
    await expect(
      correctPerson(db, ctx, head.id, head.version, { ...factsOf(head), name: '张三风' }, '错字'),
    ).rejects.toMatchObject({ fieldErrors: [{ code: 'household.member_missing' }] });
    expect((await db.persons.get(head.id))?.name).toBe('张三丰');
    expect((await db.households.get(household.id))?.headName).toBe('张三丰');
    expect(await db.queue.count()).toBe(queued);
    expect(await db.revisions.count()).toBe(0);
  });
});
