import { describe, expect, it } from 'vitest';
import { newRecordId } from '@shared/records/ids';
import { DeskDatabase } from '../../../renderer/src/db/database';
import { elderlyCareSchemaVersion } from '../../../renderer/src/db/tables/elderlyCareTables';

/** v3 → v4: the 养老 tables arrive empty with their indexes; nothing older is touched. */
async function openAt(name: string, version: number) {
  const db = new DeskDatabase(name, version);
  await db.open();
  return db;
}

const indexNames = (db: DeskDatabase, table: string) =>
  db
    .table(table)
    .schema.indexes.map((i) => i.name)
    .sort();

describe('schema migration v3 → v4 (elderly care)', () => {
  it('adds every elderly-care table with its indexes and keeps persons and the queue', async () => {
    const name = `mig-${newRecordId()}`;
    const v3 = await openAt(name, 3);
    await v3
      .table('persons')
      .add({ id: 'p1', idNumber: 'X', searchTokens: ['zsf'], updatedAt: 'x' });
    await v3.table('queue').add({ seq: 1, opId: 'op-1', recordId: 'p1' });
    v3.close();

    const v4 = await openAt(name, 4);
    expect(v4.verno).toBe(4);
    const tables = v4.tables.map((t) => t.name);
    for (const table of Object.keys(elderlyCareSchemaVersion.stores)) {
      expect(tables).toContain(table);
      expect(await v4.table(table).count()).toBe(0);
    }
    expect(indexNames(v4, 'elderlyStays')).toEqual(['bedId', 'institutionId', 'residentId']);
    expect(indexNames(v4, 'elderlyMovements')).toEqual([
      'bedIds',
      'date',
      'institutionId',
      'residentId',
    ]);
    expect(indexNames(v4, 'elderlyResidents')).toEqual(['personId', 'searchTokens', 'updatedAt']);
    expect(await v4.table('persons').get('p1')).toMatchObject({ idNumber: 'X' });
    expect(await v4.table('queue').count()).toBe(1);
    v4.close();
  });
});
