/**
 * A query on an index holding keyed tokens (shared/atRest/idTokens.ts), turned into the
 * tokens' terms as it goes down to IndexedDB. Callers ask in clear values; only these
 * ranges mean anything on tokens, and any other is refused loudly (a query written
 * against the clear number fails in the tests instead of silently finding nothing):
 *
 * - an ID index (`idNumber`, `idTails`): equality;
 * - the prefix index `[idPrefix4+idPrefix6+idBorn]`: a range whose bounds share their
 *   token parts as far as those are strings (the 4, or the 4 and the 6), each then
 *   turned into its token; the birth digits are clear and may span.
 */
import type { DBCoreKeyRange, DBCoreQuery } from 'dexie';
import type { AtRestKeys } from '@shared/atRest/cipher';
import {
  idIndexToken,
  idPrefixIndex,
  idPrefixIndexFields,
  isIdTokenIndex,
} from '@shared/atRest/idTokens';
import { lockedError } from './rowCodec';

const rangeEqual = 1;
const rangeAny = 3;

export function tokenQuery(q: DBCoreQuery, keys: AtRestKeys | null): DBCoreQuery {
  const index = q.index.name;
  if (q.range.type === rangeAny) return q;
  if (index === idPrefixIndex) return { ...q, range: prefixRange(q.range, keys) };
  if (!isIdTokenIndex(index)) return q;
  if (q.range.type !== rangeEqual || typeof q.range.lower !== 'string') {
    throw refused(
      `${index} holds keyed tokens: query it by equality (${idPrefixIndex} for a prefix).`,
    );
  }
  if (!keys) throw lockedError();
  const token = idIndexToken(keys, index, q.range.lower);
  return { ...q, range: { ...q.range, lower: token, upper: token } };
}

function prefixRange(range: DBCoreKeyRange, keys: AtRestKeys | null): DBCoreKeyRange {
  const { lower, upper } = range;
  if (!Array.isArray(lower) || !Array.isArray(upper) || typeof lower[0] !== 'string') {
    throw refused(`${idPrefixIndex}: a range must name its 4-character prefix.`);
  }
  if (!keys) throw lockedError();
  const low: unknown[] = lower.slice();
  const up: unknown[] = upper.slice();
  for (let at = 0; at < 2; at++) {
    const field = idPrefixIndexFields[at] as 'idPrefix4' | 'idPrefix6';
    const a: unknown = lower[at];
    const b: unknown = upper[at];
    if (typeof a !== 'string' && typeof b !== 'string') break; // open from here on
    if (a !== b || typeof a !== 'string') {
      throw refused(`${idPrefixIndex}: a range cannot span ${field}'s tokens.`);
    }
    const token = idIndexToken(keys, field, a);
    low[at] = token;
    up[at] = token;
  }
  return { ...range, lower: low, upper: up };
}

function refused(message: string): Error {
  return new Error(message);
}
