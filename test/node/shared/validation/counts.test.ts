import { describe, expect, it } from 'vitest';
import { countSchema, parseCount } from '@shared/validation/counts';

const range = { min: 1, max: 12 };

describe('counts', () => {
  it('takes a whole number within the range as typed', () => {
    expect(parseCount('1', range, 'beds')).toEqual({ ok: true, value: 1 });
    expect(parseCount(' 12 ', range, 'beds')).toEqual({ ok: true, value: 12 });
  });

  it('refuses out of range, never clamping: -2 is not 0 and 20 is not 12', () => {
    expect(parseCount('-2', range, 'beds')).toEqual({
      ok: false,
      error: { path: 'beds', code: 'field.too_small', params: { minimum: 1 } },
    });
    expect(parseCount('20', range, 'beds')).toEqual({
      ok: false,
      error: { path: 'beds', code: 'field.too_big', params: { maximum: 12 } },
    });
    expect(parseCount('0', range, 'beds')).toMatchObject({ ok: false });
    expect(parseCount('13', range, 'beds')).toMatchObject({ ok: false });
  });

  it('refuses empty, decimals and words rather than rounding them', () => {
    expect(parseCount('', range, 'beds')).toMatchObject({ error: { code: 'field.required' } });
    expect(parseCount('2.5', range, 'beds')).toMatchObject({
      error: { code: 'field.whole_number' },
    });
    expect(parseCount('两', range, 'beds')).toMatchObject({
      error: { code: 'field.whole_number' },
    });
    expect(parseCount('1e1', range, 'beds')).toMatchObject({
      error: { code: 'field.whole_number' },
    });
  });

  it('the schema refuses the same values the parser does', () => {
    const schema = countSchema(1, 12);
    expect(schema.safeParse(1).success).toBe(true);
    expect(schema.safeParse(12).success).toBe(true);
    for (const bad of [0, 13, -2, 2.5, Number.NaN])
      expect(schema.safeParse(bad).success).toBe(false);
  });
});
