import { describe, expect, it } from 'vitest';
import { versionChanges } from '@shared/domain/community/versionDiff';
import { kindDefinitions } from '@shared/records/kinds';
import { idMatchOf } from '@shared/search/idMatch';
import { idTailTokens, isIdTailQuery, refreshIdTails } from '@shared/search/idTails';
import { personInput, residentId } from '../../fakes/deskFixtures';

describe('idTailTokens', () => {
  it('gives the last 4 and the last 6 characters of a resident ID', () => {
    expect(idTailTokens('110105194912310021')).toEqual(['0021', '310021']);
  });

  it('keeps a final check letter X upper-case, and drops white space', () => {
    expect(idTailTokens('11010519491231002x')).toEqual(['002X', '31002X']);
    expect(idTailTokens(' 110105 19491231 002X ')).toEqual(['002X', '31002X']);
  });

  it('gives tails of other ID types when they end in digits, none for short numbers', () => {
    expect(idTailTokens('H12345678')).toEqual(['5678', '345678']);
    expect(idTailTokens('12345')).toEqual(['2345']);
    expect(idTailTokens('123')).toEqual([]);
    expect(idTailTokens('AB12CD34')).toEqual([]);
    expect(idTailTokens('')).toEqual([]);
  });

  it('is what a query can be: 4 or 6 characters, digits with at most a final X', () => {
    expect(['0021', '002X', '310021', '31002X'].every(isIdTailQuery)).toBe(true);
    expect(['002', '00021', '0X21', 'X002', '1231002X', ''].some(isIdTailQuery)).toBe(false);
  });
});

describe('the person kind derives its tails (the desk and HQ alike)', () => {
  const derive = (data: object) =>
    kindDefinitions.person.derive(
      kindDefinitions.person.schema.parse({ ...data, searchTokens: [] }),
    );

  it('works them out from the ID number, ignoring any tails supplied', () => {
    const id = residentId('330102', '1960-05-04', '013');
    const person = derive({
      ...personInput({ idNumber: id }),
      householdId: null,
      idTails: ['9999'],
    });
    expect(person.idTails).toEqual([id.slice(-4), id.slice(-6)]);
  });

  it('reads a lower-case x as the stored X', () => {
    const id = '11010519491231002X';
    const person = derive({
      ...personInput({ idNumber: id.toLowerCase(), birthDate: '1949-12-31', sex: 'female' }),
      householdId: null,
    });
    expect(person.idNumber).toBe(id);
    expect(person.idTails).toEqual(['002X', '31002X']);
  });

  it('accepts a stored person from before tails existed (none stored): derived again', () => {
    const { idTails: _none, ...old } = derive({ ...personInput(), householdId: null });
    expect(derive(old).idTails).toHaveLength(2);
  });

  it('a correction’s history names the ID number, not the tails derived from it', () => {
    const before = derive({ ...personInput(), householdId: null });
    const corrected = residentId('330102', '1960-05-04', '057');
    const after = derive({ ...before, idNumber: corrected });
    expect(after.idTails).not.toEqual(before.idTails);
    expect(versionChanges(before, after).map((c) => c.field)).toEqual(['idNumber']);
  });

  it('refreshIdTails sets a pulled record’s tails from its ID number', () => {
    const record: Record<string, unknown> = { id: 'p1', idNumber: '110105194912310021' };
    expect(refreshIdTails(record).idTails).toEqual(['0021', '310021']);
    expect(refreshIdTails({ id: 'x' })).toEqual({ id: 'x' });
  });
});

describe('idMatchOf (what the list marks on the masked ID)', () => {
  const id = '11010519491231002X';
  it('marks a tail match at the end, a prefix match at the start', () => {
    expect(idMatchOf('002x', id)).toEqual({ by: 'tail', start: 14, end: 18 });
    expect(idMatchOf('31002X', id)).toEqual({ by: 'tail', start: 12, end: 18 });
    expect(idMatchOf('1101', id)).toEqual({ by: 'prefix', start: 0, end: 4 });
    expect(idMatchOf('110105194', id)).toEqual({ by: 'prefix', start: 0, end: 9 });
  });

  it('marks nothing for a name query or an ID it did not match', () => {
    expect(idMatchOf('张三', id)).toBeNull();
    expect(idMatchOf('zsf', id)).toBeNull();
    expect(idMatchOf('9999', id)).toBeNull();
  });
});
