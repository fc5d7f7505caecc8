import { describe, expect, it } from 'vitest';
import { newRecordId } from '@shared/records/ids';
import { DeskDatabase } from '../../../renderer/src/db/database';
import { communitySchemaVersion } from '../../../renderer/src/db/tables/communityTables';

/** v4 → v5 (community services and volunteers), as migrations.test.ts does for the others. */
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

const communityTableNames = [
  'communityServices',
  'volunteerActivities',
  'volunteerCertificates',
  'volunteerServices',
  'volunteers',
];

describe('schema v5: community services and volunteers', () => {
  it('is version 5 and only adds tables', () => {
    expect(communitySchemaVersion.version).toBe(5);
    expect(Object.keys(communitySchemaVersion.stores).sort()).toEqual(communityTableNames);
    expect(communitySchemaVersion.upgrade).toBeUndefined();
  });

  it('v4 → v5: adds the community tables with their indexes and keeps existing data', async () => {
    const name = `mig-${newRecordId()}`;
    const v4 = await openAt(name, 4);
    expect(v4.tables.map((t) => t.name)).not.toContain('volunteers');
    await v4
      .table('persons')
      .add({ id: 'p1', idNumber: 'X', searchTokens: ['czy'], updatedAt: 'x' });
    await v4.table('queue').add({ seq: 1, opId: 'op-1', recordId: 'p1' });
    await v4.table('revisions').add({ id: 'person:p1:1', kind: 'person', recordId: 'p1' });
    v4.close();

    const v5 = await openAt(name, 5);
    expect(v5.verno).toBe(5);
    expect(v5.tables.map((t) => t.name)).toEqual(expect.arrayContaining(communityTableNames));
    expect(await v5.table('persons').get('p1')).toMatchObject({ idNumber: 'X' });
    expect(await v5.table('queue').count()).toBe(1);
    expect(await v5.table('revisions').count()).toBe(1);
    expect(indexNames(v5, 'volunteers')).toEqual([
      'personId',
      'searchTokens',
      'updatedAt',
      'volunteerNumber',
    ]);
    expect(indexNames(v5, 'volunteerServices')).toEqual([
      'activityId',
      'startAt',
      'updatedAt',
      'volunteerId',
    ]);
    expect(indexNames(v5, 'communityServices')).toEqual([
      'servedPersonIds',
      'startAt',
      'type',
      'updatedAt',
      'volunteerIds',
    ]);
    expect(indexNames(v5, 'volunteerCertificates')).toEqual([
      'certificateNumber',
      'issuedOn',
      'volunteerId',
    ]);
    v5.close();
  });
});
