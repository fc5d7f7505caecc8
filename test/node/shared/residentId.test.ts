import { describe, expect, it } from 'vitest';
import {
  checkResidentId,
  maskIdNumber,
  residentIdCheckChar,
  residentIdIssues,
} from '@shared/identity/residentId';

const today = '2026-03-15';

/** A valid number for the given first 17 digits. */
function valid(first17: string): string {
  return first17 + residentIdCheckChar(first17);
}

describe('residentIdCheckChar', () => {
  it('computes the GB 11643 check character', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(residentIdCheckChar('44030819900307123')).toMatch(/^[0-9X]$/);
  });

  it('rejects anything but 17 digits', () => {
    expect(() => residentIdCheckChar('1101051949123100')).toThrow(RangeError);
    expect(() => residentIdCheckChar('1101051949123100A')).toThrow(RangeError);
  });
});

describe('checkResidentId', () => {
  it('accepts the well-known example and derives its facts', () => {
    const result = checkResidentId('11010519491231002X', today);
    expect(result).toEqual({
      ok: true,
      value: {
        normalized: '11010519491231002X',
        regionCode: '110105',
        birthDate: '1949-12-31',
        sex: 'female',
        regionKnown: true,
      },
      warnings: [],
    });
  });

  it('normalises lower-case x and surrounding or inner spaces', () => {
    const result = checkResidentId('  110105 19491231 002x ', today);
    expect(result.ok && result.value.normalized).toBe('11010519491231002X');
  });

  it('reads an odd sequence digit as male', () => {
    const id = valid('32010219800101001');
    const result = checkResidentId(id, today);
    expect(result.ok && result.value.sex).toBe('male');
  });

  it('accepts a leap day in a leap year', () => {
    const result = checkResidentId(valid('11010520000229002'), today);
    expect(result.ok && result.value.birthDate).toBe('2000-02-29');
  });

  it('reports each error code', () => {
    const err = (raw: string) => {
      const r = checkResidentId(raw, today);
      return r.ok ? null : r.error;
    };
    expect(err('   ')).toEqual({ path: 'idNumber', code: 'id.required' });
    expect(err('1101051949123100')).toEqual({
      path: 'idNumber',
      code: 'id.length',
      params: { actual: 16 },
    });
    expect(err('1101051949123100AX')?.code).toBe('id.body');
    expect(err('X10105194912310020')?.code).toBe('id.body');
    expect(err(valid('11010520250229002'))).toEqual({
      path: 'idNumber',
      code: 'id.date',
      params: { date: '20250229' },
    });
    expect(err(valid('11010519491331002'))?.code).toBe('id.date');
    expect(err(valid('11010520260316002'))).toEqual({
      path: 'idNumber',
      code: 'id.future',
      params: { date: '2026-03-16' },
    });
    expect(err('110105194912310021')).toEqual({
      path: 'idNumber',
      code: 'id.checksum',
      params: { expected: 'X', actual: '1' },
    });
  });

  it('accepts a birth date equal to today', () => {
    expect(checkResidentId(valid('11010520260315002'), today).ok).toBe(true);
  });

  it('warns, not fails, on an unknown province prefix', () => {
    const result = checkResidentId(valid('99010519491231002'), today);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.regionKnown).toBe(false);
      expect(result.warnings).toEqual([
        { path: 'idNumber', code: 'id.region_unknown', params: { regionCode: '990105' } },
      ]);
    }
  });

  it('residentIdIssues returns errors only', () => {
    expect(residentIdIssues('11010519491231002x', today)).toEqual([]);
    expect(residentIdIssues(valid('99010519491231002'), today)).toEqual([]);
    expect(residentIdIssues('123', today)).toEqual([
      { path: 'idNumber', code: 'id.length', params: { actual: 3 } },
    ]);
  });
});

describe('maskIdNumber', () => {
  it('keeps the first 6 and last 4 characters', () => {
    expect(maskIdNumber('11010519491231002x')).toBe('110105********002X');
  });

  it('masks anything malformed entirely', () => {
    expect(maskIdNumber('12345')).toBe('*****');
  });
});
