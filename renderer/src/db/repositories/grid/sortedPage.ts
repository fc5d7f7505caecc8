import type { Collection, Table } from 'dexie';
import {
  checkPaging,
  indexedPage,
  pageOfMatches,
  type GridPage,
  type GridQuery,
} from './gridQuery';

type SortKey = string | number | null | undefined;

/**
 * One page of a list whose sortable columns each have an index (`sortIndexes`): without
 * a search, the table in the sorted column's index order (no sort: `unsorted`, newest
 * first), counted by the store; with one, the search's indexed matches (it is asked for
 * `cap` + 1, to know there were more), sorted and paged in memory.
 */
export async function sortedPage<
  R extends { id: string; deleted: boolean } & { [K in F]?: SortKey },
  F extends string,
>(
  table: Table<R, string>,
  sortIndexes: Record<F, string>,
  query: GridQuery<unknown, F>,
  search: ((limit: number) => Promise<R[]>) | null,
  cap: number,
  unsorted = 'id',
): Promise<GridPage<R>> {
  if (search) return pageOfMatches(await search(cap + 1), cap, query, (r, f) => r[f]);
  const index = query.sort ? sortIndexes[query.sort.field] : unsorted;
  const direction = query.sort?.direction ?? 'desc';
  return indexedPage(
    table,
    index,
    direction,
    query.page,
    query.pageSize,
    query.anchor,
    query.totalLater === true,
  );
}

/**
 * One page of an index range (a filter's equal keys or a period), newest first unless
 * `ascending`, counted by the same range. `range` makes a new collection for each use:
 * Dexie's reverse/offset/limit change the one they are called on. Tombstones are
 * counted and left out of the page.
 */
export async function rangePage<R extends { deleted: boolean }>(
  range: () => Collection<R, string>,
  query: Pick<GridQuery<unknown>, 'page' | 'pageSize'>,
  ascending = false,
): Promise<GridPage<R>> {
  checkPaging(query.page, query.pageSize);
  const ordered = ascending ? range() : range().reverse();
  const [rows, total] = await Promise.all([
    ordered
      .offset(query.page * query.pageSize)
      .limit(query.pageSize)
      .toArray(),
    range().count(),
  ]);
  return { rows: rows.filter((r) => !r.deleted), total, limited: false };
}
