import { describe, expect, it } from 'vitest';
import { newRecordId } from '@shared/records/ids';
import { DeskDatabase } from '../../../renderer/src/db/database';
import { personsGridPage } from '../../../renderer/src/db/repositories/grid/personsGrid';
import { nameHeadSchemaVersion } from '../../../renderer/src/db/tables/nameHeadTables';
import { rawRows } from '../atRest/rawStore';

/**
 * v16 → v17 (issue #15 item 4): the surname indexes. The upgrade fills `nameHead` into the
 * persons a desk already holds, sealed, before any key is loaded; they still open, and a
 * surname's page is read from the new index in order.
 */
describe('schema v17: surname indexes', () => {
  it('is version 17 and only re-declares persons with the two surname indexes', () => {
    expect(nameHeadSchemaVersion.version).toBe(17);
    expect(Object.keys(nameHeadSchemaVersion.stores)).toEqual(['persons']);
    expect(nameHeadSchemaVersion.stores.persons).toContain('[nameHead+birthDate]');
    expect(nameHeadSchemaVersion.stores.persons).toContain('[nameHead+updatedAt]');
  });

  it('v16 → v17: sealed persons get their surname in the index, open as before and page in order', async () => {
    const name = `mig-${newRecordId()}`;
    const v16 = new DeskDatabase(name, 16);
    await v16.open();
    const births = ['1990-05-01', '1950-01-02', '1972-11-30', '2001-07-07'];
    await v16.persons.bulkAdd(
      births.map((birthDate, i) => ({
        id: `p${i}`,
        name: i === 3 ? '李四' : `张${'一二三'[i] ?? ''}`,
        idNumber: `33010219900101123${i}`,
        phone: '13700001111',
        birthDate,
        householdId: 'h1',
        searchTokens: [],
        idTails: [],
        updatedAt: `2026-01-0${i + 1}`,
      })) as never[],
    );
    const before = await rawRows(name);
    expect(before.persons?.every((r) => !('nameHead' in (r as object)))).toBe(true);
    v16.close();

    const v17 = new DeskDatabase(name);
    await v17.open();
    const after = (await rawRows(name)).persons as Record<string, unknown>[];
    expect(after.map((r) => r.nameHead)).toEqual(['张', '张', '张', '李']);
    // Still sealed, still opening, and the record read back has no store field in it.
    expect(after.every((r) => r._sealed instanceof Uint8Array)).toBe(true);
    const p0 = await v17.persons.get('p0');
    expect(p0).toMatchObject({ phone: '13700001111', idNumber: '330102199001011230' });
    expect(p0).not.toHaveProperty('nameHead');
    const page = await personsGridPage(v17, {
      page: 0,
      pageSize: 10,
      sort: { field: 'birthDate', direction: 'asc' },
      filter: '张',
    });
    expect(page.rows.map((p) => p.birthDate)).toEqual(['1950-01-02', '1972-11-30', '1990-05-01']);
    expect(page.total).toBe(3);
    v17.close();
  });
});
