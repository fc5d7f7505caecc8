import type { DeskDatabase } from '../../../renderer/src/db/database';
import {
  householdSortIndexes,
  householdsGridPage,
  type HouseholdSortField,
  type HouseholdsGridQuery,
} from '../../../renderer/src/db/repositories/grid/householdsGrid';
import type { seededRandom } from '../../support/seededRandom';
import { gridPageSize, timeRows, type GridTimes } from './gridMeasure';
import { anyOneOf, anyRowOf, eitherDirection, pageAfter } from './gridPicks';

/**
 * The households table as a registrar uses it, through householdsGridPage (its table's
 * and export's one query function), beside the persons table's rows (gridMeasure.ts):
 * open the list, go to page N (the next page of a page shown, anchored on its last row:
 * any household), sort by a column (head's name, village, last change; either way) and
 * a sorted page N. Each order ends with the id since schema v20, so the page after a
 * row is one range read past that row's key.
 */
export async function measureHouseholdPages(
  db: DeskDatabase,
  samples: number,
  rng: ReturnType<typeof seededRandom>,
  only?: readonly string[],
): Promise<Record<string, GridTimes>> {
  const ids = await db.households.toCollection().primaryKeys();
  const anyHousehold = anyRowOf(db.households, ids, rng);
  const fields = Object.keys(householdSortIndexes) as HouseholdSortField[];
  const anyField = anyOneOf(fields, 'headName', rng);
  const anyDirection = eitherDirection(rng);
  const base: HouseholdsGridQuery = { page: 0, pageSize: gridPageSize, filter: '', sort: null };
  // Page N as the table reaches it: the page after a row on screen, any household (not timed).
  const nextOf = async (q: HouseholdsGridQuery): Promise<HouseholdsGridQuery> =>
    pageAfter(q, await anyHousehold());
  const queries: Record<string, () => HouseholdsGridQuery | Promise<HouseholdsGridQuery>> = {
    householdsFirstPage: () => base,
    householdsPageN: () => nextOf(base),
    householdsSortBy: () => ({ ...base, sort: { field: anyField(), direction: anyDirection() } }),
    householdsSortedPageN: () =>
      nextOf({ ...base, sort: { field: anyField(), direction: anyDirection() } }),
  };
  return timeRows(queries, (q) => householdsGridPage(db, q), samples, only);
}
