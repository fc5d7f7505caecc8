import type { DeskDatabase } from '../../database';
import { searchHouseholds, type Household } from '../households';
import type { GridPage, GridQuery } from './gridQuery';
import { sortedPage } from './sortedPage';

/**
 * The households list's sortable columns: head's name and village and the last change,
 * each an index ending with the id (schema v20, householdOrderTables.ts: no key shared,
 * so a next page is one range read). Address, hukou type and size have no index: they do
 * not sort.
 */
export const householdSortIndexes = {
  headName: '[headName+id]',
  villageName: '[villageName+id]',
  updatedAt: '[updatedAt+id]',
} as const;

export type HouseholdSortField = keyof typeof householdSortIndexes;
export type HouseholdsGridQuery = GridQuery<string, HouseholdSortField>;

export const householdFilterCap = 1000;

/**
 * The households list, one page: the one query function of its table and export.
 * Without a search, the households table in its index's order (newest first by
 * default), counted by the store; with one, searchHouseholds' indexed matches (head's
 * name or a member's ID), sorted and paged in memory.
 */
export async function householdsGridPage(
  db: DeskDatabase,
  query: HouseholdsGridQuery,
  cap = householdFilterCap,
): Promise<GridPage<Household>> {
  const words = query.filter.trim();
  const search = words ? (limit: number) => searchHouseholds(db, words, limit) : null;
  return sortedPage(db.households, householdSortIndexes, query, search, cap);
}
