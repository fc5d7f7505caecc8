import { describe, expect, it } from 'vitest';
import { newRecordId } from '@shared/records/ids';
import { DeskDatabase } from '../../../renderer/src/db/database';
import { packageSchemaVersion } from '../../../renderer/src/db/tables/packageTables';

/** v5 → v6 (the sync-package history), as the other migration tests do. */
describe('schema v6: sync package history', () => {
  it('is version 6 and only adds the packages table', () => {
    expect(packageSchemaVersion.version).toBe(6);
    expect(Object.keys(packageSchemaVersion.stores)).toEqual(['packages']);
    expect(packageSchemaVersion.upgrade).toBeUndefined();
  });

  it('v5 → v6: adds the table with its index and keeps the queue and records', async () => {
    const name = `mig-${newRecordId()}`;
    const v5 = new DeskDatabase(name, 5);
    await v5.open();
    expect(v5.tables.map((t) => t.name)).not.toContain('packages');
    await v5.table('persons').add({ id: 'p1', idNumber: 'X', searchTokens: [], updatedAt: 'x' });
    await v5.table('queue').add({ seq: 1, opId: 'op-1', recordId: 'p1' });
    v5.close();

    const v6 = new DeskDatabase(name, 6);
    await v6.open();
    expect(v6.verno).toBe(6);
    expect(v6.table('packages').schema.indexes.map((i) => i.name)).toEqual(['at']);
    expect(await v6.table('persons').get('p1')).toMatchObject({ idNumber: 'X' });
    expect(await v6.table('queue').count()).toBe(1);
    v6.close();
  });
});
