import { classifyQuery } from './searchTokens';

/** Which part of an ID number a search matched: its tail or its prefix. */
export interface IdMatch {
  by: 'tail' | 'prefix';
  /** Character positions in the ID number (and in its masked form, which keeps them). */
  start: number;
  end: number;
}

/**
 * Where an ID query matched this ID number, for showing the match on the masked ID
 * (first 6 + 8 '*' + last 4: a six-character tail covers two masked places, which stay
 * masked; only the span is marked). A tail query that matched the tail is reported as
 * a tail; otherwise a prefix; null when the query is not an ID query or did not match.
 */
export function idMatchOf(query: string, idNumber: string): IdMatch | null {
  const q = classifyQuery(query);
  if (q.kind !== 'id' || q.value === '') return null;
  const id = idNumber.replace(/\s+/g, '').toUpperCase();
  if (q.tail && id.endsWith(q.value)) {
    return { by: 'tail', start: id.length - q.value.length, end: id.length };
  }
  if (id.startsWith(q.value)) return { by: 'prefix', start: 0, end: q.value.length };
  return null;
}
