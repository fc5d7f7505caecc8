import { afterEach, describe, expect, it } from 'vitest';
import { recordHistory } from '../../../renderer/src/db/repositories/recordHistory';
import { correctPerson } from '../../../renderer/src/db/repositories/personCorrection';
import type { Person } from '../../../renderer/src/db/repositories/persons';
import { sync } from '../../support/syncDesks';
import {
  cases,
  Forge,
  forgerActors,
  hqCase,
  reasonOf,
  setUp,
  stopHostileOffice,
} from './hostileDeskKit';

/**
 * A person's correction across desks: the desk that corrects pushes the person and the
 * copies of the name (household head, a case in 公示 — past 受理, so only the narrow
 * copy rule lets it change), the office's other desk sees the new name and the reason
 * in its history. A forged copy that is not the person's current name, or that carries
 * anything else, is refused at HQ; so is a correction without a reason.
 */

afterEach(stopHostileOffice);

const facts = (p: Person) => {
  const { name, idType, idNumber, sex, birthDate, phone, hukouType, hukouAddress } = p;
  const { currentAddress, disabilityGrade, disabilityType, disabilityCertNo } = p;
  const { seriousIllness, illnessNote, workCapacity, student } = p;
  return {
    ...{ name, idType, idNumber, sex, birthDate, phone, hukouType, hukouAddress },
    ...{ currentAddress, disabilityGrade, disabilityType, disabilityCertNo },
    ...{ seriousIllness, illnessNote, workCapacity, student },
  };
};

describe.each(cases.filter((c) => c.mode === 'online'))(
  'registry corrections at HQ, $storage.kind',
  ({ storage, mode }) => {
    it('carries a correction and its reason to the other desk, copies included', async () => {
      const office = await setUp(storage);
      const { honest, other } = office;
      const noticeCase = await honest.db.cases.get(office.noticeId);
      const person = await honest.db.persons.get(noticeCase?.applicantPersonId ?? '');
      if (!noticeCase || !person) throw new Error('the office has its case in 公示');
      expect(noticeCase.status).toBe('public_notice');

      await correctPerson(
        honest.db,
        honest.ctx,
        person.id,
        person.version,
        { ...facts(person), name: `${person.name}更` },
        '姓名登记错误',
      );
      const pushed = await sync(honest);
      expect(pushed.rejected).toBe(0);
      await sync(other);

      const seen = await other.db.persons.get(person.id);
      expect(seen?.name).toBe(`${person.name}更`);
      const history = await recordHistory(other.db, 'person', person.id);
      expect(history.map((v) => [v.record.name, v.reason])).toEqual([
        [person.name, null],
        [`${person.name}更`, '姓名登记错误'],
      ]);
      expect((await other.db.cases.get(office.noticeId))?.applicantName).toBe(`${person.name}更`);
      expect((await other.db.households.get(person.householdId ?? ''))?.headName).toBe(
        `${person.name}更`,
      );
      const atHq = await hqCase(office, office.noticeId);
      expect(atHq.data).toMatchObject({
        applicantName: `${person.name}更`,
        status: 'public_notice',
      });

      // The attacker's versions, straight to HQ from an enrolled device of the office.
      const forge = new Forge(office, mode);
      await forge.start();
      const forged = await forge.send([
        // A decided-past case renamed to someone else: not a copy of the registry.
        forge.op({
          recordId: office.noticeId,
          baseVersion: atHq.version,
          fields: { applicantName: '冒名顶替' },
          reason: '人员信息更正：x',
        }),
        // The right name, but with a figure smuggled along.
        forge.op({
          recordId: office.noticeId,
          baseVersion: atHq.version,
          fields: { applicantName: `${person.name}更`, deductionsFen: 50000 },
          reason: '人员信息更正：x',
          actor: forgerActors.registrar,
        }),
      ]);
      expect(forged.map(reasonOf)).toEqual(['case.not_editable', 'case.not_editable']);
      expect((await hqCase(office, office.noticeId)).data).toMatchObject({
        applicantName: `${person.name}更`,
        deductionsFen: noticeCase.deductionsFen,
      });
    });

    it('refuses a person in two households, forged straight to HQ', async () => {
      const office = await setUp(storage);
      const [one, two] = await office.honest.db.households.toArray();
      if (!one || !two) throw new Error('the office has households');
      const [stranger] = await office.honest.db.persons
        .where('householdId')
        .equals(two.id)
        .toArray();
      if (!stranger) throw new Error('the second household has members');
      const forge = new Forge(office, mode);
      await forge.start();
      const why = '加入';
      const forged = await forge.send([
        // Household one lists a member of household two.
        forge.op({
          kind: 'household',
          recordId: one.id,
          baseVersion: one.hqVersion ?? 1,
          fields: { members: [...one.members, { personId: stranger.id, relation: 'other' }] },
          reason: why,
        }),
        // The person says household one while household two still lists them.
        forge.op({
          kind: 'person',
          recordId: stranger.id,
          baseVersion: stranger.hqVersion ?? 1,
          fields: { householdId: one.id },
          reason: why,
        }),
      ]);
      expect(forged.map(reasonOf)).toEqual([
        'household.person_in_other_household',
        'household.person_in_other_household',
      ]);
      await sync(office.other);
      expect((await office.other.db.persons.get(stranger.id))?.householdId).toBe(two.id);
      expect((await office.other.db.households.get(one.id))?.members).toEqual(one.members);
    });

    it('refuses a person update without a reason forged straight to HQ', async () => {
      const office = await setUp(storage);
      const person = await office.honest.db.persons.toCollection().first();
      if (!person) throw new Error('the office has persons');
      const forge = new Forge(office, mode);
      await forge.start();
      const [result] = await forge.send([
        forge.op({
          kind: 'person',
          recordId: person.id,
          baseVersion: person.hqVersion ?? 1,
          fields: { name: '无理由' },
          reason: null,
        }),
      ]);
      // HQ's check of the reason (commitChange, with correctionNeedsReason): main's ea845ab.
      expect(reasonOf(result)).toBe('record.correction_reason_required');
      await sync(office.other);
      expect((await office.other.db.persons.get(person.id))?.name).toBe(person.name);
    });
  },
);
