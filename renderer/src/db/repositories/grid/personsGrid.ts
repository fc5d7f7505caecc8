import type { DeskDatabase } from '../../database';
import { searchPersons, type Person } from '../persons';
import type { GridPage, GridQuery } from './gridQuery';
import { sortedPage } from './sortedPage';

/**
 * The persons list's sortable columns and the index each reads (schema v15 added name
 * and birthDate; updatedAt was there). Sex and household have no index: the table does
 * not sort them. Nor the ID number: its index holds keyed tokens (the number is sealed
 * at rest, issue #16), whose order is no order of the numbers.
 */
export const personSortIndexes = {
  name: 'name',
  birthDate: 'birthDate',
  updatedAt: 'updatedAt',
} as const;

export type PersonSortField = keyof typeof personSortIndexes;

/** The most matches a search shows in the table (it says so when there are more). */
export const personFilterCap = 1000;

export type PersonsGridQuery = GridQuery<string, PersonSortField>;

/**
 * The persons list, one page: the one query function of the persons table and of its
 * export. Without a filter, the whole registry in the order of the sorted column's
 * index (no sort: newest first, by id — ids are time-ordered), counted by the store.
 * With a filter (the search box: name, pinyin, ID prefix or tail), searchPersons'
 * indexed matches, at most `cap`, sorted and paged in memory.
 */
export async function personsGridPage(
  db: DeskDatabase,
  query: PersonsGridQuery,
  cap = personFilterCap,
): Promise<GridPage<Person>> {
  const words = query.filter.trim();
  const search = words ? (limit: number) => searchPersons(db, words, limit) : null;
  return sortedPage(db.persons, personSortIndexes, query, search, cap);
}
