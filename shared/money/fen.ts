/**
 * Money is integer fen (分) everywhere: no floating-point yuan ever reaches storage or
 * arithmetic. These helpers are the only way text becomes fen and fen becomes text.
 */
import { z } from 'zod';
import { AppError } from '../errors/appError';

/** 10^11 fen = 1 000 000 000 yuan: far beyond any assistance amount, far below 2^53. */
export const defaultMaxFen = 100_000_000_000;

export type ParseYuanResult =
  | { ok: true; fen: number }
  | { ok: false; code: 'money.format' | 'money.negative' | 'money.precision' | 'money.too_large' };

/** Full-width digits and punctuation that Chinese input methods produce. */
function toHalfWidth(input: string): string {
  return input
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/，/g, ',')
    .replace(/－/g, '-');
}

const numberPattern = /^(-?)(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d*))?$/;

/**
 * Parses a yuan amount typed by a person: "1,234.5" → 123450. Accepts a ¥/￥ prefix,
 * thousands commas (correctly grouped), full-width digits and trailing zeros beyond
 * two decimals ("1.230"); rejects any non-zero third decimal (分 is the smallest unit).
 */
export function parseYuan(input: string, options?: { maxFen?: number }): ParseYuanResult {
  const maxFen = options?.maxFen ?? defaultMaxFen;
  const text = toHalfWidth(input)
    .replace(/\s+/g, '')
    .replace(/^[¥￥]/, '');
  const match = numberPattern.exec(text);
  if (!match) return { ok: false, code: 'money.format' };
  const [, sign = '', intRaw = '', fracRaw = ''] = match;
  const intPart = intRaw.replace(/,/g, '');
  if (intPart === '' && fracRaw === '') return { ok: false, code: 'money.format' };
  if (fracRaw.length > 2 && /[1-9]/.test(fracRaw.slice(2))) {
    return { ok: false, code: 'money.precision' };
  }
  const significant = intPart.replace(/^0+/, '');
  // Check the digit count before Number() so huge inputs cannot lose precision.
  if (significant.length > String(Math.floor(maxFen / 100)).length) {
    return { ok: false, code: sign ? 'money.negative' : 'money.too_large' };
  }
  const fen = Number(significant || '0') * 100 + Number(fracRaw.slice(0, 2).padEnd(2, '0'));
  if (sign && fen > 0) return { ok: false, code: 'money.negative' };
  if (fen > maxFen) return { ok: false, code: 'money.too_large' };
  return { ok: true, fen };
}

function requireFen(fen: number): void {
  if (!Number.isSafeInteger(fen)) {
    throw new AppError({
      code: 'validation',
      message: 'An amount in fen must be a safe integer.',
      fieldErrors: [{ path: 'fen', code: 'money.integer', params: { value: String(fen) } }],
    });
  }
}

function splitFen(fen: number): { sign: string; yuan: string; cents: string } {
  requireFen(fen);
  const abs = Math.abs(fen);
  return {
    sign: fen < 0 ? '-' : '',
    yuan: String(Math.floor(abs / 100)),
    cents: String(abs % 100).padStart(2, '0'),
  };
}

/** Display form with thousands separators: 123450 → "1,234.50". */
export function formatFen(fen: number): string {
  const { sign, yuan, cents } = splitFen(fen);
  return `${sign}${yuan.replace(/\B(?=(\d{3})+$)/g, ',')}.${cents}`;
}

/** Editing form without separators, round-trips through parseYuan: 123450 → "1234.50". */
export function fenToYuanInput(fen: number): string {
  const { sign, yuan, cents } = splitFen(fen);
  return `${sign}${yuan}.${cents}`;
}

/** A stored amount: a non-negative safe integer number of fen. */
export const fenSchema = z.int().nonnegative();
