import { afterEach, describe, expect, it } from 'vitest';
import { newRecordId } from '@shared/records/ids';
import { hqStorages } from '../../support/hqHarness';
import { Forge, forgerActors, hqCase, reasonOf, setUp, stopHostileOffice } from './hostileDeskKit';

/**
 * The one-household rule, the roles and a case's dates, each attacked with forged ops
 * pushed straight to the real HQ from an enrolled desk of the office.
 */

afterEach(stopHostileOffice);

describe.each(hqStorages)('hostile registry, roles and dates at HQ over $kind', (storage) => {
  it('keeps a person in one household, with one head and live members', async () => {
    const office = await setUp(storage);
    const [one, two] = await office.honest.db.households.toArray();
    if (!one || !two) throw new Error('the office has households');
    const stranger = two.members.find((m) => m.relation !== 'self');
    if (!stranger) throw new Error('the second household has members');
    const forge = new Forge(office, 'online');
    await forge.start();
    const why = '成员变动';
    const update = (id: string, fields: Record<string, unknown>) =>
      forge.op({ kind: 'household', recordId: id, baseVersion: 1, fields, reason: why });
    const head = one.members.find((m) => m.relation === 'self');
    const results = await forge.send([
      // Household two lets the stranger go; household one takes them in the same batch,
      // while the stranger's own record still says household two.
      update(two.id, { members: two.members.filter((m) => m.personId !== stranger.personId) }),
      update(one.id, {
        members: [...one.members, { personId: stranger.personId, relation: 'other' }],
      }),
      // A new household listing a member of household one.
      forge.op({
        kind: 'household',
        op: 'create',
        recordId: newRecordId(),
        baseVersion: 0,
        fields: {
          headPersonId: head?.personId,
          headName: one.headName,
          members: [{ personId: head?.personId, relation: 'self' }],
          areaCode: one.areaCode,
          hukouType: one.hukouType,
          villageName: '',
          address: '',
          searchTokens: [],
        },
      }),
      // Two heads; a member no one registered.
      update(one.id, {
        members: one.members.map((m) => ({ ...m, relation: 'self' })),
      }),
      update(one.id, { members: [...one.members, { personId: 'nobody', relation: 'child' }] }),
    ]);
    expect(results.map(reasonOf)).toEqual([
      'applied',
      'household.person_in_other_household',
      'household.person_in_other_household',
      'household.one_head',
      'household.member_missing',
    ]);
    const members = async (id: string) =>
      (
        await office.hq.hq.db
          .selectFrom('records')
          .select('data')
          .where('kind', '=', 'household')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).data;
    expect(JSON.parse(await members(one.id)).members).toEqual(one.members);
  });

  it('refuses casework of every kind from an administrator-only account, and accounts from a registrar', async () => {
    const office = await setUp(storage);
    const household = await office.honest.db.households.toCollection().first();
    if (!household) throw new Error('the office has households');
    const forge = new Forge(office, 'online');
    await forge.start();
    const admin = forgerActors.admin;
    const results = await forge.send([
      forge.op({
        kind: 'household',
        recordId: household.id,
        fields: { address: '改' },
        reason: 'x',
        actor: admin,
      }),
      forge.op({
        kind: 'elderlyInstitution',
        op: 'create',
        recordId: newRecordId(),
        baseVersion: 0,
        fields: { name: '院' },
        actor: admin,
      }),
      forge.op({
        kind: 'volunteer',
        op: 'create',
        recordId: newRecordId(),
        baseVersion: 0,
        fields: { name: '志' },
        actor: admin,
      }),
      forge.op({
        recordId: office.draftId,
        fields: { deductionsFen: 1 },
        reason: 'x',
        actor: admin,
      }),
      // A registrar making itself an administrator.
      forge.op({
        kind: 'staffMember',
        recordId: forgerActors.registrar.userId,
        fields: { roles: ['registrar', 'admin'] },
        actor: forgerActors.registrar,
      }),
    ]);
    expect(results.map(reasonOf)).toEqual(Array(5).fill('actor.role_may_not'));
  });

  it('refuses an application date corrected to after the case was accepted', async () => {
    const office = await setUp(storage);
    const investigating = await hqCase(office, office.investigatingId);
    const acceptedOn = String(investigating.data.acceptedOn);
    const forge = new Forge(office, 'online');
    await forge.start();
    const [late] = await forge.send([
      forge.op({
        recordId: office.investigatingId,
        baseVersion: investigating.version,
        fields: { applicationDate: '2026-03-20' },
        reason: '申请日期录错',
      }),
    ]);
    expect(acceptedOn < '2026-03-20').toBe(true);
    expect(reasonOf(late)).toBe('case.application_after_step');
    expect((await hqCase(office, office.investigatingId)).data.applicationDate).toBe(
      investigating.data.applicationDate,
    );
  });
  it("refuses a person corrected to another person's ID number", async () => {
    const office = await setUp(storage);
    const [one, two] = await office.honest.db.persons.toArray();
    if (!one || !two) throw new Error('the office has persons');
    const forge = new Forge(office, 'online');
    await forge.start();
    const correct = (idNumber: string) =>
      forge.op({
        kind: 'person',
        recordId: one.id,
        baseVersion: 1,
        fields: { idNumber, birthDate: two.birthDate, sex: two.sex },
        reason: '身份证号录错',
      });
    // Lower-case x: HQ compares the stored (normalized) numbers.
    const [taken] = await forge.send([correct(two.idNumber.toLowerCase())]);
    expect(reasonOf(taken)).toBe('person.duplicate_id');
    const row = await office.hq.hq.db
      .selectFrom('records')
      .select('data')
      .where('kind', '=', 'person')
      .where('id', '=', one.id)
      .executeTakeFirstOrThrow();
    expect((JSON.parse(row.data) as { idNumber: string }).idNumber).toBe(one.idNumber);
  });
});

describe.each(hqStorages)('a step dated ahead at HQ over $kind', (storage) => {
  it('refuses a step whose moment is far past HQ now, so it cannot freeze the case', async () => {
    const office = await setUp(storage);
    const forge = new Forge(office, 'online');
    await forge.start();
    const draft = await hqCase(office, office.draftId);
    const ops = forge
      .step(
        office.draftId,
        draft.version,
        { action: 'submit', from: 'draft', to: 'submitted' },
        forgerActors.registrar,
      )
      .map((op) => ({
        ...op,
        createdAt: '2030-01-01T03:00:00.000Z',
        fields:
          op.kind === 'caseEvent' ? { ...op.fields, at: '2030-01-01T03:00:00.000Z' } : op.fields,
      }));
    const [submitted] = await forge.send(ops);
    expect(reasonOf(submitted)).toBe('sync.clock_ahead');
    expect((await hqCase(office, office.draftId)).data.status).toBe('draft');
  });
});
