import { describe, expect, it } from 'vitest';
import { newRecordId } from '@shared/records/ids';
import { DeskDatabase } from '../../../renderer/src/db/database';
import { dynamicsSchemaVersion } from '../../../renderer/src/db/tables/dynamicsTables';

/** v11 → v14 (动态管理: recomputations), as the other migration tests do. */
describe('schema v14: dynamics', () => {
  it('is version 14 and adds only the recomputations store', () => {
    expect(dynamicsSchemaVersion.version).toBe(14);
    expect(Object.keys(dynamicsSchemaVersion.stores)).toEqual(['benefitRecomputations']);
    expect(dynamicsSchemaVersion.upgrade).toBeUndefined();
  });

  it('v11 → v14: cases stay found by their next review; recomputations by programme and month', async () => {
    const name = `mig-${newRecordId()}`;
    const v11 = new DeskDatabase(name, 11);
    await v11.open();
    await v11
      .table('cases')
      .add({ id: 'c1', programme: 'dibao', status: 'active', reviewDue: '2026-12-31' });
    await v11.table('queue').add({ seq: 1, opId: 'op-1', recordId: 'c1' });
    v11.close();

    const v14 = new DeskDatabase(name, 14);
    await v14.open();
    expect(v14.verno).toBe(14);
    const due = await v14.table('cases').where('reviewDue').belowOrEqual('2026-12-31').toArray();
    expect(due.map((c: { id: string }) => c.id)).toEqual(['c1']);
    await v14
      .table('benefitRecomputations')
      .add({ id: 'r1', programme: 'dibao', month: '2026-07', status: 'draft' });
    const found = await v14
      .table('benefitRecomputations')
      .where('[programme+month]')
      .equals(['dibao', '2026-07'])
      .toArray();
    expect(found.map((r: { id: string }) => r.id)).toEqual(['r1']);
    expect(await v14.table('queue').count()).toBe(1);
    v14.close();
  });
});
