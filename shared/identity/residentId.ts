/**
 * Resident ID numbers (居民身份证号码, GB 11643): 6-digit region code (GB/T 2260) +
 * birth date YYYYMMDD + 3-digit sequence (odd = male) + check character.
 * Errors block saving; warnings (unknown region, typed facts disagree) do not, because
 * retired region codes stay valid on old cards.
 */
import type { FieldError } from '../errors/appError';
import { isoDateFromParts } from '../calendar/dates';
import { provincePrefixes } from '../validation/regionCode';

export interface ResidentIdFacts {
  /** Upper-case, trimmed, 18 characters. */
  normalized: string;
  regionCode: string;
  birthDate: string;
  sex: 'male' | 'female';
  /** False when the province prefix is not in the GB/T 2260 province list. */
  regionKnown: boolean;
}

export type ResidentIdResult =
  { ok: true; value: ResidentIdFacts; warnings: FieldError[] } | { ok: false; error: FieldError };

const path = 'idNumber';

/** W_i = 2^(17-i) mod 11. */
const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const checkChars = '10X98765432';

/** The check character for the first 17 digits; throws on anything but 17 digits. */
export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('Expected 17 digits.');
  const sum = weights.reduce((acc, w, i) => acc + Number(first17.charAt(i)) * w, 0);
  return checkChars.charAt(sum % 11);
}

/** Trims all whitespace and upper-cases a trailing x. */
function normalize(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

export function checkResidentId(raw: string, today: string): ResidentIdResult {
  const id = normalize(raw ?? '');
  if (id.length === 0) return { ok: false, error: { path, code: 'id.required' } };
  if (id.length !== 18) {
    return { ok: false, error: { path, code: 'id.length', params: { actual: id.length } } };
  }
  const body = id.slice(0, 17);
  if (!/^\d{17}$/.test(body)) return { ok: false, error: { path, code: 'id.body' } };

  const digits = id.slice(6, 14);
  const birthDate = isoDateFromParts(
    Number(digits.slice(0, 4)),
    Number(digits.slice(4, 6)),
    Number(digits.slice(6, 8)),
  );
  if (birthDate === null) {
    return { ok: false, error: { path, code: 'id.date', params: { date: digits } } };
  }
  if (birthDate > today) {
    return { ok: false, error: { path, code: 'id.future', params: { date: birthDate } } };
  }

  const expected = residentIdCheckChar(body);
  const actual = id.charAt(17);
  if (actual !== expected) {
    return { ok: false, error: { path, code: 'id.checksum', params: { expected, actual } } };
  }

  const regionCode = id.slice(0, 6);
  const regionKnown = provincePrefixes.has(regionCode.slice(0, 2));
  const warnings: FieldError[] = regionKnown
    ? []
    : [{ path, code: 'id.region_unknown', params: { regionCode } }];
  return {
    ok: true,
    value: {
      normalized: id,
      regionCode,
      birthDate,
      sex: Number(id.charAt(16)) % 2 === 1 ? 'male' : 'female',
      regionKnown,
    },
    warnings,
  };
}

/**
 * What a well-formed number says (birth date, sex), whatever today is; null when the
 * number is not one (its problem is reported by `residentIdIssues` with today's date).
 */
export function residentIdFacts(raw: string): ResidentIdFacts | null {
  const result = checkResidentId(raw, '9999-12-31');
  return result.ok ? result.value : null;
}

/** Errors only (no warnings), for zod refinements and write-path checks. */
export function residentIdIssues(raw: string, today: string): FieldError[] {
  const result = checkResidentId(raw, today);
  return result.ok ? [] : [result.error];
}

/**
 * First 6 + 8 '*' + last 4, as public notices and logs must show an ID. Anything
 * that is not 18 characters is masked entirely rather than guessed at.
 */
export function maskIdNumber(id: string): string {
  const value = normalize(id);
  if (value.length !== 18) return '*'.repeat(value.length);
  return `${value.slice(0, 6)}********${value.slice(14)}`;
}
