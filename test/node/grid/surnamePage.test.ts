import { beforeAll, describe, expect, it } from 'vitest';
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
