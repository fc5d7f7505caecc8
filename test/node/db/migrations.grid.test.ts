import { describe, expect, it } from 'vitest';
import { newRecordId } from '@shared/records/ids';
import { DeskDatabase } from '../../../renderer/src/db/database';
import { gridSchemaVersion } from '../../../renderer/src/db/tables/gridTables';

/** v14 → v15 (the lists' sort indexes), as the other migration tests do. */
describe('schema v15: grid sort indexes', () => {
  it('is version 15, re-declares the listed stores with their sort indexes, no upgrade', () => {
    expect(gridSchemaVersion.version).toBe(15);
    expect(Object.keys(gridSchemaVersion.stores)).toEqual([
      'persons',
      'households',
      'cases',
      'communityServices',
      'elderlyResidents',
    ]);
    expect(gridSchemaVersion.upgrade).toBeUndefined();
  });

  it('v14 → v15: stored persons and cases sort by the new indexes, still found as before', async () => {
    const name = `mig-${newRecordId()}`;
    const v14 = new DeskDatabase(name, 14);
    await v14.open();
    await v14.table('persons').bulkAdd([
      {
        id: 'p1',
        name: '王五',
        idNumber: '330102199001011234',
        birthDate: '1990-01-01',
        householdId: 'h1',
        searchTokens: ['王五', 'ww'],
        idTails: ['1234', '011234'],
        updatedAt: 'a',
      },
      {
        id: 'p2',
        name: '李四',
        idNumber: '330102198005052345',
        birthDate: '1980-05-05',
        householdId: 'h1',
        searchTokens: ['李四', 'ls'],
        idTails: ['2345', '052345'],
        updatedAt: 'b',
      },
    ]);
    await v14.table('cases').bulkAdd([
      {
        id: 'c1',
        programme: 'dibao',
        status: 'active',
        applicantName: '王五',
        applicationDate: '2026-02-01',
      },
      {
        id: 'c2',
        programme: 'dibao',
        status: 'draft',
        applicantName: '李四',
        applicationDate: '2026-03-01',
      },
    ]);
    await v14.table('communityServices').bulkAdd([
      { id: 's1', type: 'homeVisit', startAt: '2026-02-01T09:00' },
      { id: 's2', type: 'consultation', startAt: '2026-02-02T09:00' },
      { id: 's3', type: 'homeVisit', startAt: '2026-02-03T09:00' },
    ]);
    await v14.table('elderlyResidents').bulkAdd([
      { id: 'r1', personId: 'p1', personName: '王五', searchTokens: ['王五'], updatedAt: 'a' },
      { id: 'r2', personId: 'p2', personName: '李四', searchTokens: ['李四'], updatedAt: 'b' },
    ]);
    await v14.table('households').bulkAdd([
      { id: 'h1', headPersonId: 'p1', headName: '王五', villageName: '西村', searchTokens: [] },
      { id: 'h2', headPersonId: 'p2', headName: '李四', villageName: '东村', searchTokens: [] },
    ]);
    await v14.table('queue').add({ seq: 1, opId: 'op-1', recordId: 'p1' });
    v14.close();

    const v15 = new DeskDatabase(name, 15);
    await v15.open();
    expect(v15.verno).toBe(15);
    const ids = async (index: string) =>
      (await v15.table('persons').orderBy(index).primaryKeys()) as string[];
    // Code-unit order of the names: 李 (U+674E) before 王 (U+738B).
    expect(await ids('name')).toEqual(['p2', 'p1']);
    expect(await ids('birthDate')).toEqual(['p2', 'p1']);
    expect(await v15.table('persons').where('idTails').equals('2345').primaryKeys()).toEqual([
      'p2',
    ]);
    expect(await v15.table('persons').where('householdId').equals('h1').count()).toBe(2);
    const caseIds = async (index: string) =>
      (await v15.table('cases').orderBy(index).primaryKeys()) as string[];
    expect(await caseIds('applicantName')).toEqual(['c2', 'c1']);
    expect(await caseIds('applicationDate')).toEqual(['c1', 'c2']);
    expect(
      await v15
        .table('cases')
        .where('[programme+status]')
        .equals(['dibao', 'active'])
        .primaryKeys(),
    ).toEqual(['c1']);
    const visits = await v15
      .table('communityServices')
      .where('[type+startAt]')
      .between(['homeVisit', '2026-01-01'], ['homeVisit', '2026-12-31T~'])
      .primaryKeys();
    expect(visits).toEqual(['s1', 's3']);
    expect(await v15.table('households').orderBy('headName').primaryKeys()).toEqual(['h2', 'h1']);
    // 东 (U+4E1C) before 西 (U+897F).
    expect(await v15.table('households').orderBy('villageName').primaryKeys()).toEqual([
      'h2',
      'h1',
    ]);
    expect(await v15.table('elderlyResidents').orderBy('personName').primaryKeys()).toEqual([
      'r2',
      'r1',
    ]);
    expect(await v15.table('queue').count()).toBe(1);
    v15.close();
  });
});
