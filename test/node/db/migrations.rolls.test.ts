import { describe, expect, it } from 'vitest';
import { newRecordId } from '@shared/records/ids';
import { DeskDatabase } from '../../../renderer/src/db/database';
import { rollSchemaVersion } from '../../../renderer/src/db/tables/rollTables';

/** v11 → v12 (payment rolls and payee accounts), as the other migration tests do. */
describe('schema v12: rolls', () => {
  it('is version 12 and adds three stores, rewriting nothing', () => {
    expect(rollSchemaVersion.version).toBe(12);
    expect(Object.keys(rollSchemaVersion.stores).sort()).toEqual([
      'payeeAccounts',
      'paymentRolls',
      'rollUnpaid',
    ]);
    expect(rollSchemaVersion.upgrade).toBeUndefined();
  });

  it('v11 → v12: cases and the queue stay; rolls are found by programme and month', async () => {
    const name = `mig-${newRecordId()}`;
    const v11 = new DeskDatabase(name, 11);
    await v11.open();
    await v11.table('cases').add({ id: 'c1', programme: 'dibao', status: 'active' });
    await v11.table('queue').add({ seq: 1, opId: 'op-1', recordId: 'c1' });
    v11.close();

    const v12 = new DeskDatabase(name, 12);
    await v12.open();
    expect(v12.verno).toBe(12);
    expect(await v12.table('cases').count()).toBe(1);
    expect(await v12.table('queue').count()).toBe(1);
    await v12.table('paymentRolls').add({ id: 'r1', programme: 'dibao', month: '2026-07' });
    await v12.table('payeeAccounts').add({ id: 'a1', personId: 'p1' });
    await v12.table('rollUnpaid').add({ id: 'u1', rollId: 'r1' });
    const found = await v12
      .table('paymentRolls')
      .where('[programme+month]')
      .equals(['dibao', '2026-07'])
      .toArray();
    expect(found.map((r: { id: string }) => r.id)).toEqual(['r1']);
    expect(await v12.table('payeeAccounts').where('personId').equals('p1').count()).toBe(1);
    expect(await v12.table('rollUnpaid').where('rollId').equals('r1').count()).toBe(1);
    v12.close();
  });
});
