import type { Table } from 'dexie';
import type { SortDirection } from '../../../renderer/src/db/repositories/grid/gridQuery';
import type { PageAnchor } from '../../../renderer/src/db/repositories/grid/keysetPage';
import type { Random } from '../../support/seededRandom';

/**
 * What a grid measure picks before a timed read (never timed), from the bench's seeded
 * random: any row of a table, any column, either direction, and the query for the page
 * after a row on screen. Each pick draws from the random once, as the measures did
 * before they shared these, so a seed picks what it picked.
 */

/** Any row of a table: the one with an id drawn from `ids` (its keys, read beforehand). */
export function anyRowOf<R>(
  table: Pick<Table<R, string>, 'get'>,
  ids: readonly string[],
  rng: Random,
): () => Promise<R | undefined> {
  return () => table.get(ids[rng.int(0, ids.length - 1)] ?? '');
}

/** Any one of `items` (a list's sortable columns); `fallback` only for none. */
export function anyOneOf<T>(items: readonly T[], fallback: T, rng: Random): () => T {
  return () => items[rng.int(0, items.length - 1)] ?? fallback;
}

/** Ascending or descending. */
export function eitherDirection(rng: Random): () => SortDirection {
  return () => (rng.int(0, 1) === 0 ? 'asc' : 'desc');
}

/**
 * The page after a row on screen, as the table reaches it: `q` anchored on `row` (the
 * last row of the page shown), with `more` (the page number, …) as the table asks it;
 * without a row, `q` as it is.
 */
export function pageAfter<Q extends { anchor?: PageAnchor }>(
  q: Q,
  row: PageAnchor['row'] | undefined,
  more?: Partial<Q>,
): Q {
  return row ? { ...q, ...more, anchor: { row, direction: 'next' } } : q;
}
