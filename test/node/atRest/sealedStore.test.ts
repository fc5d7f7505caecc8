import { describe, expect, it } from 'vitest';
import { newDataKey } from '@shared/atRest/cipher';
import { DeskDatabase } from '../../../renderer/src/db/database';
import { setDataKeySource } from '../../../renderer/src/db/atRest/keySource';
import { createDibaoCase } from '../../../renderer/src/db/repositories/cases';
import { registerHousehold } from '../../../renderer/src/db/repositories/households';
import {
  findPersonByIdNumber,
  personsByIdNumbers,
  searchPersons,
} from '../../../renderer/src/db/repositories/persons';
import { seedSampleReferenceData } from '../../../renderer/src/db/repositories/reference';
import { openTestDesk, threeMemberHousehold } from '../../fakes/deskFixtures';
import { rawPut, rawRows } from './rawStore';
import { restoreTestKeySource } from '../setup';

/**
 * Issue #16 item 1 on a real Dexie (fake-indexeddb): what the store holds is sealed;
 * what the desk reads is plain; ID search works through keyed tokens.
 */
async function deskWithCase() {
  const desk = await openTestDesk();
  await seedSampleReferenceData(desk.db, desk.ctx, '330102');
  const input = threeMemberHousehold('rural');
  const head = input.members[0];
  if (!head || !('person' in head)) throw new Error('no head');
  head.person = { ...head.person, phone: '13912345678', illnessNote: '尿毒症透析' };
  const { household, members } = await registerHousehold(desk.db, desk.ctx, input);
  await createDibaoCase(desk.db, desk.ctx, {
    householdId: household.id,
    applicantPersonId: household.headPersonId,
    applicantName: household.headName,
    category: 'rural',
    areaCode: '330102',
    coveredPersonIds: members.map((m) => m.person.id),
    income: { wagesFen: 151234, businessFen: 0, propertyFen: 0, transferFen: 39400 },
    deductionsFen: 0,
    assets: { depositsFen: 8765400, securitiesFen: 0, vehicles: 0, extraHousingUnits: 0, note: '' },
    applicationDate: '2026-03-02',
  });
  return { ...desk, members: members.map((m) => m.person) };
}

describe('the desk store sealed at rest', () => {
  it('keeps no ID number, phone, illness or income figure in any stored row, queue entry included', async () => {
    const { db, members } = await deskWithCase();
    const stored = JSON.stringify(await rawRows(db.name));
    for (const person of members) {
      expect(stored).not.toContain(person.idNumber);
      expect(stored).not.toContain(person.idNumber.slice(-6));
    }
    for (const secret of ['13912345678', '尿毒症透析', '151234', '1512.34', '8765400']) {
      expect(stored).not.toContain(secret);
    }
    // …and yet the desk reads them as saved.
    const head = await db.persons.get(members[0]?.id ?? '');
    expect(head).toMatchObject({ phone: '13912345678', illnessNote: '尿毒症透析' });
    const queued = await db.queue.toArray();
    expect(JSON.stringify(queued)).toContain('13912345678');
  });

  it('finds persons by the whole ID, by a prefix of any length from 4, and by the tail', async () => {
    const { db, members } = await deskWithCase();
    const [head, spouse] = members;
    if (!head || !spouse) throw new Error('members missing');
    expect((await findPersonByIdNumber(db, head.idNumber))?.id).toBe(head.id);
    expect((await personsByIdNumbers(db, [head.idNumber, spouse.idNumber])).length).toBe(2);
    for (const n of [4, 6, 7, 9, 10, 11, 13, 14, 15, 16, 17, 18]) {
      const found = await searchPersons(db, spouse.idNumber.slice(0, n));
      expect(found.map((p) => p.id)).toContain(spouse.id);
      expect(found.every((p) => p.idNumber.startsWith(spouse.idNumber.slice(0, n)))).toBe(true);
    }
    // A prefix that no one has, though it shares a token's length with everyone.
    expect(await searchPersons(db, `${head.idNumber.slice(0, 10)}9`)).toEqual([]);
    expect((await searchPersons(db, spouse.idNumber.slice(-4))).map((p) => p.id)).toContain(
      spouse.id,
    );
    // A number shorter than 6 (another kind of document) is found by its first 4 and in
    // full: its whole self stands for the 6-character part.
    await db.persons.put({ ...spouse, id: 'short-id', idType: 'other', idNumber: '12345' });
    for (const q of ['1234', '12345']) {
      expect((await searchPersons(db, q)).map((p) => p.id)).toContain('short-id');
    }
    expect(await searchPersons(db, '12346')).toEqual([]);
    // Names are searched as before (their tokens are not sealed: they sort the lists).
    expect((await searchPersons(db, 'zsf')).map((p) => p.name)).toContain('张三丰');
  });

  it('a range query on a token index fails loudly instead of finding nothing', async () => {
    const db = new DeskDatabase(`sealed-range-${Date.now()}`);
    await expect(db.persons.where('idNumber').startsWith('3301').toArray()).rejects.toThrow(
      /keyed tokens/,
    );
    await expect(db.persons.where('idTails').anyOf(['1234', '5678']).toArray()).rejects.toThrow(
      /keyed tokens/,
    );
    // The prefix index: a span of 4- or 6-character prefixes would be a span of tokens.
    const prefixes = db.persons.where('[idPrefix4+idPrefix6+idBorn]');
    await expect(prefixes.between(['3301'], ['3302']).toArray()).rejects.toThrow(/cannot span/);
    await expect(
      prefixes.between(['3301', '330102'], ['3301', '330109']).toArray(),
    ).rejects.toThrow(/cannot span idPrefix6/);
    await expect(prefixes.between([1], [2]).toArray()).rejects.toThrow(/4-character prefix/);
  });

  it('a store sealed under one key is refused with another, and nothing is written', async () => {
    const { db, members } = await deskWithCase();
    db.close();
    const name = db.name;
    setDataKeySource(() => newDataKey());
    try {
      const other = new DeskDatabase(name);
      await other.open();
      expect(other.atRest.keys).toBeNull();
      expect(other.atRest.refused).toBe('wrong_key');
      await expect(other.persons.get(members[0]?.id ?? '')).rejects.toThrow(/locked/);
      await expect(other.drafts.put({ key: 'x', value: 1, updatedAt: '' })).rejects.toThrow(
        /locked/,
      );
      other.close();
    } finally {
      restoreTestKeySource(); // the test setup's source again: the next tests' stores
    }
  });
});

describe('a seal is bound to its row', () => {
  it('a seal moved to another row, or a clear field edited in the profile, is refused, not read', async () => {
    const { db, members } = await deskWithCase();
    const [head, spouse] = members;
    if (!head || !spouse) throw new Error('members missing');
    const raw = await rawRows(db.name);
    const rawOf = (id: string) =>
      raw.persons?.find((r) => (r as { id: string }).id === id) as Record<string, unknown>;
    // The spouse's row given the head's seal (the head's ID, phone and notes).
    await rawPut(db.name, 'persons', { ...rawOf(spouse.id), _sealed: rawOf(head.id)._sealed });
    await expect(db.persons.get(spouse.id)).rejects.toThrow(/does not match its clear fields/);
    // A case's status edited in the clear (a draft made to look approved).
    const rawCase = raw.cases?.[0] as Record<string, unknown>;
    await rawPut(db.name, 'cases', { ...rawCase, status: 'active' });
    await expect(db.cases.get(String(rawCase.id))).rejects.toThrow(/does not match/);
    // The head's birth digits in the prefix index edited (to be found under another day):
    // bound into the seal like the tokens, so the row is refused.
    await rawPut(db.name, 'persons', { ...rawOf(head.id), idBorn: '19990101' });
    await expect(db.persons.get(head.id)).rejects.toThrow(/does not match/);
    await rawPut(db.name, 'persons', rawOf(head.id));
    // The head's own row is untouched and reads as saved.
    expect((await db.persons.get(head.id))?.phone).toBe('13912345678');
  });
});
