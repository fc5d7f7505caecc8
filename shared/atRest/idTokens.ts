/**
 * How an ID number is found once it is sealed (issue #16 item 1). The store keeps no ID
 * number in an index: the `idNumber` index holds a keyed token of the whole number,
 * `idTails` tokens of its last 4 and 6 characters, and one compound index,
 * `[idPrefix4+idPrefix6+idBorn]`, serves every prefix: tokens of the first 4 and 6
 * characters (province and city, the county) and, for a resident ID, its birth-date
 * digits (characters 7–14) in the clear — only where they are the clear `birthDate`
 * the row holds anyway (a resident's birth date is the number's: withIdFacts). Any
 * other number's third part is `~`, so its digits stay sealed.
 *
 * A prefix of 4–5 characters reads the range of its 4-character token, 6 of its two
 * tokens, and 7–14 characters the exact span of resident birth digits it implies under
 * its county (`330102199` → 19900000–19999999) beside the `~` numbers under the same 6
 * (two range reads, in the order the query narrows, whatever the county). 15–17
 * characters read one birth day's persons (a handful). What a range holds is kept when
 * the opened number starts with the whole query: a 5-character query keeps the 4's
 * persons whose fifth character matches, reading on while too few do. Each index entry is written with every person and an entry is most
 * of what a person costs IndexedDB (docs/performance.md, "Encryption at rest: what it
 * costs"): one compound entry replaced the five single prefix tokens of schema v16.
 */
import { indexToken, type AtRestKeys } from './cipher';

/** The index fields of an ID number's prefixes (the compound index's key path). */
export const idPrefixIndexFields = ['idPrefix4', 'idPrefix6', 'idBorn'] as const;
export const idPrefixIndex = `[${idPrefixIndexFields.join('+')}]`;

/** A non-resident number's birth part: after every digit, so never in a birth span. */
export const idBornNone = '~';

/** The label each tokenised index hashes its values under. */
export const idTokenLabels = {
  idNumber: 'id',
  idTails: 'tail',
  idPrefix4: 'prefix',
  idPrefix6: 'prefix',
} as const;

export type IdTokenIndex = keyof typeof idTokenLabels;

export function isIdTokenIndex(name: string | null | undefined): name is IdTokenIndex {
  return typeof name === 'string' && Object.hasOwn(idTokenLabels, name);
}

/**
 * The prefix index's clear values for a number: its first 4 and 6 characters (each
 * stored as its token; the whole number when shorter than 6) and its birth digits —
 * only for an 18-character resident number whose characters 7–14 are the person's
 * `birthDate` (YYYY-MM-DD) as stored in the clear, so nothing shows that the row did not
 * show already; `~` otherwise. Null for a number shorter than 4 (no prefix search finds
 * it: a query that short is not a prefix).
 */
export function idPrefixParts(person: {
  idType?: unknown;
  idNumber: string;
  birthDate?: unknown;
}): { idPrefix4: string; idPrefix6: string; idBorn: string } | null {
  const { idNumber } = person;
  if (idNumber.length < 4) return null;
  const digits = idNumber.slice(6, 14);
  const born =
    person.idType === 'resident' &&
    idNumber.length === 18 &&
    /^\d{8}$/.test(digits) &&
    typeof person.birthDate === 'string' &&
    person.birthDate.replaceAll('-', '') === digits;
  return {
    idPrefix4: idNumber.slice(0, 4),
    idPrefix6: idNumber.slice(0, 6),
    idBorn: born ? digits : idBornNone,
  };
}

/**
 * What a typed ID prefix looks up in the prefix index, in clear values (the store turns
 * the prefixes into their tokens): the 4-character prefix, the 6 when typed, and the
 * birth digits' spans to read — for a resident number the span its digits after the 6th
 * imply, and always the non-resident numbers under the same 6. What the spans hold
 * is checked against the opened number (a 5- or 15-character query, a non-resident
 * number). Null when shorter than 4 characters (then only the tails and the whole
 * number can match).
 */
export interface IdPrefixLookup {
  prefix4: string;
  prefix6: string | null;
  born: { from: string; to: string }[] | null;
}

export function idPrefixLookup(query: string): IdPrefixLookup | null {
  if (query.length < 4) return null;
  const prefix4 = query.slice(0, 4);
  if (query.length < 6) return { prefix4, prefix6: null, born: null };
  const prefix6 = query.slice(0, 6);
  if (query.length === 6) return { prefix4, prefix6, born: null };
  const typed = query.slice(6, 14);
  const none = { from: idBornNone, to: idBornNone };
  if (!/^\d+$/.test(typed)) return { prefix4, prefix6, born: [none] };
  const resident = { from: typed.padEnd(8, '0'), to: typed.padEnd(8, '9') };
  return { prefix4, prefix6, born: [resident, none] };
}

/**
 * Tokens kept for reuse, per key: an office's ID numbers share their first 4 and 6
 * characters (area, county) and often their last 4, so these were mostly made for an
 * earlier person already. Only those: a whole number or its last 6 is nearly each
 * person's own, and is not kept in memory for nothing.
 */
const sharedTokens = new WeakMap<AtRestKeys['token'], Map<string, string>>();
const sharedTokensKept = 20_000;

function isShared(index: IdTokenIndex, value: string): boolean {
  return (
    index === 'idPrefix4' || index === 'idPrefix6' || (index === 'idTails' && value.length <= 4)
  );
}

export function idIndexToken(keys: AtRestKeys, index: IdTokenIndex, value: string): string {
  if (!isShared(index, value)) return indexToken(keys, idTokenLabels[index], value);
  let kept = sharedTokens.get(keys.token);
  if (!kept) {
    kept = new Map();
    sharedTokens.set(keys.token, kept);
  }
  const key = `${idTokenLabels[index]}:${value}`;
  let token = kept.get(key);
  if (token === undefined) {
    token = indexToken(keys, idTokenLabels[index], value);
    if (kept.size >= sharedTokensKept) kept.clear();
    kept.set(key, token);
  }
  return token;
}
