import { classifyQuery } from '@shared/search/searchTokens';
import { nameHeadOf } from '../../atRest/derivedIndexFields';
import type { DeskDatabase } from '../../database';
import type { Person } from '../persons';
import { checkPaging, type GridPage, type LaterTotal } from './gridQuery';
import { keysetPage, type IndexSpan } from './keysetPage';
import { outsideLiveQuery, watchLeavers } from './tableCount';
import type { PersonSortField, PersonsGridQuery } from './personsGrid';

/** The index that holds one surname's persons in the order of each sortable column. */
const surnameIndexes = {
  birthDate: '[nameHead+birthDate+id]',
  updatedAt: '[nameHead+updatedAt+id]',
} as const;

const han = /^\p{Script=Han}$/u;

/**
 * The surname a search box query is, when it is exactly one Chinese character (a
 * surname, as a registrar types it first); null for any other query.
 */
export function surnameOf(filter: string): string | null {
  const q = classifyQuery(filter);
  if (q.kind !== 'name') return null;
  const head = nameHeadOf(q.value);
  return head !== undefined && head === q.value && han.test(head) ? head : null;
}

/** A name in the name index past every name starting with the surname (Dexie's startsWith). */
const pastEveryName = '\uffff';

/**
 * The part of an index holding one surname's persons in the sorted column's order: by
 * birth date or last change `[nameHead+…+id]`, by name (or unsorted: name order)
 * `[name+id]` from the surname on. Every key ends with the id (schema v19), so none is
 * shared: the page after a row is one range read past its key (keysetPage).
 */
function surnameSpan(surname: string, field: PersonSortField | undefined) {
  if (field === 'birthDate' || field === 'updatedAt') {
    return {
      index: surnameIndexes[field],
      span: {
        // IndexedDB's lowest key (a number) and a key past every string (an array).
        lower: [surname, -Infinity],
        upper: [surname, []],
        keyOf: (row) => {
          const value = row[field];
          return typeof value === 'string' || typeof value === 'number'
            ? [surname, value, row.id]
            : undefined;
        },
        unique: true,
      } satisfies IndexSpan,
    };
  }
  return {
    index: '[name+id]',
    span: {
      lower: [surname, -Infinity],
      upper: [surname + pastEveryName, []],
      keyOf: (row) => (typeof row.name === 'string' ? [row.name, row.id] : undefined),
      unique: true,
    } satisfies IndexSpan,
  };
}

/**
 * One page of a surname's persons, read in order from an index (surnameSpan): only the
 * page's rows are read and opened. The next or previous page of one shown (`anchor`) is
 * read from the anchor row's place, like a whole table's (keysetPage); another page is
 * counted from the surname's start. The total is not the range's count — IndexedDB
 * counts a range by walking it, 150 ms for a common surname at 200,000 persons — but its
 * first `cap` + 1 keys (one key-only read, itself ~17 ms there: each index entry is
 * checked against its record): up to `cap` the list is exact and in order, past it the
 * list says it was cut (as every search does), and typing the next character of the
 * name narrows it. When the table asks (`totalLater`), that read follows the page.
 */
export async function surnamePage(
  db: DeskDatabase,
  surname: string,
  query: PersonsGridQuery,
  cap: number,
): Promise<GridPage<Person>> {
  checkPaging(query.page, query.pageSize);
  const { index, span } = surnameSpan(surname, query.sort?.field);
  const order = query.sort?.direction ?? 'asc';
  const range = () => db.persons.where(index).between(span.lower, span.upper, true, true);
  const from = query.page * query.pageSize;
  const take = Math.max(0, Math.min(query.pageSize, cap - from));
  const ordered = order === 'asc' ? range() : range().reverse();
  const read =
    (query.anchor && keysetPage(db.persons, index, order, query.anchor, query.pageSize, span)) ??
    (take === 0 ? [] : (from === 0 ? ordered : ordered.offset(from)).limit(take).toArray());
  const totalOf = (): Promise<LaterTotal> =>
    range()
      .limit(cap + 1)
      .primaryKeys()
      .then((keys) => ({ total: Math.min(keys.length, cap), limited: keys.length > cap }));
  if (query.totalLater === true) {
    // (An anchored page watches the whole surname itself: keysetPage with a span; and
    // watchLeavers a person renamed out of it off the page.)
    const [rows] = await Promise.all([read, watchLeavers(db.persons, index, span.lower)]);
    const wanted = query.anchor ? query.pageSize : take;
    return {
      ...pageOf(rows),
      total: -1,
      totalLater: outsideLiveQuery(totalOf),
      hasMore: wanted > 0 && rows.length >= wanted,
      limited: false,
    };
  }
  const [rows, total] = await Promise.all([read, totalOf()]);
  return { ...pageOf(rows), ...total };
}

/** The page's live rows, and the rows it read first and last (its neighbours' anchors). */
function pageOf(rows: Person[]): Pick<GridPage<Person>, 'rows' | 'first' | 'last'> {
  const first = rows[0];
  const last = rows.at(-1);
  return { rows: rows.filter((r) => !r.deleted), ...(first && last ? { first, last } : {}) };
}
