import { describe, expect, it } from 'vitest';
import { newRecordId } from '@shared/records/ids';
import { DeskDatabase } from '../../../renderer/src/db/database';
import { idTailSchemaVersion } from '../../../renderer/src/db/tables/idTailTables';
import { residentId } from '../../fakes/deskFixtures';

/** v8 → v9 (ID-tail search), as the other migration tests do. */
describe('schema v9: ID tails', () => {
  it('is version 9 and only re-declares the persons table with the tail index', () => {
    expect(idTailSchemaVersion.version).toBe(9);
    expect(Object.keys(idTailSchemaVersion.stores)).toEqual(['persons']);
  });

  it('v8 → v9: fills the tails of every stored person, so an old registry is found by tail', async () => {
    const name = `mig-${newRecordId()}`;
    const v8 = new DeskDatabase(name, 8);
    await v8.open();
    // As v8 stored persons: no idTails.
    const withX = residentId('110105', '1949-12-31', '002');
    const plain = residentId('330102', '1960-05-04', '013');
    await v8.table('persons').bulkAdd([
      { id: 'p1', name: '王晓', idNumber: withX, searchTokens: ['王晓'], updatedAt: 'x' },
      { id: 'p2', name: '张三丰', idNumber: plain, searchTokens: ['zsf'], updatedAt: 'x' },
      { id: 'p3', name: '无号', searchTokens: [], updatedAt: 'x' },
    ]);
    await v8.table('queue').add({ seq: 1, opId: 'op-1', recordId: 'p1' });
    await v8.table('staff').add({ id: 'user-admin', username: 'admin' });
    v8.close();

    const v9 = new DeskDatabase(name, 9);
    await v9.open();
    expect(v9.verno).toBe(9);
    expect(
      v9
        .table('persons')
        .schema.indexes.map((i) => i.name)
        .sort(),
    ).toEqual(['householdId', 'idNumber', 'idTails', 'searchTokens', 'updatedAt']);
    expect(v9.table('persons').schema.idxByName.idTails?.multi).toBe(true);
    expect(await v9.table('persons').get('p1')).toMatchObject({
      idNumber: withX,
      idTails: ['002X', '31002X'],
      searchTokens: ['王晓'],
    });
    expect(await v9.table('persons').get('p3')).toMatchObject({ idTails: [] });
    // By the tail index alone: the search's ID-prefix tokens came with schema 16.
    const byTail = async (tail: string) =>
      (await v9.table('persons').where('idTails').equals(tail).toArray()).map((p) => p.id);
    expect(await byTail(plain.slice(-4))).toEqual(['p2']);
    expect(await byTail('31002X')).toEqual(['p1']);
    // Everything else is kept.
    expect(await v9.table('queue').count()).toBe(1);
    expect(await v9.table('staff').count()).toBe(1);
    v9.close();
  });
});
