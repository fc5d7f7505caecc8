import type { DBCore, Middleware } from 'dexie';
import { newRecordId } from '@shared/records/ids';
import { DeskDatabase } from '../../../renderer/src/db/database';
import type { Person } from '../../../renderer/src/db/repositories/persons';
import { generateOffice, RecordStamper } from '../../bench/generator';
import { countReads } from './countReads';

/**
 * A desk store on fake-indexeddb, its reads of `table` counted (countReads.ts) and any
 * other counting middleware added, opened.
 */
export async function openCountedStore(
  name: string,
  table: string | null,
  ...more: Middleware<DBCore>[]
): Promise<DeskDatabase> {
  const db = new DeskDatabase(`${name}-${newRecordId()}`);
  if (table) db.use({ stack: 'dbcore', name: 'countReads', create: countReads(table) });
  for (const middleware of more) db.use(middleware);
  await db.open();
  return db;
}

/** The stamper the grid tests generate their offices with. */
export function gridStamper(): RecordStamper {
  return new RecordStamper(
    'office-chengguan',
    'dev-x',
    { userId: 'u', name: '管理员', role: 'admin' } as never,
    Date.now(),
  );
}

/**
 * A desk store holding a generated office of `size` persons (and their households), each
 * updated at its own time so the updatedAt order means something; the persons read are
 * counted (countReads.ts).
 */
export async function openGridOffice(size: number): Promise<{ db: DeskDatabase; all: Person[] }> {
  const db = await openCountedStore('grid', 'persons');
  const office = generateOffice(3, { persons: size, cases: 0 }, gridStamper());
  await db.households.bulkAdd(
    office.filter((r) => r.kind === 'household').map((r) => r.record) as never[],
  );
  const persons = office
    .filter((r) => r.kind === 'person')
    .map((r, i) => ({
      ...r.record,
      updatedAt: new Date(Date.UTC(2026, 0, 1) + ((i * 7919) % size) * 60_000).toISOString(),
    })) as unknown as Person[];
  await db.persons.bulkAdd(persons);
  return { db, all: await db.persons.toArray() };
}

/** IndexedDB's order of rows by one key: the key, then the primary key. */
export function inIndexOrder<R extends { id: string }>(
  rows: readonly R[],
  key: (row: R) => string,
  direction: 'asc' | 'desc',
): string[] {
  const sorted = [...rows].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    return x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
  if (direction === 'desc') sorted.reverse();
  return sorted.map((r) => r.id);
}
