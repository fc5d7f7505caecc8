import { describe, expect, it } from 'vitest';
import { newRecordId } from '@shared/records/ids';
import { DeskDatabase } from '../../../renderer/src/db/database';
import { medicalSchemaVersion } from '../../../renderer/src/db/tables/medicalTables';

/** → v13 (医疗救助 hand records), as the other migration tests do. */
describe('schema v13: medical coverage', () => {
  it('is version 13 and only adds the hand-records store', () => {
    expect(medicalSchemaVersion.version).toBe(13);
    expect(Object.keys(medicalSchemaVersion.stores)).toEqual(['medicalCoverages']);
    expect(medicalSchemaVersion.upgrade).toBeUndefined();
  });

  it('v11 → v13: stored cases and queue stay; coverage records are found by person', async () => {
    const name = `mig-${newRecordId()}`;
    const v11 = new DeskDatabase(name, 11);
    await v11.open();
    await v11
      .table('cases')
      .add({ id: 'c1', programme: 'dibao', status: 'active', householdId: 'h1' });
    await v11.table('queue').add({ seq: 1, opId: 'op-1', recordId: 'c1' });
    v11.close();

    const v13 = new DeskDatabase(name, 13);
    await v13.open();
    expect(v13.verno).toBe(13);
    expect(await v13.table('cases').count()).toBe(1);
    expect(await v13.table('queue').count()).toBe(1);
    await v13.table('medicalCoverages').add({ id: 'm1', personId: 'p1', category: 'monitored' });
    const found = await v13.table('medicalCoverages').where('personId').equals('p1').toArray();
    expect(found.map((r: { id: string }) => r.id)).toEqual(['m1']);
    v13.close();
  });
});
