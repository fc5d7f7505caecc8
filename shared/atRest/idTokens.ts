/**
 * How an ID number is found once it is sealed (issue #16 item 1). The store keeps no ID
 * number in an index: the `idNumber` index holds a keyed token of the whole number,
 * `idTails` tokens of its last 4 and 6 characters, and `idPrefixes` tokens of its first
 * 4, 6, 10, 12 and 14 characters (province and city, the county, then the birth year,
 * month and day: the places a registrar's typing stops). A prefix query looks up the
 * longest token length it covers and keeps the persons whose opened number starts with
 * all of it: a 16- or 17-character query looks up the 14 (one county's persons born on
 * one day, a handful even in a large office). Each token is an index entry written with
 * every person, and an index entry is most of what a person costs IndexedDB
 * (docs/performance.md, "Encryption at rest: what it costs"); rows sealed before kept a
 * 16-character token too, which no lookup asks for.
 */
import { indexToken, type AtRestKeys } from './cipher';

export const idPrefixLengths = [4, 6, 10, 12, 14] as const;

/** The label each tokenised index hashes its values under. */
export const idTokenLabels = {
  idNumber: 'id',
  idTails: 'tail',
  idPrefixes: 'prefix',
} as const;

export type IdTokenIndex = keyof typeof idTokenLabels;

export function isIdTokenIndex(name: string | null | undefined): name is IdTokenIndex {
  return typeof name === 'string' && Object.hasOwn(idTokenLabels, name);
}

/** The prefixes of an ID number that get a token. */
export function idPrefixesOf(idNumber: string): string[] {
  return idPrefixLengths.filter((n) => idNumber.length > n).map((n) => idNumber.slice(0, n));
}

/**
 * The prefix to look up for a typed ID prefix, or null when it is shorter than the
 * shortest token (then only the tails and the whole number can match).
 */
export function idPrefixLookup(query: string): string | null {
  let best: number | null = null;
  for (const n of idPrefixLengths) if (query.length >= n) best = n;
  return best === null ? null : query.slice(0, best);
}

/**
 * Tokens kept for reuse, per key: an office's ID numbers share their first 4, 6, 10 and
 * 12 characters (area, county, birth year and month) and often their last 4, so these
 * were mostly made for an earlier person already. Only those: a whole number, its last
 * 6 or its first 14 is nearly each person's own, and is not kept in memory for nothing.
 */
const sharedTokens = new WeakMap<AtRestKeys['token'], Map<string, string>>();
const sharedTokensKept = 20_000;

function isShared(index: IdTokenIndex, value: string): boolean {
  return index === 'idPrefixes' ? value.length <= 12 : index === 'idTails' && value.length <= 4;
}

export function idIndexToken(keys: AtRestKeys, index: IdTokenIndex, value: string): string {
  if (!isShared(index, value)) return indexToken(keys, idTokenLabels[index], value);
  let kept = sharedTokens.get(keys.token);
  if (!kept) {
    kept = new Map();
    sharedTokens.set(keys.token, kept);
  }
  const key = `${index}:${value}`;
  let token = kept.get(key);
  if (token === undefined) {
    token = indexToken(keys, idTokenLabels[index], value);
    if (kept.size >= sharedTokensKept) kept.clear();
    kept.set(key, token);
  }
  return token;
}

/**
 * The birth dates a resident ID prefix implies, for a query that stops between two token
 * lengths inside the birth date (7–9, 11 or 13 characters: a part of the year, the
 * month's first digit, the day's first digit), where the shorter token's matches are
 * mostly not matches (a county's persons, for '330102199'). A resident's birth date is
 * the one the number holds (withIdFacts), and it is a clear index: the persons born in
 * the range are nearly all matches in a township office. Null for any other query.
 * The bounds are 'YYYY-MM-DD'-shaped strings compared as the index compares them:
 * '1990-00-00' to '1999-99-99' for '330102199'.
 */
export function idBirthRange(prefix: string): { from: string; to: string } | null {
  const lookup = idPrefixLookup(prefix);
  if (lookup === null || lookup.length === prefix.length || prefix.length < 7) return null;
  if (prefix.length > 14 || !/^\d+$/.test(prefix)) return null;
  const digits = prefix.slice(6);
  const date = (fill: string) => {
    const d = digits.padEnd(8, fill);
    return `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
  };
  return { from: date('0'), to: date('9') };
}
