import { newRecordId } from '@shared/records/ids';
import { DeskDatabase } from '../../../renderer/src/db/database';
import type { Person } from '../../../renderer/src/db/repositories/persons';
import { generateOffice, RecordStamper } from '../../bench/generator';
import { countReads } from './countReads';

/**
 * A desk store on fake-indexeddb holding a generated office of `size` persons (and their
 * households), each updated at its own time so the updatedAt order means something; a
 * DBCore middleware counts the persons read (countReads.ts).
 */
export async function openGridOffice(size: number): Promise<{ db: DeskDatabase; all: Person[] }> {
  const db = new DeskDatabase(`grid-${newRecordId()}`);
  db.use({ stack: 'dbcore', name: 'countReads', create: countReads('persons') });
  await db.open();
  const stamper = new RecordStamper(
    'office-chengguan',
    'dev-x',
    { userId: 'u', name: '管理员', role: 'admin' } as never,
    Date.now(),
  );
  const office = generateOffice(3, { persons: size, cases: 0 }, stamper);
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
