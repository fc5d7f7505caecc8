import type { Table } from 'dexie';
import {
  checkPaging,
  indexedPage,
  pageOfMatches,
  type GridPage,
  type GridQuery,
} from './gridQuery';
import { keysetPage, type Key, type PageAnchor } from './keysetPage';
import { outsideLiveQuery, watchLeavers } from './tableCount';

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
 * A part of an index ending with the id that a filtered list pages through: the index,
 * its bounds (both included), and a row's key in it (`[programme, status, id]`).
 */
export interface IdEndedRange<R> {
  index: string;
  lower: Key;
  upper: Key;
  keyOf: (row: R) => Key;
}

/**
 * One page of an index range (a filter's equal keys or a period), newest first unless
 * `ascending`, counted by the same range. The index ends with the id, so the page next
 * to one shown (`anchor`) is one range read past the anchor's key, however deep
 * (keysetPage); without an anchor the page is reached by offset. The first and last
 * records read (tombstones too) come back as the anchors of its neighbours. Tombstones
 * are counted and left out of the page. The count walks the range: when the table asks
 * (`totalLater`) it follows the page.
 */
export async function rangePage<R extends { id: string; deleted: boolean }>(
  table: Table<R, string>,
  range: IdEndedRange<R>,
  query: Pick<GridQuery<unknown>, 'page' | 'pageSize' | 'anchor' | 'totalLater'>,
  ascending = false,
): Promise<GridPage<R>> {
  checkPaging(query.page, query.pageSize);
  const { index, lower, upper } = range;
  const within = () => table.where(index).between(lower, upper, true, true);
  const span = {
    lower,
    upper,
    keyOf: (row: PageAnchor['row']) => range.keyOf(row as unknown as R),
    // Its name says so: a range of an index not ending with the id pages by offset.
    unique: index.endsWith('+id]'),
  };
  const order = ascending ? 'asc' : 'desc';
  const seek = query.anchor
    ? keysetPage(table, index, order, query.anchor, query.pageSize, span)
    : null;
  const ordered = ascending ? within() : within().reverse();
  const read =
    seek ??
    (query.page === 0 ? ordered : ordered.offset(query.page * query.pageSize))
      .limit(query.pageSize)
      .toArray();
  const counted = () => within().count();
  if (query.totalLater === true) {
    // The table's page before its total: the count walks the whole range (thousands of a
    // programme's cases), so it follows the page; the page's read watches the range, and
    // watchLeavers a row leaving it off the page.
    const [rows] = await Promise.all([read, watchLeavers(table, index, lower)]);
    const total = outsideLiveQuery(counted).then((n) => ({ total: n, limited: false }));
    return {
      ...pageOf(rows),
      total: -1,
      totalLater: total,
      hasMore: rows.length >= query.pageSize,
      limited: false,
    };
  }
  const [rows, total] = await Promise.all([read, counted()]);
  return { ...pageOf(rows), total, limited: false };
}

/** The page's live rows, and the rows it read first and last (its neighbours' anchors). */
function pageOf<R extends { deleted: boolean }>(
  rows: R[],
): Pick<GridPage<R>, 'rows' | 'first' | 'last'> {
  const first = rows[0];
  const last = rows.at(-1);
  return { rows: rows.filter((r) => !r.deleted), ...(first && last ? { first, last } : {}) };
}
