import { describe, expect, it } from 'vitest';
import { personDataSchema, withIdFacts } from '@shared/domain/person';
import { kindDefinitions } from '@shared/records/kinds';
import { personInput, residentId } from '../../../fakes/deskFixtures';

describe("the ID's birth date and sex win", () => {
  const typed = { birthDate: '1999-09-09', sex: 'male' as const };

  it('replaces typed values with the resident ID’s, including a leap-day birth', () => {
    const id = residentId('330102', '2000-02-29', '024');
    expect(withIdFacts({ idType: 'resident', idNumber: id, ...typed })).toMatchObject({
      birthDate: '2000-02-29',
      sex: 'female',
    });
  });

  it('leaves typed values of other ID types and of malformed numbers alone', () => {
    expect(withIdFacts({ idType: 'other', idNumber: '330102200002290248', ...typed })).toEqual({
      idType: 'other',
      idNumber: '330102200002290248',
      ...typed,
    });
    const broken = residentId('330102', '2000-02-29', '024').slice(0, 17) + '0';
    expect(withIdFacts({ idType: 'resident', idNumber: broken, ...typed })).toMatchObject(typed);
  });

  it('is what the person kind derives, so desk and HQ store the same', () => {
    const person = kindDefinitions.person.derive(
      personDataSchema.parse({ ...personInput(typed), householdId: null, searchTokens: [] }),
    );
    expect(person).toMatchObject({ birthDate: '1960-05-04', sex: 'male' });
  });
});
