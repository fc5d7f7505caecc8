import { describe, expect, it } from 'vitest';
import { listCases } from '../../../renderer/src/db/repositories/caseQueries';
import { createDibaoCase } from '../../../renderer/src/db/repositories/cases';
import { listResidents } from '../../../renderer/src/db/repositories/elderlyCare/residents';
import {
  registerHousehold,
  searchHouseholds,
} from '../../../renderer/src/db/repositories/households';
import { searchPersons } from '../../../renderer/src/db/repositories/persons';
import { seedSampleReferenceData } from '../../../renderer/src/db/repositories/reference';
import { write } from '../../../renderer/src/db/writePath';
import {
  openTestDesk,
  personInput,
  residentId,
  threeMemberHousehold,
} from '../../fakes/deskFixtures';
import { newResident } from '../elderlyCare/elderlyFixtures';

/**
 * Issue 12, item 6: a registrar finds a person by the last 4 or 6 characters of the ID
 * number a person reads out, on a real Dexie (fake-indexeddb) through the write path.
 */
const names = (found: { name: string }[]) => found.map((p) => p.name).sort();

/** A 1950 birth date whose resident ID with sequence 330 ends in `tail` (330 + check). */
function dateWhoseIdEndsWith(tail: string): string {
  for (let day = 0; day < 365; day++) {
    const date = new Date(Date.UTC(1950, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
    if (residentId('330102', date, '330').endsWith(tail)) return date;
  }
  throw new Error(`no 1950 date gives the tail ${tail}`);
}

describe('search by the tail of an ID number', () => {
  it('finds persons by their last 4 and last 6 characters, tail matches first', async () => {
    const { db, ctx } = await openTestDesk();
    const { members } = await registerHousehold(db, ctx, threeMemberHousehold('urban'));
    const [head, spouse] = members.map((m) => m.person);
    if (!head || !spouse) throw new Error('members missing');

    expect(names(await searchPersons(db, head.idNumber.slice(-4)))).toEqual(['张三丰']);
    expect(names(await searchPersons(db, head.idNumber.slice(-6)))).toEqual(['张三丰']);
    expect(names(await searchPersons(db, spouse.idNumber.slice(-6)))).toEqual(['李秀英']);
    // Typed with spaces or full-width digits, as an input method may leave them.
    const fullWidth = spouse.idNumber
      .slice(-4)
      .replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    expect(names(await searchPersons(db, fullWidth))).toEqual(['李秀英']);
    // Four digits that are also the start of every ID here (330102…): the tail match
    // comes first, then the prefix matches, as before tails existed.
    const birthDate = dateWhoseIdEndsWith('3301');
    await write(db, ctx, (w) =>
      w.create('person', {
        ...personInput({
          name: '尾号三三',
          idNumber: residentId('330102', birthDate, '330'),
          birthDate,
        }),
        householdId: null,
      }),
    );
    const byArea = await searchPersons(db, '3301');
    expect(byArea[0]?.name).toBe('尾号三三');
    expect(names(byArea.slice(1))).toEqual(['张三丰', '张小明', '李秀英']);
  });

  it('reads the check letter X in a tail, typed either case', async () => {
    const { db, ctx } = await openTestDesk();
    // 1949-12-31, sequence 002: its check character is X.
    const idNumber = residentId('110105', '1949-12-31', '002');
    expect(idNumber.endsWith('X')).toBe(true);
    await write(db, ctx, (w) =>
      w.create('person', {
        ...personInput({ name: '王晓', idNumber, birthDate: '1949-12-31', sex: 'female' }),
        householdId: null,
      }),
    );
    expect(names(await searchPersons(db, '002x'))).toEqual(['王晓']);
    expect(names(await searchPersons(db, '31002X'))).toEqual(['王晓']);
    expect(await searchPersons(db, '1002')).toEqual([]);
  });

  it('follows a correction of the ID number: the old tail no longer finds the person', async () => {
    const { db, ctx } = await openTestDesk();
    const { members } = await registerHousehold(db, ctx, threeMemberHousehold('urban'));
    const head = members[0]?.person;
    if (!head) throw new Error('head missing');
    const oldTail = head.idNumber.slice(-4);
    const corrected = residentId('330102', '1960-05-04', '057');
    const updated = await write(db, ctx, (w) =>
      w.update(
        'person',
        head.id,
        head.version,
        { idNumber: corrected },
        { reason: '身份证号录错一位' },
      ),
    );
    expect(updated.idTails).toEqual([corrected.slice(-4), corrected.slice(-6)]);
    expect(await searchPersons(db, oldTail)).toEqual([]);
    expect(names(await searchPersons(db, corrected.slice(-4)))).toEqual(['张三丰']);
    // What goes to HQ carries the derived tails with the new number (HQ derives them again).
    const queued = (await db.queue.where('recordId').equals(head.id).sortBy('seq')).at(-1);
    expect(queued?.fields).toMatchObject({ idNumber: corrected, idTails: updated.idTails });
  });

  it('finds a case by the tail of a covered person’s ID, and a resident by theirs', async () => {
    const desk = await openTestDesk();
    const { db, ctx } = desk;
    await seedSampleReferenceData(db, ctx, '330102');
    const { household, members } = await registerHousehold(db, ctx, threeMemberHousehold('rural'));
    const child = members[2]?.person;
    if (!child) throw new Error('child missing');
    await createDibaoCase(db, ctx, {
      householdId: household.id,
      applicantPersonId: household.headPersonId,
      applicantName: household.headName,
      category: 'rural',
      areaCode: '330102',
      coveredPersonIds: members.map((m) => m.person.id),
      income: { wagesFen: 150000, businessFen: 0, propertyFen: 0, transferFen: 0 },
      deductionsFen: 0,
      assets: { depositsFen: 0, securitiesFen: 0, vehicles: 0, extraHousingUnits: 0, note: '' },
      applicationDate: '2026-03-02',
    });
    const cases = await listCases(db, { query: child.idNumber.slice(-4), today: '2026-03-02' });
    expect(cases.map((c) => c.applicantName)).toEqual(['张三丰']);
    // The case form's household picker: by a member's tail too.
    const households = await searchHouseholds(db, child.idNumber.slice(-6));
    expect(households.map((h) => h.id)).toEqual([household.id]);

    const resident = await newResident(db, ctx, '赵老伯');
    await newResident(db, ctx, '钱老伯');
    const person = await db.persons.get(resident.personId);
    const found = await listResidents(db, person?.idNumber.slice(-6) ?? '');
    expect(found.map((r) => r.personName)).toEqual(['赵老伯']);
    // A tail nobody has finds no resident (it used to list everyone).
    expect(await listResidents(db, '0000')).toEqual([]);
  });
});
