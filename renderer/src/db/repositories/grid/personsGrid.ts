import { classifyQuery } from '@shared/search/searchTokens';
import type { DeskDatabase } from '../../database';
import { searchPersons, type Person } from '../persons';
import type { GridPage, GridQuery } from './gridQuery';
import { sortedPage } from './sortedPage';
import { surnameOf, surnamePage } from './surnamePage';

/**
 * The persons list's sortable columns and the index each reads: the column and the id
 * (schema v19; the same order as the column's own index, but every key unique, so the
 * page after a row is one range read past its key). Sex and household have no index: the table does
 * not sort them. Nor the ID number: its index holds keyed tokens (the number is sealed
 * at rest, issue #16), whose order is no order of the numbers.
 */
export const personSortIndexes = {
  name: '[name+id]',
  birthDate: '[birthDate+id]',
  updatedAt: '[updatedAt+id]',
} as const;

export type PersonSortField = keyof typeof personSortIndexes;

/**
 * The most matches a search shows in the table (it says so when there are more; the
 * export reads its own, larger number). Every match read is sorted in memory, so this is
 * what a search costs: 1,001 records took 11 ms at 20,000 persons (a common surname
 * fills it) and each record read costs more again once rows are sealed at rest; 300 is
 * six pages, and typing one more character narrows a surname to a name.
 */
export const personFilterCap = 300;

export type PersonsGridQuery = GridQuery<string, PersonSortField>;

/**
 * The persons list, one page: the one query function of the persons table and of its
 * export. Without a filter, the whole registry in the order of the sorted column's
 * index (no sort: newest first, by id — ids are time-ordered), counted by the store.
 * A filter of one Chinese character (a surname) pages through an index in order, its
 * first `cap` matches (surnamePage.ts). Any other filter (the search box: name, pinyin, ID prefix or tail):
 * searchPersons' indexed matches, at most `cap`, sorted and paged in memory.
 */
export async function personsGridPage(
  db: DeskDatabase,
  query: PersonsGridQuery,
  cap = personFilterCap,
): Promise<GridPage<Person>> {
  const words = query.filter.trim();
  const surname = surnameOf(words);
  if (surname !== null) return surnamePage(db, surname, query, cap);
  const search = words ? (limit: number) => gridSearch(db, words, limit) : null;
  return sortedPage(db.persons, personSortIndexes, query, search, cap);
}

/**
 * The search box's matches for the table: searchPersons, except a name typed in Chinese
 * characters, read as one range of the token index (a getAll) rather than a cursor
 * stepping through up to a thousand matches (a surname). Only one token of a person
 * (the name itself) is in Chinese characters, so the range holds no person twice;
 * tombstones (rare) are left out after the read.
 */
async function gridSearch(db: DeskDatabase, words: string, limit: number): Promise<Person[]> {
  const q = classifyQuery(words);
  if (q.kind !== 'name' || !q.value) return searchPersons(db, words, limit);
  const read = await db.persons
    .where('searchTokens')
    .startsWith(q.value.toLowerCase())
    .limit(limit)
    .toArray();
  const live = read.filter((p) => !p.deleted);
  // A full read with tombstones in it: the cursor's exact count of live matches decides.
  return live.length < read.length && read.length === limit
    ? searchPersons(db, words, limit)
    : live;
}
