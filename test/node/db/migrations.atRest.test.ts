import { describe, expect, it } from 'vitest';
import { newRecordId } from '@shared/records/ids';
import { DeskDatabase } from '../../../renderer/src/db/database';
import { searchPersons } from '../../../renderer/src/db/repositories/persons';
import { atRestSchemaVersion } from '../../../renderer/src/db/tables/atRestTables';
import { rawRows } from '../atRest/rawStore';

/**
 * v15 → v16 (issue #16 item 1): an existing desk's plaintext rows are sealed in place the
 * first time the store opens with its key, and found by ID as before.
 */
describe('schema v16: sealed at rest', () => {
  it('is version 16 and only re-declares persons with the ID-prefix token index', () => {
    expect(atRestSchemaVersion.version).toBe(16);
    expect(Object.keys(atRestSchemaVersion.stores)).toEqual(['persons']);
    expect(atRestSchemaVersion.stores.persons).toContain('*idPrefixes');
    expect(atRestSchemaVersion.upgrade).toBeUndefined();
  });

  it('v15 → v16: every plain personal row is sealed, queue and drafts included; reference data stays clear', async () => {
    const name = `mig-${newRecordId()}`;
    const v15 = new DeskDatabase(name, 15);
    await v15.open();
    const idNumber = '330102199001011234';
    await v15.table('persons').add({
      id: 'p1',
      name: '王五',
      idNumber,
      phone: '13700001111',
      birthDate: '1990-01-01',
      householdId: 'h1',
      searchTokens: ['王五', 'ww'],
      idTails: ['1234', '011234'],
      updatedAt: 'a',
    });
    await v15.table('queue').add({
      seq: 1,
      opId: 'o1',
      recordId: 'p1',
      kind: 'person',
      fields: { idNumber, phone: '13700001111' },
    });
    await v15.table('drafts').add({ key: 'person:new', value: { idNumber }, updatedAt: 'a' });
    await v15
      .table('benefitStandards')
      .add({ id: 's1', areaCode: '330102', category: 'rural', amountFen: 63200 });
    // 1,200 more persons: sealing goes page by page.
    await v15.table('persons').bulkAdd(
      Array.from({ length: 1200 }, (_, i) => ({
        id: `q${String(i).padStart(5, '0')}`,
        name: '某',
        idNumber: `3301022000010${String(i).padStart(5, '0')}`,
        searchTokens: [],
        idTails: [],
        updatedAt: 'a',
      })),
    );
    expect(JSON.stringify(await rawRows(name))).toContain('13700001111');
    v15.close();

    const v16 = new DeskDatabase(name);
    await v16.open();
    const raw = await rawRows(name);
    const stored = JSON.stringify(raw);
    expect(stored).not.toContain(idNumber);
    expect(stored).not.toContain('13700001111');
    expect(stored).not.toContain('330102200001000042');
    expect(
      raw.persons?.every((row) => (row as { _sealed?: unknown })._sealed instanceof Uint8Array),
    ).toBe(true);
    expect(raw.benefitStandards?.[0]).toMatchObject({ amountFen: 63200 });
    // Read as before, and found by ID through the new tokens.
    expect(await v16.persons.get('p1')).toMatchObject({ idNumber, phone: '13700001111' });
    expect((await v16.queue.get(1))?.fields).toEqual({ idNumber, phone: '13700001111' });
    expect((await v16.drafts.get('person:new'))?.value).toEqual({ idNumber });
    expect((await searchPersons(v16, '330102199001')).map((p) => p.id)).toEqual(['p1']);
    expect((await searchPersons(v16, '1234')).map((p) => p.id)).toContain('p1');
    expect((await searchPersons(v16, '3301022000010001')).length).toBe(50);
    expect(await v16.persons.count()).toBe(1201);
    v16.close();
  });
});
