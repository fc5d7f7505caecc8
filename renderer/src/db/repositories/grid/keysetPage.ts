import { cmp, type IndexableType, type Table } from 'dexie';
import type { SortDirection } from './gridQuery';

/** An index key the lists sort by (an array: a compound index; `[]` sorts past every string). */
export type Key = string | number | (string | number | never[])[];

/**
 * The page next to one already shown: `row` is the last row of the page before (`next`)
 * or the first row of the page after (`prev`). Paging by one page reads from that row's
 * place in the index instead of counting rows from the start.
 */
export interface PageAnchor {
  row: { id: string } & Record<string, unknown>;
  direction: 'next' | 'prev';
}

/**
 * A part of an index a list pages through (one surname's persons), not the whole index:
 * its bounds (both included) and the anchor row's key in it (undefined: the row has none).
 */
export interface IndexSpan {
  lower: Key;
  upper: Key;
  keyOf: (row: PageAnchor['row']) => Key | undefined;
  /** The key ends with the row's id: no two entries share one, so there are no ties. */
  unique?: boolean;
}

/**
 * Up to `limit` records just past `anchor` in the order of `index` (asc or desc), in
 * that order. Every index a list pages by ends with the id (schemas v19–v22), so no two
 * entries share a key and the page is one read of the index range strictly past the
 * anchor's key with the page's count (one getAll, walking down too where the engine has
 * getAll's direction, as Chromium does). Only the page's records are read, so a page
 * deep in a 200,000-row table costs what page 2 does, and through Dexie every record
 * passes its middlewares and a live query sees what the page read.
 * With a `span`, only that part of the index is paged (the anchor's key is `span.keyOf`),
 * and one key of it is read too: inside a live query that read watches the whole span
 * (Dexie watches a read's range, whatever its limit), so the list hears of a change
 * before the anchor (its total, its page number) as well as past it.
 * Returns null when the anchor row has no key in that index or span, or the index does
 * not end with the id (keys shared: the caller pages by offset).
 */
export function keysetPage<R extends { id: string }>(
  table: Table<R, string>,
  index: string,
  order: SortDirection,
  anchor: PageAnchor,
  limit: number,
  span?: IndexSpan,
): Promise<R[]> | null {
  const fields = compoundFields(index);
  const key = span ? span.keyOf(anchor.row) : keyOfRow(index, fields, anchor.row);
  if (key === undefined || key === null) return null;
  if (span && (cmp(key, span.lower) < 0 || cmp(key, span.upper) > 0)) return null;
  // Walking forward in the list means ascending in the index for an ascending list.
  const ascending = (order === 'asc') === (anchor.direction === 'next');
  // The id itself, or a compound index ending with it: no two entries share a key.
  const unique = index === 'id' || (span ? span.unique === true : fields?.at(-1) === 'id');
  if (!unique) return null;
  const past = pastRange(table, index, key, ascending, limit, span);
  const read = span
    ? Promise.all([
        past,
        table.where(index).between(span.lower, span.upper, true, true).limit(1).primaryKeys(),
      ]).then(([rows]) => rows)
    : past;
  return anchor.direction === 'prev' ? read.then((rows) => rows.reverse()) : read;
}

/** The fields of a compound index (`[name+id]`), or null for a plain one. */
function compoundFields(index: string): string[] | null {
  return index.startsWith('[') ? index.slice(1, -1).split('+') : null;
}

/** A row's key in `index`; undefined when the row is not in it (a field without a value). */
function keyOfRow(index: string, fields: string[] | null, row: PageAnchor['row']): Key | undefined {
  const isKey = (value: unknown): value is string | number =>
    typeof value === 'string' || typeof value === 'number';
  if (!fields) return isKey(row[index]) ? (row[index] as Key) : undefined;
  const parts = fields.map((field) => row[field]);
  return parts.every(isKey) ? parts : undefined;
}

/**
 * The records of `index` strictly past `key`, walking up or down, at most `limit`; inside
 * `span` when given.
 */
function pastRange<R>(
  table: Table<R, string>,
  index: string,
  key: IndexableType,
  ascending: boolean,
  limit: number,
  span?: IndexSpan,
): Promise<R[]> {
  if (limit <= 0) return Promise.resolve([]);
  const where = table.where(index);
  const beyond = span
    ? ascending
      ? where.between(key, span.upper, false, true)
      : where.between(span.lower, key, true, false)
    : ascending
      ? where.above(key)
      : where.below(key);
  return (ascending ? beyond : beyond.reverse()).limit(limit).toArray();
}
