import type { DeskDatabase } from '../../../renderer/src/db/database';
import {
  personsGridPage,
  type PersonsGridQuery,
} from '../../../renderer/src/db/repositories/grid/personsGrid';
import type { seededRandom } from '../../support/seededRandom';
import { anyOneOf, anyRowOf, eitherDirection, pageAfter } from './gridPicks';

/** The persons table's page size on screen (ServerGrid's default). */
export const gridPageSize = 50;

export interface GridTimes {
  times: number[];
  rows: number;
}

/**
 * The persons table as a registrar uses it, each through personsGridPage (the one
 * query function of the table and its export): open the list (first page, newest
 * first), go to page N anywhere in the registry (as the table does: the next page of
 * the page shown, anchored on its last row), sort by a column (name, ID number, birth
 * date, last change; both ways), a sorted page N, a jump straight to page N (counted
 * from the start: the table's pager never does this, reported for comparison), the
 * first page just after a change to the table (the count read again, reported),
 * filter (a surname's persons, sorted by birth date; as the table asks it, and with its
 * total as an export reads it, reported) and a filter's page N (the next page of any
 * page of a surname, any sort). Each sample is one page read.
 */
export async function measureGridPages(
  db: DeskDatabase,
  samples: number,
  rng: ReturnType<typeof seededRandom>,
  surnameOf: () => string,
  only?: readonly string[],
): Promise<Record<string, GridTimes>> {
  const total = await db.persons.count();
  const lastPage = Math.max(0, Math.ceil(total / gridPageSize) - 1);
  const fields = ['name', 'birthDate', 'updatedAt'] as const;
  const anyField = anyOneOf(fields, 'name', rng);
  const anyDirection = eitherDirection(rng);
  const base = { pageSize: gridPageSize, filter: '', sort: null };
  const ids = await db.persons.toCollection().primaryKeys();
  const anyPerson = anyRowOf(db.persons, ids, rng);
  /**
   * Page N as the table reaches it: the page after the last row of the page on screen,
   * any row of the registry (not timed). The anchor is a person picked by id, not found
   * by walking to page N−1: that walk (the "jump" row, a second at 200,000) left the
   * store busy into the timed read that followed.
   */
  const nextOf = async (q: PersonsGridQuery): Promise<PersonsGridQuery> =>
    pageAfter(q, await anyPerson(), { page: 0 });
  /** Puts a random person back as it is: a change that forgets the kept count. */
  const changeSomeone = async (): Promise<void> => {
    const someone = await db.persons
      .orderBy('id')
      .offset(rng.int(0, total - 1))
      .first();
    if (someone) await db.persons.put({ ...someone });
  };
  const queries: Record<string, () => PersonsGridQuery | Promise<PersonsGridQuery>> = {
    firstPage: () => ({ ...base, page: 0 }),
    pageN: () => nextOf({ ...base, page: rng.int(1, lastPage) }),
    sortBy: () => ({ ...base, page: 0, sort: { field: anyField(), direction: anyDirection() } }),
    sortedPageN: () =>
      nextOf({
        ...base,
        page: rng.int(1, lastPage),
        sort: { field: anyField(), direction: anyDirection() },
      }),
    jumpToPageN: () => ({
      ...base,
      page: rng.int(1, lastPage),
      sort: { field: anyField(), direction: anyDirection() },
    }),
    // A change to the table (not timed) forgets the kept count: the list's next page counts
    // the whole table again (IndexedDB walks it), the cost the kept count saves otherwise.
    firstPageAfterChange: async () => {
      await changeSomeone();
      return { ...base, page: 0 };
    },
    // The same, as the table asks (ServerGrid): its rows come back before the count,
    // which follows (GridQuery.totalLater); timed to the rows.
    firstPageAfterChangeRows: async () => {
      await changeSomeone();
      return { ...base, page: 0, totalLater: true };
    },
    // As the table asks (its total, the surname's first 301 keys, follows the page).
    filter: () => ({
      ...base,
      page: 0,
      filter: surnameOf(),
      sort: { field: 'birthDate', direction: 'asc' },
      totalLater: true,
    }),
    // The same page as an export reads it: the total with the page (reported).
    filterWithTotal: () => ({
      ...base,
      page: 0,
      filter: surnameOf(),
      sort: { field: 'birthDate', direction: 'asc' },
    }),
    // Deeper in a surname, any column either way or unsorted, as the table pages: the
    // next page of the page shown, anchored on its last row — a person of the surname
    // picked among its first matches the list shows (not timed). Picked as a one-row page
    // at that place (keys walked, one record opened), not by reading all 300: those 300
    // records opened before each sample left garbage the timed read then collected
    // (the row's p95 was three times its p50; a registrar's list reads 50 at a time).
    // (They also warmed the cache for the timed page, which now reads records no read
    // just before it has touched, as a registrar's next page mostly does.)
    filterPageN: async () => {
      const surname = surnameOf();
      const sort = rng.int(0, 3) === 0 ? null : { field: anyField(), direction: anyDirection() };
      const q = { ...base, page: 0, filter: surname, sort };
      const at = (page: number) => personsGridPage(db, { ...q, page, pageSize: 1 });
      // Its first row, and the list's length (the surname's, up to the cap): a place
      // leaving a whole page after it, as before.
      const head = await at(0);
      const place = rng.int(0, Math.max(0, head.total - gridPageSize - 1));
      const row = (place === 0 ? head : await at(place)).rows[0] ?? head.rows[0];
      return pageAfter<PersonsGridQuery>(q, row, { page: 1, totalLater: true });
    },
  };
  return timeRows(queries, (q) => personsGridPage(db, q), samples, only);
}

/**
 * Times each row's page reads through `read`, `samples` of them after 5 untimed: the
 * query made first (not timed), the read timed, a total that follows its page awaited
 * untimed (not left running into the next). `only`: these rows.
 */
export async function timeRows<Q>(
  queries: Record<string, () => Q | Promise<Q>>,
  read: (q: Q) => Promise<{ rows: unknown[]; totalLater?: Promise<unknown> }>,
  samples: number,
  only?: readonly string[],
): Promise<Record<string, GridTimes>> {
  const result: Record<string, GridTimes> = {};
  for (const [name, makeQuery] of Object.entries(queries)) {
    if (only && !only.includes(name)) continue;
    const times: number[] = [];
    let rows = 0;
    for (let i = 0; i < samples + 5; i++) {
      const q = await makeQuery();
      const t0 = performance.now();
      const page = await read(q);
      const t1 = performance.now();
      // In a trace (--trace FILE), each sample is a span named by its row; a slow one says so.
      performance.measure(`grid ${name}${t1 - t0 > 12 ? ' SLOW' : ''}`, { start: t0, end: t1 });
      await page.totalLater;
      if (i >= 5) {
        times.push(t1 - t0);
        rows += page.rows.length;
      }
    }
    result[name] = { times, rows: Math.round(rows / samples) };
  }
  return result;
}
