import type { DeskDatabase } from '../../database';
import { searchHouseholds, type Household } from '../households';
import { indexedPage, pageOfMatches, type GridPage, type GridQuery } from './gridQuery';

/**
 * The households list's sortable columns: head's name and village (schema v15) and
 * the last change. Address, hukou type and size have no index: they do not sort.
 */
export const householdSortIndexes = {
  headName: 'headName',
  villageName: 'villageName',
  updatedAt: 'updatedAt',
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
  if (!words) {
    const index = query.sort ? householdSortIndexes[query.sort.field] : 'id';
    const direction = query.sort?.direction ?? 'desc';
    return indexedPage(db.households, index, direction, query.page, query.pageSize, query.anchor);
  }
  const matches = await searchHouseholds(db, words, cap + 1);
  return pageOfMatches(matches, cap, query, (h, field) => h[field]);
}
