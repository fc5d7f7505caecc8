import { beforeAll, describe, expect, it } from 'vitest';
import { liveTotals } from './liveTotals';
import { nameHeadOf } from '../../../renderer/src/db/atRest/derivedIndexFields';
import { DeskDatabase } from '../../../renderer/src/db/database';
import { latestSchemaVersion } from '../../../renderer/src/db/schema';
import { newRecordId } from '@shared/records/ids';
import type { Person } from '../../../renderer/src/db/repositories/persons';
import {
  personsGridPage,
  type PersonSortField,
} from '../../../renderer/src/db/repositories/grid/personsGrid';
import { surnameOf } from '../../../renderer/src/db/repositories/grid/surnamePage';
import type { PageAnchor } from '../../../renderer/src/db/repositories/grid/keysetPage';
import { personsSource } from '../../../renderer/src/db/repositories/export/personsSource';
import { counted } from './countReads';
import { inIndexOrder, openGridOffice } from './gridOffice';
import { rawPut, rawRows } from '../atRest/rawStore';

/**
 * The persons list filtered by a surname (one Chinese character), on a sealed store of
 * 3,000 generated persons: every page in the sorted column's order read from an index,
 * only the page's records opened, every match listed (no search cap), and the store's
 * own `nameHead` field kept out of records and bound to the name.
 */
let db: DeskDatabase;
let all: Person[];
let surname: string;
let ofSurname: Person[];

beforeAll(async () => {
  ({ db, all } = await openGridOffice(3000));
  // The commonest surname of the office.
  const counts = new Map<string, number>();
  for (const p of all) counts.set(p.name[0] ?? '', (counts.get(p.name[0] ?? '') ?? 0) + 1);
  surname = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  ofSurname = all.filter((p) => nameHeadOf(p.name) === surname);
});

async function everyPage(sort: { field: PersonSortField; direction: 'asc' | 'desc' } | null) {
  const ids: string[] = [];
  for (let page = 0; ; page++) {
    const got = await personsGridPage(db, { page, pageSize: 7, sort, filter: surname }, 10_000);
    expect(got).toMatchObject({ total: ofSurname.length, limited: false });
    ids.push(...got.rows.map((p) => p.id));
    if ((page + 1) * 7 >= got.total) return ids;
  }
}

type Sort = { field: PersonSortField; direction: 'asc' | 'desc' } | null;

/**
 * The surname's list walked as the table walks it: each next page read from the last row
 * of the page shown (cap 50: the anchored pages go on past it), then back from the last
 * page, each previous page from the first row shown. Returns both walks' ids in list order.
 */
async function walkByAnchor(filter: string, sort: Sort, pageSize: number) {
  const pages: Person[][] = [];
  let anchor: PageAnchor | undefined;
  for (let page = 0; page < 1000; page++) {
    const got = await personsGridPage(
      db,
      { page, pageSize, sort, filter, ...(anchor ? { anchor } : {}) },
      50,
    );
    pages.push(got.rows);
    if (got.rows.length < pageSize || !got.last) break;
    anchor = { row: got.last as PageAnchor['row'], direction: 'next' };
  }
  const back: Person[][] = [pages.at(-1) ?? []];
  for (let page = pages.length - 2; page >= 0; page--) {
    const first = back[0]?.[0] as PageAnchor['row'];
    const got = await personsGridPage(
      db,
      { page, pageSize, sort, filter, anchor: { row: first, direction: 'prev' } },
      50,
    );
    back.unshift(got.rows);
  }
  const ids = (walk: Person[][]) => walk.flat().map((p) => p.id);
  return { forth: ids(pages), back: ids(back) };
}

describe('a surname filter', () => {
  it('is a query of exactly one Chinese character', () => {
    expect(surnameOf(' 张 ')).toBe('张');
    expect(surnameOf('张三')).toBeNull();
    expect(surnameOf('z')).toBeNull();
    expect(surnameOf('3301')).toBeNull();
    expect(surnameOf('')).toBeNull();
  });

  it('lists the persons of the surname up to the cap, in each column order both ways', async () => {
    expect(ofSurname.length).toBeGreaterThan(100);
    expect(await everyPage(null)).toEqual(inIndexOrder(ofSurname, (p) => p.name, 'asc'));
    for (const field of ['name', 'birthDate', 'updatedAt'] as const) {
      for (const direction of ['asc', 'desc'] as const) {
        expect(await everyPage({ field, direction })).toEqual(
          inIndexOrder(ofSurname, (p) => p[field], direction),
        );
      }
    }
  });

  it('past the cap: its first matches in order, and says it was cut', async () => {
    const cap = 50;
    for (const direction of ['asc', 'desc'] as const) {
      const sort = { field: 'birthDate', direction } as const;
      const want = inIndexOrder(ofSurname, (p) => p.birthDate, direction);
      const ids: string[] = [];
      for (let page = 0; page < 4; page++) {
        const got = await personsGridPage(db, { page, pageSize: 20, sort, filter: surname }, cap);
        expect(got).toMatchObject({ total: cap, limited: true });
        ids.push(...got.rows.map((p) => p.id));
      }
      expect(ids).toEqual(want.slice(0, cap));
    }
  });

  it('opens only the page it shows, deep in a common surname', async () => {
    for (const field of ['name', 'birthDate', 'updatedAt'] as const) {
      counted.reads = 0;
      const got = await personsGridPage(db, {
        page: 5,
        pageSize: 10,
        sort: { field, direction: 'desc' },
        filter: surname,
      });
      expect(got.rows).toHaveLength(10);
      // The page, and the cursor's stop where it skipped to (the offset).
      expect(counted.reads).toBeLessThanOrEqual(11);
    }
  });

  it('pages on from the row shown, in each column order both ways, past the cap', async () => {
    const sorts: Sort[] = [null];
    for (const field of ['name', 'birthDate', 'updatedAt'] as const) {
      for (const direction of ['asc', 'desc'] as const) sorts.push({ field, direction });
    }
    for (const sort of sorts) {
      const want = inIndexOrder(
        ofSurname,
        (p) => p[sort?.field ?? 'name'],
        sort?.direction ?? 'asc',
      );
      expect(await walkByAnchor(surname, sort, 23)).toEqual({ forth: want, back: want });
    }
  });

  it('pages through persons sharing one birth date and one last change (ties)', async () => {
    const sample = ofSurname[0] as Person;
    const tied = Array.from({ length: 30 }, (_, i) => ({
      ...sample,
      id: newRecordId(),
      name: `蔺${String.fromCharCode(0x4e00 + (i % 3))}`,
      birthDate: '1950-05-05',
      updatedAt: '2026-02-02T00:00:00.000Z',
    }));
    await db.persons.bulkAdd(tied);
    try {
      for (const field of ['name', 'birthDate', 'updatedAt'] as const) {
        for (const direction of ['asc', 'desc'] as const) {
          const want = inIndexOrder(tied, (p) => p[field], direction);
          expect(await walkByAnchor('蔺', { field, direction }, 4)).toEqual({
            forth: want,
            back: want,
          });
        }
      }
    } finally {
      await db.persons.bulkDelete(tied.map((p) => p.id));
    }
  });

  it('opens only the page it shows when paging on from a row, deep in a common surname', async () => {
    const sort = { field: 'birthDate', direction: 'asc' } as const;
    const deep = inIndexOrder(ofSurname, (p) => p.birthDate, 'asc')[90] as string;
    const row = (await db.persons.get(deep)) as PageAnchor['row'];
    counted.reads = 0;
    const got = await personsGridPage(db, {
      page: 9,
      pageSize: 10,
      sort,
      filter: surname,
      anchor: { row, direction: 'next' },
      totalLater: true,
    });
    expect(got.rows.map((p) => p.id)).toEqual(
      inIndexOrder(ofSurname, (p) => p.birthDate, 'asc').slice(91, 101),
    );
    expect(counted.reads).toBeLessThanOrEqual(10);
  });

  it('a row of another surname, or without the sorted value, is no anchor: counted from the start', async () => {
    const other = all.find((p) => nameHeadOf(p.name) !== surname) as Person;
    const byName = inIndexOrder(ofSurname, (p) => p.name, 'asc');
    const foreign = await personsGridPage(db, {
      page: 1,
      pageSize: 10,
      sort: { field: 'name', direction: 'asc' },
      filter: surname,
      anchor: { row: { ...other } as PageAnchor['row'], direction: 'next' },
    });
    expect(foreign.rows.map((p) => p.id)).toEqual(byName.slice(10, 20));
    const { birthDate: _gone, ...noBirth } = ofSurname[5] as Person;
    const byBirth = await personsGridPage(db, {
      page: 1,
      pageSize: 10,
      sort: { field: 'birthDate', direction: 'asc' },
      filter: surname,
      anchor: { row: noBirth as PageAnchor['row'], direction: 'next' },
    });
    expect(byBirth.rows.map((p) => p.id)).toEqual(
      inIndexOrder(ofSurname, (p) => p.birthDate, 'asc').slice(10, 20),
    );
  });

  it('for the table, hands back the page first and its total after it, cut or not', async () => {
    const query = { page: 0, pageSize: 7, sort: null, filter: surname, totalLater: true };
    const cut = await personsGridPage(db, query, 50);
    expect(cut).toMatchObject({ total: -1, hasMore: true, limited: false });
    expect(cut.rows.map((p) => p.id)).toEqual(
      inIndexOrder(ofSurname, (p) => p.name, 'asc').slice(0, 7),
    );
    expect(await cut.totalLater).toEqual({ total: 50, limited: true });
    const whole = await personsGridPage(db, query, 10_000);
    expect(await whole.totalLater).toEqual({ total: ofSurname.length, limited: false });
  });

  it('a live next page sees a person of the surname added before its anchor (the total moves)', async () => {
    const sort = { field: 'birthDate', direction: 'asc' } as const;
    const first = await personsGridPage(
      db,
      { page: 0, pageSize: 20, sort, filter: surname },
      10_000,
    );
    const query = {
      page: 1,
      pageSize: 20,
      sort,
      filter: surname,
      anchor: { row: first.last as PageAnchor['row'], direction: 'next' as const },
      totalLater: true,
    };
    const live = liveTotals(async () => {
      const page = await personsGridPage(db, query, 10_000);
      return (await page.totalLater)?.total ?? page.total;
    }, ofSurname.length + 1);
    // Born before everyone: before the anchor, outside the range the page itself read.
    const added = { ...(ofSurname[0] as Person), id: newRecordId(), birthDate: '1900-01-01' };
    try {
      // The list as it was, answered before the change.
      await live.answered;
      await db.persons.add(added);
      await live.reached;
    } finally {
      live.stop();
      await db.persons.delete(added.id);
    }
    expect(live.totals[0]).toBe(ofSurname.length);
  });

  it('a live first page hears of a person renamed out of the surname off the page (a sync’s put)', async () => {
    const query = {
      page: 0,
      pageSize: 20,
      sort: { field: 'birthDate', direction: 'asc' } as const,
      filter: surname,
      totalLater: true,
    };
    const live = liveTotals(async () => {
      const page = await personsGridPage(db, query, 10_000);
      return (await page.totalLater)?.total ?? page.total;
    }, ofSurname.length - 1);
    // The youngest of the surname: far past the page, and renamed as a pull writes it
    // (a put of the whole record: Dexie does not see the row it replaces).
    const youngest = all.find(
      (p) => p.id === inIndexOrder(ofSurname, (q) => q.birthDate, 'desc')[0],
    ) as Person;
    const other = all.find((p) => nameHeadOf(p.name) !== surname)?.name[0] ?? '';
    try {
      await live.answered;
      await db.persons.put({ ...youngest, name: `${other}改名` });
      await live.reached;
    } finally {
      live.stop();
      await db.persons.put(youngest);
    }
    expect(live.totals[0]).toBe(ofSurname.length);
  });

  it('follows a rename: the person leaves one surname and joins the other', async () => {
    const person = ofSurname[0] as Person;
    const other = all.find((p) => nameHeadOf(p.name) !== surname)?.name[0] ?? '';
    const page = (filter: string) =>
      personsGridPage(db, {
        page: 0,
        pageSize: 1000,
        sort: { field: 'birthDate', direction: 'asc' },
        filter,
      });
    await db.persons.update(person.id, { name: `${other}改名` });
    try {
      expect((await page(surname)).rows.map((p) => p.id)).not.toContain(person.id);
      expect((await page(other)).rows.map((p) => p.id)).toContain(person.id);
    } finally {
      await db.persons.update(person.id, { name: person.name });
    }
    expect((await page(surname)).rows.map((p) => p.id)).toContain(person.id);
  });

  it('leaves a tombstone out of the page; the total counts it, as every index-range list does', async () => {
    const gone = ofSurname[3] as Person;
    await db.persons.update(gone.id, { deleted: true });
    try {
      const got = await personsGridPage(db, {
        page: 0,
        pageSize: 1000,
        sort: { field: 'updatedAt', direction: 'asc' },
        filter: surname,
      });
      expect(got.rows.map((p) => p.id)).toEqual(
        inIndexOrder(ofSurname, (p) => p.updatedAt, 'asc').filter((id) => id !== gone.id),
      );
      expect(got.total).toBe(ofSurname.length);
    } finally {
      await db.persons.update(gone.id, { deleted: false });
    }
  });

  it('exports every person of the surname, more than one export page', async () => {
    const source = personsSource(db, surname, { field: 'birthDate', direction: 'asc' });
    const ids: string[] = [];
    for await (const rows of source.pages()) ids.push(...rows.map((r) => r.person.id));
    expect(ids).toEqual(inIndexOrder(ofSurname, (p) => p.birthDate, 'asc'));
  });
});

describe('the store field behind it', () => {
  it('never reaches a record, and a value a caller put is replaced by the name’s', async () => {
    const person = ofSurname[1] as Person;
    expect(await db.persons.get(person.id)).not.toHaveProperty('nameHead');
    await db.persons.put({ ...person, nameHead: '假' } as Person);
    const raw = (await rawRows(db.name)).persons?.find((r) => (r as Person).id === person.id);
    expect(raw).toMatchObject({ nameHead: surname });
  });

  it('edited in the profile to hide a person from a surname, the row is refused, not read', async () => {
    const person = ofSurname[2] as Person;
    const raw = (await rawRows(db.name)).persons?.find((r) => (r as Person).id === person.id);
    await rawPut(db.name, 'persons', { ...(raw as object), nameHead: '假' });
    await expect(db.persons.get(person.id)).rejects.toThrow(/does not match its clear fields/);
    await rawPut(db.name, 'persons', raw);
    expect((await db.persons.get(person.id))?.name).toBe(person.name);
  });

  it('is written by a store that seals nothing too (the bench’s raw baseline)', async () => {
    const plain = new DeskDatabase(`plain-${newRecordId()}`, latestSchemaVersion, { plain: true });
    await plain.open();
    const person = ofSurname[4] as Person;
    await plain.persons.put({ ...person, nameHead: '假' } as Person);
    const raw = (await rawRows(plain.name)).persons?.[0];
    expect(raw).toMatchObject({ nameHead: surname, idNumber: person.idNumber });
    const got = await personsGridPage(plain, {
      page: 0,
      pageSize: 10,
      sort: { field: 'birthDate', direction: 'asc' },
      filter: surname,
    });
    expect(got.rows.map((p) => p.id)).toEqual([person.id]);
    plain.close();
  });
});
