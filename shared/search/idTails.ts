/**
 * ID tails: the last four and the last six characters of an ID number, stored with each
 * person as a multi-entry index, so a registrar can find someone by the digits a person
 * reads out at the window ("后四位 123X") without scanning the registry.
 *
 * Exact tail tokens, not a reversed copy of the number searched by prefix: issue #16 will
 * encrypt ID numbers at rest and search through keyed HMAC tokens, and an exact token per
 * tail length carries over as HMAC(key, tail) unchanged, where a reversed-string prefix
 * index would keep the number itself readable in the index.
 */
export const idTailLengths = [4, 6] as const;

/** A tail as typed: 4 or 6 characters, digits, the last one may be the check letter X. */
const tailPattern = /^(?:\d{3}|\d{5})[\dX]$/;

/**
 * The tail tokens of an ID number (white space dropped, X upper-cased, as stored):
 * `[last4, last6]`, each only when the number is that long and the tail is digits with
 * at most a final X (what a query can be). Permit and other numbers get tails too.
 */
export function idTailTokens(idNumber: string): string[] {
  const value = idNumber.replace(/\s+/g, '').toUpperCase();
  const tails: string[] = [];
  for (const length of idTailLengths) {
    if (value.length < length) continue;
    const tail = value.slice(-length);
    if (tailPattern.test(tail)) tails.push(tail);
  }
  return tails;
}

/** Whether a compact, upper-cased ID query is a tail (4 or 6 characters) to look up. */
export function isIdTailQuery(value: string): boolean {
  return tailPattern.test(value);
}

/**
 * Keeps a stored person's tails in step with its ID number, for records that did not
 * come through this desk's write path (a pull or a package from an HQ that stored them
 * before tails existed). Mutates and returns the record.
 */
export function refreshIdTails<R extends Record<string, unknown>>(record: R): R {
  if (typeof record.idNumber === 'string') {
    (record as Record<string, unknown>).idTails = idTailTokens(record.idNumber);
  }
  return record;
}
