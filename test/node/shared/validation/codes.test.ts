import { describe, expect, it } from 'vitest';
import { areaCodeSchema } from '@shared/domain/common';
import { officeIdSchema } from '@shared/domain/settings';
import { fieldErrorsFromZod } from '@shared/validation/fieldErrors';
import { officeCodeProblem } from '@shared/validation/officeCode';
import { areaCodeProblem } from '@shared/validation/regionCode';

const errors = (schema: typeof areaCodeSchema, value: string) => {
  const result = schema.safeParse(value);
  return result.success ? [] : fieldErrorsFromZod(result.error);
};

describe('area codes (GB/T 2260 shape)', () => {
  it('accepts county- and prefecture-level codes of real provinces', () => {
    for (const ok of ['330102', '430121', '110101', '429004', '469001', '650100', '820001']) {
      expect(areaCodeProblem(ok), ok).toBeNull();
    }
  });

  it('says 必填 for an empty code, and a precise problem for each wrong shape', () => {
    expect(areaCodeProblem('')).toBe('field.required');
    expect(areaCodeProblem('33')).toBe('field.area_code');
    expect(areaCodeProblem('33O102')).toBe('field.area_code');
    expect(areaCodeProblem('3301021')).toBe('field.area_code');
    expect(areaCodeProblem('000000')).toBe('code.area_province');
    expect(areaCodeProblem('990102')).toBe('code.area_province');
    expect(areaCodeProblem('330000')).toBe('code.area_prefecture');
    expect(areaCodeProblem('330012')).toBe('code.area_prefecture');
    expect(areaCodeProblem('810000')).toBeNull(); // Hong Kong as a whole
  });

  it('reports exactly one error per code through the schema (never 必填 and a format)', () => {
    expect(errors(areaCodeSchema, '')).toEqual([
      { path: '', code: 'field.required', params: { value: '' } },
    ]);
    expect(errors(areaCodeSchema, ' 330102 ')).toEqual([]);
    expect(errors(areaCodeSchema, '000000').map((e) => e.code)).toEqual(['code.area_province']);
  });
});

describe('office codes', () => {
  it('accepts a 9-digit township code and a code starting with a letter', () => {
    for (const ok of ['330102001', '430121100', 'office-a', 'o1', 'CG_2026']) {
      expect(officeCodeProblem(ok), ok).toBeNull();
    }
  });

  it('refuses the letter O for zero, wrong lengths, bad area parts and stray characters', () => {
    expect(officeCodeProblem('33O1O2001')).toBe('code.office_letter_in_digits');
    expect(officeCodeProblem('330102OO1')).toBe('code.office_letter_in_digits');
    expect(officeCodeProblem('3301020011')).toBe('code.office_digits_length');
    expect(officeCodeProblem('33010200')).toBe('code.office_digits_length');
    expect(officeCodeProblem('000000001')).toBe('code.area_province');
    expect(officeCodeProblem('330000001')).toBe('code.area_prefecture');
    expect(officeCodeProblem('城关镇')).toBe('settings.office_id_format');
    expect(officeCodeProblem('reference')).toBe('settings.office_id_format');
    expect(officeCodeProblem('a'.repeat(41))).toBe('settings.office_id_format');
  });

  it('says 必填, not a format message, for an empty code, at the desk and at HQ alike', () => {
    expect(errors(officeIdSchema, '').map((e) => e.code)).toEqual(['field.required']);
    expect(errors(officeIdSchema, '   ').map((e) => e.code)).toEqual(['field.required']);
    expect(officeIdSchema.parse(' 330102001 ')).toBe('330102001');
  });
});
