import { describe, expect, it } from 'vitest';
import { AppError } from '@shared/errors/appError';
import { fenSchema, fenToYuanInput, formatFen, parseYuan } from '@shared/money/fen';

describe('parseYuan', () => {
  it.each([
    ['1,234.5', 123450],
    ['1234.56', 123456],
    ['0', 0],
    ['0.05', 5],
    ['.5', 50],
    ['12.', 1200],
    [' ¥ 632 ', 63200],
    ['１２３．４', 12340],
    ['1.230', 123],
    ['1,000,000', 100000000],
    ['1000000000', 100000000000],
  ])('parses %s as %i fen', (input, fen) => {
    expect(parseYuan(input)).toEqual({ ok: true, fen });
  });

  it.each([
    ['', 'money.format'],
    ['   ', 'money.format'],
    ['.', 'money.format'],
    ['abc', 'money.format'],
    ['12,34', 'money.format'],
    ['1.2.3', 'money.format'],
    ['1e5', 'money.format'],
    ['-1', 'money.negative'],
    ['-0.01', 'money.negative'],
    ['1.234', 'money.precision'],
    ['1000000000.01', 'money.too_large'],
    ['99999999999999999999', 'money.too_large'],
  ])('rejects %j with %s', (input, code) => {
    expect(parseYuan(input)).toEqual({ ok: false, code });
  });

  it('takes the maximum as configuration', () => {
    expect(parseYuan('100.01', { maxFen: 10000 })).toEqual({ ok: false, code: 'money.too_large' });
    expect(parseYuan('100', { maxFen: 10000 })).toEqual({ ok: true, fen: 10000 });
  });
});

describe('formatting', () => {
  it('formats for display with separators and two decimals', () => {
    expect(formatFen(123450)).toBe('1,234.50');
    expect(formatFen(5)).toBe('0.05');
    expect(formatFen(0)).toBe('0.00');
    expect(formatFen(100000000000)).toBe('1,000,000,000.00');
    expect(formatFen(-20000)).toBe('-200.00');
  });

  it('formats for editing without separators, round-tripping through parseYuan', () => {
    expect(fenToYuanInput(123450)).toBe('1234.50');
    for (const fen of [0, 1, 99, 100, 123456, 100000000000]) {
      expect(parseYuan(fenToYuanInput(fen))).toEqual({ ok: true, fen });
    }
  });

  it('refuses a non-integer amount', () => {
    expect(() => formatFen(1.5)).toThrow(AppError);
  });
});

describe('fenSchema', () => {
  it('accepts non-negative safe integers only', () => {
    expect(fenSchema.safeParse(0).success).toBe(true);
    expect(fenSchema.safeParse(123450).success).toBe(true);
    expect(fenSchema.safeParse(-1).success).toBe(false);
    expect(fenSchema.safeParse(1.5).success).toBe(false);
    expect(fenSchema.safeParse(2 ** 60).success).toBe(false);
    expect(fenSchema.safeParse('100').success).toBe(false);
  });
});
