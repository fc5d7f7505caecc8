import type { Table } from 'dexie';
import { keysetPage, type PageAnchor } from './keysetPage';
import { tableCount, tableCountOrLater } from './tableCount';

export type SortDirection = 'asc' | 'desc';

/** One sorted column: only columns a list declares sortable (each backed by an index). */
export interface GridSort<F extends string = string> {
  field: F;
  direction: SortDirection;
}

/** What a table asks its list for: a page (0-based) of pageSize rows, sorted and filtered. */
export interface GridQuery<Filter, F extends string = string> {
  page: number;
  pageSize: number;
  sort: GridSort<F> | null;
  filter: Filter;
  /**
   * The page is the one next to a page already read (the table's next/previous page,
   * an export's next page): read from the anchor row's place in the index, so page 2,000
   * costs what page 2 does. Without it, `page` is counted from the start.
   */
  anchor?: PageAnchor;
  /**
   * The caller shows the page before its total (the table, not an export): a total that
   * would hold the page (a whole table's count not yet kept, a surname's matches) comes
   * later (GridPage.totalLater).
   */
  totalLater?: boolean;
}

/** A total that came after its page: the rows of the list, and whether it was cut at a cap. */
export interface LaterTotal {
  total: number;
  limited: boolean;
}

export interface GridPage<R> {
  rows: R[];
  /**
   * Rows of the whole (filtered) list: an index count, or the matches found; -1 (unknown,
   * as MUI's DataGrid takes it) while `totalLater` counts.
   */
  total: number;
  /** Only when the query allowed it and the total would have held the page: that total. */
  totalLater?: Promise<LaterTotal>;
  /** With `totalLater`: the page read was full (tombstones too), so more may follow. */
  hasMore?: boolean;
  /** A filter matched more rows than a filtered list reads: `total` is that cap. */
  limited: boolean;
  /** The first and last record the page read (tombstones too): the anchors of its neighbours. */
  first?: R;
  last?: R;
}

/**
 * A page's total as another list hands it on with rows of its own (joined or summed):
 * the total, or -1 with the count to come and whether more may follow, and the cap.
 */
export function totalsOf<R>(
  page: GridPage<R>,
): Pick<GridPage<unknown>, 'total' | 'totalLater' | 'hasMore' | 'limited'> {
  return {
    total: page.total,
    ...(page.totalLater ? { totalLater: page.totalLater } : {}),
    ...(page.hasMore !== undefined ? { hasMore: page.hasMore } : {}),
    limited: page.limited,
  };
}

/** The most pages a table may ask for (a guard against a nonsensical request). */
const maxPageSize = 1000;

export function checkPaging(page: number, pageSize: number): void {
  if (!Number.isInteger(page) || page < 0) throw new RangeError(`bad page ${page}`);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > maxPageSize)
    throw new RangeError(`bad page size ${pageSize}`);
}

/**
 * One page of a whole table in the order of one index. Next to a page already read
 * (`anchor`), two bounded reads from the anchor's place (keysetPage). Otherwise it jumps
 * over the rows before the page (IDBCursor.advance: no record before the page is
 * handed up, but the store still steps over them: a deep jump costs more). Either way
 * only the page's records are read; the total is the store's own count, kept until the
 * table changes (tableCount) — or, when the query says it can wait (`totalLater`) and no
 * count is kept, counted after the page is handed back. Tombstones (a deletion synced from HQ, rare) are counted
 * and left out of the page, which is then that much shorter.
 */
export async function indexedPage<R extends { id: string; deleted: boolean }>(
  table: Table<R, string>,
  index: string,
  direction: SortDirection,
  page: number,
  pageSize: number,
  anchor?: PageAnchor,
  totalLater = false,
): Promise<GridPage<R>> {
  checkPaging(page, pageSize);
  const seek = anchor ? keysetPage(table, index, direction, anchor, pageSize) : null;
  const ordered = direction === 'desc' ? table.orderBy(index).reverse() : table.orderBy(index);
  const [rows, counted] = await Promise.all([
    seek ?? (page === 0 ? ordered : ordered.offset(page * pageSize)).limit(pageSize).toArray(),
    totalLater ? tableCountOrLater(table) : tableCount(table).then((count) => ({ count })),
  ]);
  const first = rows[0];
  const last = rows.at(-1);
  const total =
    'count' in counted
      ? { total: counted.count }
      : { total: -1, totalLater: uncut(counted.later), hasMore: rows.length >= pageSize };
  return {
    rows: rows.filter((r) => !r.deleted),
    ...total,
    limited: false,
    ...(first && last ? { first, last } : {}),
  };
}

/** A whole table's count that comes later: never cut. */
function uncut(count: Promise<number>): Promise<LaterTotal> {
  const later = count.then((total) => ({ total, limited: false }));
  later.catch(() => undefined);
  return later;
}

/**
 * A page of the matches a filter found through its own index (at most `cap` of them:
 * the caller reads cap + 1 to know there were more), sorted by the sort column when one
 * is chosen. Only this bounded set is sorted in memory, never a table.
 */
export function pageOfMatches<R, F extends string>(
  matches: readonly R[],
  cap: number,
  query: Pick<GridQuery<unknown, F>, 'page' | 'pageSize' | 'sort'>,
  keyOf: (row: R, field: F) => string | number | null | undefined,
): GridPage<R> {
  checkPaging(query.page, query.pageSize);
  const kept = matches.slice(0, cap);
  const sort = query.sort;
  const sorted = sort ? [...kept].sort(compareBy(sort, keyOf)) : kept;
  const from = query.page * query.pageSize;
  return {
    rows: sorted.slice(from, from + query.pageSize),
    total: kept.length,
    limited: matches.length > cap,
  };
}

/** IndexedDB's own order for the keys lists sort by: numbers before strings, code units. */
function compareBy<R, F extends string>(
  sort: GridSort<F>,
  keyOf: (row: R, field: F) => string | number | null | undefined,
) {
  const sign = sort.direction === 'desc' ? -1 : 1;
  return (a: R, b: R): number => {
    const x = keyOf(a, sort.field) ?? '';
    const y = keyOf(b, sort.field) ?? '';
    if (typeof x !== typeof y) return (typeof x === 'number' ? -1 : 1) * sign;
    return (x < y ? -1 : x > y ? 1 : 0) * sign;
  };
}
