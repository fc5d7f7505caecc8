import Dexie from 'dexie';
import { classifyQuery } from '@shared/search/searchTokens';
import { nameHeadOf } from '../../atRest/derivedIndexFields';
import type { DeskDatabase } from '../../database';
import type { Person } from '../persons';
import type { GridPage } from './gridQuery';
import type { PersonsGridQuery } from './personsGrid';
import { rangePage } from './sortedPage';

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
 * index. Only the page's rows are read and opened, and the total is the index range's
 * count, so a common surname (thousands of persons in a large office) costs what a rare
 * one does and is listed whole, not cut at the search cap.
 */
export function surnamePage(
  db: DeskDatabase,
  surname: string,
  query: PersonsGridQuery,
): Promise<GridPage<Person>> {
  const field = query.sort?.field;
  const ascending = query.sort ? query.sort.direction === 'asc' : true;
  if (field === 'birthDate' || field === 'updatedAt') {
    const index = surnameIndexes[field];
    return rangePage(
      () => db.persons.where(index).between([surname, Dexie.minKey], [surname, Dexie.maxKey]),
      query,
      ascending,
    );
  }
  return rangePage(() => db.persons.where('name').startsWith(surname), query, ascending);
}
