import Dexie from 'dexie';
import { classifyQuery } from '@shared/search/searchTokens';
import { nameHeadOf } from '../../atRest/derivedIndexFields';
import type { DeskDatabase } from '../../database';
import type { Person } from '../persons';
import { checkPaging, type GridPage } from './gridQuery';
import type { PersonsGridQuery } from './personsGrid';

/** The index that holds one surname's persons in the order of each sortable column. */
const surnameIndexes = {
  birthDate: '[nameHead+birthDate]',
  updatedAt: '[nameHead+updatedAt]',
} as const;

const han = /^\p{Script=Han}$/u;

/**
 * The surname a search box query is, when it is exactly one Chinese character (a
 * surname, as a registrar types it first); null for any other query.
 */
export function surnameOf(filter: string): string | null {
  const q = classifyQuery(filter);
  if (q.kind !== 'name') return null;
  const head = nameHeadOf(q.value);
  return head !== undefined && head === q.value && han.test(head) ? head : null;
}

/**
 * One page of a surname's persons, read in order from an index: by birth date or last
 * change through `[nameHead+…]`, by name (or unsorted: name order) through the name
 * index. Only the page's rows are read and opened. The total is not the range's count —
 * IndexedDB counts a range by walking it, 150 ms for a common surname at 200,000
 * persons — but its first `cap` + 1 keys (one key-only read): up to `cap` the list is
 * exact and in order, past it the list says it was cut (as every search does), and
 * typing the next character of the name narrows it.
 */
export async function surnamePage(
  db: DeskDatabase,
  surname: string,
  query: PersonsGridQuery,
  cap: number,
): Promise<GridPage<Person>> {
  checkPaging(query.page, query.pageSize);
  const field = query.sort?.field;
  const ascending = query.sort ? query.sort.direction === 'asc' : true;
  const range =
    field === 'birthDate' || field === 'updatedAt'
      ? () =>
          db.persons
            .where(surnameIndexes[field])
            .between([surname, Dexie.minKey], [surname, Dexie.maxKey])
      : () => db.persons.where('name').startsWith(surname);
  const from = query.page * query.pageSize;
  const take = Math.max(0, Math.min(query.pageSize, cap - from));
  const ordered = ascending ? range() : range().reverse();
  const [rows, keys] = await Promise.all([
    take === 0 ? [] : (from === 0 ? ordered : ordered.offset(from)).limit(take).toArray(),
    range()
      .limit(cap + 1)
      .primaryKeys(),
  ]);
  return {
    rows: rows.filter((r) => !r.deleted),
    total: Math.min(keys.length, cap),
    limited: keys.length > cap,
  };
}
