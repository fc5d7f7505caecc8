import { describe, expect, it } from 'vitest';
import { newRecordId } from '@shared/records/ids';
import { DeskDatabase } from '../../../renderer/src/db/database';
import { latestSchemaVersion, schemaVersions } from '../../../renderer/src/db/schema';

/**
 * One test per schema version: open the database at the version before, write data
 * the way that version stored it, upgrade, and compare.
 */
async function openAt(name: string, version: number) {
  const db = new DeskDatabase(name, version);
  await db.open();
  return db;
}

function indexNames(db: DeskDatabase, table: string): string[] {
  return db
    .table(table)
    .schema.indexes.map((i) => i.name)
    .sort();
}

describe('schema migrations', () => {
  it('declares versions in order, ending at the latest', () => {
    expect(schemaVersions.map((v) => v.version)).toEqual(schemaVersions.map((_, i) => i + 1));
    expect(latestSchemaVersion).toBe(schemaVersions.length);
  });

  it('v1: a fresh database has every core table', async () => {
    const db = await openAt(`mig-${newRecordId()}`, 1);
    expect(db.tables.map((t) => t.name).sort()).toEqual(
      [
        'benefitStandards',
        'calendarYears',
        'caseEvents',
        'cases',
        'households',
        'meta',
        'persons',
        'queue',
        'users',
      ].sort(),
    );
    expect(indexNames(db, 'persons')).toEqual([
      'householdId',
      'idNumber',
      'searchTokens',
      'updatedAt',
    ]);
    db.close();
  });

  it('v1 → v2: adds drafts and the due-date index, keeping every case and backfilling decisionDue', async () => {
    const name = `mig-${newRecordId()}`;
    const v1 = await openAt(name, 1);
    const oldCase = {
      id: 'case-1',
      status: 'accepted',
      householdId: 'h1',
      coveredPersonIds: ['p1'],
      searchTokens: ['zsf'],
      updatedAt: 'x',
    };
    await v1.table('cases').add(oldCase);
    await v1.table('queue').add({ seq: 1, opId: 'op-1', recordId: 'case-1' });
    v1.close();

    const v2 = await openAt(name, 2);
    expect(v2.verno).toBe(2);
    expect(await v2.table('cases').get('case-1')).toEqual({ ...oldCase, decisionDue: null });
    expect(await v2.table('queue').count()).toBe(1);
    expect(indexNames(v2, 'cases')).toContain('decisionDue');
    await v2.drafts.put({ key: 'householdForm', value: { a: 1 }, updatedAt: 'now' });
    expect((await v2.drafts.get('householdForm'))?.value).toEqual({ a: 1 });
    v2.close();
  });
  it('v2 → v3: adds the revisions table and keeps the queue', async () => {
    const name = `mig-${newRecordId()}`;
    const v2 = await openAt(name, 2);
    await v2.table('queue').add({ seq: 1, opId: 'op-1', recordId: 'r-1' });
    v2.close();

    const v3 = await openAt(name, 3);
    expect(v3.tables.map((t) => t.name)).toContain('revisions');
    expect(indexNames(v3, 'revisions')).toEqual(['[kind+recordId]']);
    expect(await v3.table('queue').count()).toBe(1);
    v3.close();
  });
});
