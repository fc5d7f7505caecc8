import { beforeAll, describe, expect, it } from 'vitest';
import type { DeskDatabase } from '../../../renderer/src/db/database';
import type { Household } from '../../../renderer/src/db/repositories/households';
import { householdsGridPage } from '../../../renderer/src/db/repositories/grid/householdsGrid';
import type { Person } from '../../../renderer/src/db/repositories/persons';
import {
  personsGridPage,
  personSortIndexes,
  type PersonSortField,
} from '../../../renderer/src/db/repositories/grid/personsGrid';
import { countSteps, counted } from './countReads';
import { inIndexOrder, openGridOffice } from './gridOffice';

/**
 * The persons table's query adapter on a real IndexedDB (fake-indexeddb) holding 3,000
 * generated persons: exact pages, each sortable column in its index's order both ways,
 * the search applied, the total counted, and a page read without reading the table (a
 * DBCore middleware counts every record handed up from the store).
 */
const size = 3000;
let db: DeskDatabase;
let all: Person[];

beforeAll(async () => {
  countSteps();
  ({ db, all } = await openGridOffice(size));
});

const expected = (field: PersonSortField, direction: 'asc' | 'desc'): string[] =>
  inIndexOrder(all, (p) => p[field], direction);

describe('personsGridPage', () => {
  it('pages the whole registry newest first, exactly, with the store count as total', async () => {
    expect(all).toHaveLength(size);
    const newest = all
      .map((p) => p.id)
      .sort()
      .reverse();
    const first = await personsGridPage(db, { page: 0, pageSize: 50, sort: null, filter: '' });
    expect(first.total).toBe(size);
    expect(first.limited).toBe(false);
    expect(first.rows.map((p) => p.id)).toEqual(newest.slice(0, 50));
    const page7 = await personsGridPage(db, { page: 7, pageSize: 50, sort: null, filter: '' });
    expect(page7.rows.map((p) => p.id)).toEqual(newest.slice(350, 400));
    const last = await personsGridPage(db, { page: 29, pageSize: 100, sort: null, filter: '' });
    expect(last.rows.map((p) => p.id)).toEqual(newest.slice(2900, 3000));
    const past = await personsGridPage(db, { page: 30, pageSize: 100, sort: null, filter: '' });
    expect(past.rows).toEqual([]);
  });

  for (const field of Object.keys(personSortIndexes) as PersonSortField[]) {
    for (const direction of ['asc', 'desc'] as const) {
      it(`sorts by ${field} ${direction} in the index's order, page by page`, async () => {
        const want = expected(field, direction);
        for (const page of [0, 1, 13]) {
          const got = await personsGridPage(db, {
            page,
            pageSize: 100,
            sort: { field, direction },
            filter: '',
          });
          expect(got.rows.map((p) => p.id)).toEqual(want.slice(page * 100, page * 100 + 100));
          expect(got.total).toBe(size);
        }
      });
    }
  }

  it('reads one page of records, not the table, even deep in the list', async () => {
    for (const [page, sort] of [
      [0, null],
      [25, null],
      [29, { field: 'name', direction: 'asc' }],
      [17, { field: 'birthDate', direction: 'desc' }],
    ] as const) {
      counted.reads = 0;
      const got = await personsGridPage(db, { page, pageSize: 100, sort, filter: '' });
      expect(got.rows).toHaveLength(100);
      expect(counted.reads).toBeGreaterThanOrEqual(100);
      expect(counted.reads).toBeLessThanOrEqual(102);
    }
  });

  it('applies the search, sorts and pages its matches, counts them', async () => {
    const surname = all[0]?.name.slice(0, 1) ?? '';
    const matching = all.filter((p) => p.name.startsWith(surname));
    expect(matching.length).toBeGreaterThan(20);
    const want = [...matching]
      .sort((a, b) => (a.birthDate < b.birthDate ? -1 : a.birthDate > b.birthDate ? 1 : 0))
      .map((p) => p.birthDate);
    const query = { pageSize: 10, sort: { field: 'birthDate', direction: 'asc' }, filter: surname };
    const first = await personsGridPage(db, { ...query, page: 0 } as never);
    expect(first.total).toBe(matching.length);
    expect(first.rows.map((p) => p.birthDate)).toEqual(want.slice(0, 10));
    const second = await personsGridPage(db, { ...query, page: 1 } as never);
    expect(second.rows.map((p) => p.birthDate)).toEqual(want.slice(10, 20));
    expect(second.rows.every((p) => p.name.startsWith(surname))).toBe(true);

    // An ID tail: the one person, whatever the page size.
    const target = all[1234] as Person;
    const tail = await personsGridPage(db, {
      page: 0,
      pageSize: 25,
      sort: null,
      filter: target.idNumber.slice(-6),
    });
    expect(tail.rows.map((p) => p.id)).toContain(target.id);
    expect(tail.total).toBe(tail.rows.length);
  });

  it('caps a broad search at what it reads, and says so', async () => {
    // A pinyin initial (a surname in characters is paged from an index: surnamePage.test.ts).
    const initial = all[0]?.searchTokens.find((t) => /^[a-z]+$/.test(t))?.slice(0, 1) ?? '';
    const matching = all.filter((p) => p.searchTokens.some((t) => t.startsWith(initial))).length;
    counted.reads = 0;
    const capped = await personsGridPage(
      db,
      { page: 0, pageSize: 10, sort: null, filter: initial },
      5,
    );
    expect(capped).toMatchObject({ total: 5, limited: true });
    expect(capped.rows).toHaveLength(5);
    expect(matching).toBeGreaterThan(6);
    expect(counted.reads).toBeLessThanOrEqual(6 + 2);
  });

  it('leaves tombstones out of a page', async () => {
    const newest = all
      .map((p) => p.id)
      .sort()
      .reverse();
    const gone = newest[3] as string;
    await db.persons.update(gone, { deleted: true });
    try {
      const first = await personsGridPage(db, { page: 0, pageSize: 10, sort: null, filter: '' });
      expect(first.rows.map((p) => p.id)).toEqual(newest.slice(0, 10).filter((id) => id !== gone));
    } finally {
      await db.persons.update(gone, { deleted: false });
    }
  });

  it('refuses a nonsensical page', async () => {
    await expect(
      personsGridPage(db, { page: -1, pageSize: 10, sort: null, filter: '' }),
    ).rejects.toThrow(RangeError);
    await expect(
      personsGridPage(db, { page: 0, pageSize: 0, sort: null, filter: '' }),
    ).rejects.toThrow(RangeError);
  });
});

/**
 * One page of records read, through Dexie (counted by the middleware: the page and the
 * count's one-record watch), the anchor's key found by a key cursor (its steps).
 */
function expectOnePageRead() {
  const read = Math.max(counted.steps, counted.reads);
  expect(read).toBeGreaterThanOrEqual(99);
  expect(read).toBeLessThanOrEqual(102);
}

describe('personsGridPage next to a page already read (anchor)', () => {
  for (const field of [null, ...Object.keys(personSortIndexes)] as (PersonSortField | null)[]) {
    for (const direction of ['asc', 'desc'] as const) {
      it(`pages ${field ?? 'newest first'} ${direction} from the neighbour's edge row, reading one page`, async () => {
        const sort = field ? { field, direction } : null;
        if (!field && direction === 'asc') return; // the default order is newest first only
        const base = { pageSize: 100, sort, filter: '' };
        const want = field
          ? expected(field, direction)
          : all
              .map((p) => p.id)
              .sort()
              .reverse();
        const page12 = await personsGridPage(db, { ...base, page: 12 });
        counted.steps = 0;
        counted.reads = 0;
        const next = await personsGridPage(db, {
          ...base,
          page: 0, // only the anchor places the page
          anchor: { row: page12.last as Person, direction: 'next' },
        });
        expectOnePageRead();
        expect(next.rows.map((p) => p.id)).toEqual(want.slice(1300, 1400));
        expect(next.total).toBe(size);
        counted.steps = 0;
        counted.reads = 0;
        const prev = await personsGridPage(db, {
          ...base,
          page: 0,
          anchor: { row: page12.first as Person, direction: 'prev' },
        });
        expectOnePageRead();
        expect(prev.rows.map((p) => p.id)).toEqual(want.slice(1100, 1200));
        // The last page, short, and nothing past it.
        const page28 = await personsGridPage(db, { ...base, page: 28 });
        const lastPage = await personsGridPage(db, {
          ...base,
          page: 0,
          anchor: { row: page28.last as Person, direction: 'next' },
        });
        expect(lastPage.rows.map((p) => p.id)).toEqual(want.slice(2900));
        const past = await personsGridPage(db, {
          ...base,
          page: 0,
          anchor: { row: lastPage.last as Person, direction: 'next' },
        });
        expect(past.rows).toEqual([]);
      });
    }
  }

  it('pages through names shared by several persons without losing or repeating one', async () => {
    const want = expected('name', 'asc');
    const names = all.map((p) => p.name);
    expect(new Set(names).size).toBeLessThan(names.length);
    const seen: string[] = [];
    let anchor: Person | undefined;
    for (let page = 0; page < 300; page++) {
      const got = await personsGridPage(db, {
        page: anchor ? 0 : page,
        pageSize: 7,
        sort: { field: 'name', direction: 'asc' },
        filter: '',
        ...(anchor ? { anchor: { row: anchor, direction: 'next' as const } } : {}),
      });
      seen.push(...got.rows.map((p) => p.id));
      anchor = got.last;
    }
    expect(seen).toEqual(want.slice(0, 2100));
  });
});

describe('householdsGridPage', () => {
  it('pages households by head and by village from their indexes, and by a search', async () => {
    const households = (await db.households.toArray()) as Household[];
    expect(households.length).toBeGreaterThan(500);
    for (const field of ['headName', 'villageName'] as const) {
      const want = [...households]
        .sort((a, b) => (a[field] < b[field] ? -1 : a[field] > b[field] ? 1 : a.id < b.id ? -1 : 1))
        .map((h) => h.id);
      const got = await householdsGridPage(db, {
        page: 3,
        pageSize: 50,
        sort: { field, direction: 'asc' },
        filter: '',
      });
      expect(got.total).toBe(households.length);
      expect(got.rows.map((h) => h.id)).toEqual(want.slice(150, 200));
    }
    const surname = households[0]?.headName.slice(0, 1) ?? '';
    const found = await householdsGridPage(db, {
      page: 0,
      pageSize: 20,
      sort: { field: 'headName', direction: 'desc' },
      filter: surname,
    });
    expect(found.rows.length).toBeGreaterThan(0);
    expect(found.rows.every((h) => h.headName.startsWith(surname))).toBe(true);
    const names = found.rows.map((h) => h.headName);
    expect(names).toEqual([...names].sort().reverse());
  });
});
