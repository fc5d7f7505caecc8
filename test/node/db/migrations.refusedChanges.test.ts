import { describe, expect, it } from 'vitest';
import { newRecordId } from '@shared/records/ids';
import { DeskDatabase } from '../../../renderer/src/db/database';
import { refusedChangeSchemaVersion } from '../../../renderer/src/db/tables/refusedChangeTables';

/** v6 → v7 (HQ changes the desk refused), as the other migration tests do. */
describe('schema v7: refused HQ changes', () => {
  it('is version 7 and only adds the refusedChanges table', () => {
    expect(refusedChangeSchemaVersion.version).toBe(7);
    expect(Object.keys(refusedChangeSchemaVersion.stores)).toEqual(['refusedChanges']);
    expect(refusedChangeSchemaVersion.upgrade).toBeUndefined();
  });

  it('v6 → v7: adds the table with its index and keeps records, queue, cursor and packages', async () => {
    const name = `mig-${newRecordId()}`;
    const v6 = new DeskDatabase(name, 6);
    await v6.open();
    expect(v6.tables.map((t) => t.name)).not.toContain('refusedChanges');
    await v6.table('persons').add({ id: 'p1', idNumber: 'X', searchTokens: [], updatedAt: 'x' });
    await v6.table('queue').add({ seq: 1, opId: 'op-1', recordId: 'p1' });
    await v6.table('meta').put({ key: 'syncCursor', value: { office: 4, reference: 2 } });
    await v6.table('packages').add({ packageId: 'pk-1', at: '2026-03-02T01:00:00.000Z' });
    v6.close();

    const v7 = new DeskDatabase(name, 7);
    await v7.open();
    expect(v7.verno).toBe(7);
    expect(v7.table('refusedChanges').schema.primKey.name).toBe('id');
    expect(v7.table('refusedChanges').schema.indexes.map((i) => i.name)).toEqual(['refusedAt']);
    expect(await v7.table('refusedChanges').count()).toBe(0);
    expect(await v7.table('persons').get('p1')).toMatchObject({ idNumber: 'X' });
    expect(await v7.table('queue').count()).toBe(1);
    expect(await v7.table('meta').get('syncCursor')).toEqual({
      key: 'syncCursor',
      value: { office: 4, reference: 2 },
    });
    expect(await v7.table('packages').count()).toBe(1);
    v7.close();
  });
});
