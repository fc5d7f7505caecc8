import type { Table } from 'dexie';
import type { GridPage } from '../grid/gridQuery';
import type { PageAnchor } from '../grid/keysetPage';

/** The page size exports read with: small enough to hold, large enough to be quick. */
export const exportPageSize = 1000;

/**
 * Pages of a list read by offset with the screen's own query function (which takes
 * offset and limit), until a short page.
 */
export async function* pagesByOffset<R>(
  read: (offset: number, limit: number) => Promise<readonly R[]>,
  pageSize = exportPageSize,
): AsyncGenerator<readonly R[]> {
  for (let offset = 0; ; offset += pageSize) {
    const page = await read(offset, pageSize);
    if (page.length > 0) yield page;
    if (page.length < pageSize) return;
  }
}

/**
 * A whole table newest first (the lists' orderBy('id').reverse()), read by key ranges:
 * each page starts below the last id of the one before, so page 200 costs what page 1
 * does (an offset would walk every row before it). Deleted records are left out.
 */
export async function* pagesNewestFirst<R extends { id: string; deleted: boolean }>(
  table: Table<R, string>,
  pageSize = exportPageSize,
): AsyncGenerator<readonly R[]> {
  let below: string | null = null;
  for (;;) {
    const range = below === null ? table.orderBy('id') : table.where('id').below(below);
    const page: R[] = await range.reverse().limit(pageSize).toArray();
    const last = page.at(-1);
    if (!last) return;
    below = last.id;
    const live = page.filter((r) => !r.deleted);
    if (live.length > 0) yield live;
    if (page.length < pageSize) return;
  }
}

/** Pages of an array already read by the screen's search function. */
export function* pagesOf<R>(
  rows: readonly R[],
  pageSize = exportPageSize,
): Generator<readonly R[]> {
  for (let i = 0; i < rows.length; i += pageSize) yield rows.slice(i, i + pageSize);
}

/**
 * The pages of a list read through its table's own query function (`read(page, after)`),
 * each from the last one's last row where the list pages that way (its page gives
 * `last`), until a read finds nothing past that row: rows joining or leaving the list
 * while it is read move its total, not where the next page starts, so stopping at the
 * total would drop the rows past it (a list paged by number that gives `last` anyway
 * ends at its first empty page). A list that gives no `last` (a search's matches sorted
 * in memory) stops at its total.
 */
export async function* gridPages<R>(
  read: (page: number, after: R | undefined) => Promise<GridPage<R>>,
  pageSize = exportPageSize,
): AsyncGenerator<GridPage<R>> {
  let after: R | undefined;
  for (let page = 0; ; page++) {
    const got = await read(page, after);
    if (got.rows.length > 0) yield got;
    if (got.last === undefined) {
      if (after !== undefined || (page + 1) * pageSize >= got.total) return;
    } else {
      after = got.last;
    }
  }
}

/** The query's anchor for the page after `row` (none for the first page). */
export function pageAfter(row: { id: string } | undefined): { anchor?: PageAnchor } {
  return row ? { anchor: { row: row as PageAnchor['row'], direction: 'next' } } : {};
}
