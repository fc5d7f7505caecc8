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
