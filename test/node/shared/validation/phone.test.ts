import { describe, expect, it } from 'vitest';
import { fieldErrorsFromZod } from '@shared/validation/fieldErrors';
import {
  isLandlinePhone,
  isMobilePhone,
  optionalPhoneSchema,
  phoneSchema,
} from '@shared/validation/phone';

const codes = (schema: typeof phoneSchema | typeof optionalPhoneSchema, value: unknown) => {
  const result = schema.safeParse(value);
  return result.success ? [] : fieldErrorsFromZod(result.error).map((e) => e.code);
};

describe('phone numbers', () => {
  it('accepts mobiles of 11 digits starting 13–19 only', () => {
    for (const ok of ['13800138000', '15912345678', '19912345678', '16612345678']) {
      expect(isMobilePhone(ok), ok).toBe(true);
    }
    for (const bad of ['1380013800', '138001380001', '12812345678', '10012345678', '2381234567']) {
      expect(isMobilePhone(bad), bad).toBe(false);
    }
  });

  it('accepts landlines with a 3- or 4-digit area code, an optional dash and extension', () => {
    for (const ok of [
      '010-62345678',
      '01062345678',
      '021-5555666',
      '0731-84561234',
      '073184561234',
      '0571-8888000',
      '0731-84561234-801',
      '0731-84561234转801',
    ]) {
      expect(isLandlinePhone(ok), ok).toBe(true);
    }
    for (const bad of [
      '84561234', // no area code
      '0731-0456123', // local number starts with 0
      '0731-845612345', // 9-digit local number
      '0731-845612', // 6-digit local number
      '012-34567890', // 012 is not an area code
      '0731-84561234-', // dangling extension
      '0731-84561234-1234567', // 7-digit extension
      '0731 8456 1234', // spaces inside
    ]) {
      expect(isLandlinePhone(bad), bad).toBe(false);
    }
  });

  it('refuses 10 and 12 digits with field.phone, and "" only where the phone is required', () => {
    expect(codes(optionalPhoneSchema, '1380013800')).toEqual(['field.phone']);
    expect(codes(optionalPhoneSchema, '138001380001')).toEqual(['field.phone']);
    expect(codes(optionalPhoneSchema, '0123456789')).toEqual(['field.phone']);
    expect(codes(optionalPhoneSchema, '')).toEqual([]);
    expect(codes(optionalPhoneSchema, undefined)).toEqual([]);
    expect(optionalPhoneSchema.parse(' 13800138000 ')).toBe('13800138000');
    expect(codes(phoneSchema, '')).toEqual(['field.required']);
    expect(codes(phoneSchema, '   ')).toEqual(['field.required']);
    expect(codes(phoneSchema, '1380013800')).toEqual(['field.phone']);
    expect(codes(phoneSchema, '0731-84561234-801')).toEqual([]);
  });
});
