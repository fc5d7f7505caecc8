import { describe, expect, it } from 'vitest';
import { newRecordId } from '@shared/records/ids';
import { DeskDatabase } from '../../../renderer/src/db/database';
import type { PageAnchor } from '../../../renderer/src/db/repositories/grid/keysetPage';
import { personsGridPage } from '../../../renderer/src/db/repositories/grid/personsGrid';
import { surnameOrderSchemaVersion } from '../../../renderer/src/db/tables/surnameOrderTables';
import { rawRows } from '../atRest/rawStore';

/**
 * v18 → v19 (issue #15 item 4): the surname indexes end with the id. IndexedDB fills the
 * new indexes from the persons already stored (sealed, before any key is loaded) and
 * drops the old ones; the persons still open, and a surname's page after any of them is
 * one range read, ties or not.
 */
function indexNames(name: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onerror = () => reject(open.error ?? new Error('open failed'));
    open.onsuccess = () => {
      const store = open.result.transaction('persons').objectStore('persons');
      resolve(Array.from(store.indexNames));
      open.result.close();
    };
  });
}

describe('schema v19: surname indexes ending with the id', () => {
  it('is version 19 and only re-declares persons, the surname indexes with the id', () => {
    expect(surnameOrderSchemaVersion.version).toBe(19);
    expect(Object.keys(surnameOrderSchemaVersion.stores)).toEqual(['persons']);
    const persons = surnameOrderSchemaVersion.stores.persons;
    expect(persons).toContain('[nameHead+birthDate+id]');
    expect(persons).toContain('[nameHead+updatedAt+id]');
    expect(persons).not.toContain('[nameHead+birthDate]');
    expect(persons).not.toContain('[nameHead+updatedAt]');
  });

  it('v18 → v19: the stored persons are in the new indexes, the old gone, and page on from any row', async () => {
    const name = `mig-${newRecordId()}`;
    const v18 = new DeskDatabase(name, 18);
    await v18.open();
    // Twelve persons of one surname sharing one birth date and one last change (ties),
    // and one of another surname between them by id.
    const ids = Array.from({ length: 13 }, (_, i) => `p${String(i).padStart(2, '0')}`);
    await v18.persons.bulkAdd(
      ids.map((id, i) => ({
        id,
        name: i === 6 ? '李四' : `张${i}`,
        idNumber: `33010219600304${String(100 + i)}X`,
        phone: '13700001111',
        birthDate: '1960-03-04',
        householdId: 'h1',
        searchTokens: [],
        idTails: [],
        updatedAt: '2026-01-01T00:00:00.000Z',
      })) as never[],
    );
    v18.close();
    expect(await indexNames(name)).toContain('[nameHead+birthDate]');

    const v19 = new DeskDatabase(name);
    await v19.open();
    const names = await indexNames(name);
    expect(names).toEqual(
      expect.arrayContaining(['[nameHead+birthDate+id]', '[nameHead+updatedAt+id]']),
    );
    expect(names).not.toContain('[nameHead+birthDate]');
    expect(names).not.toContain('[nameHead+updatedAt]');
    const raw = (await rawRows(name)).persons as Record<string, unknown>[];
    expect(raw.every((r) => r._sealed instanceof Uint8Array)).toBe(true);

    const zhang = ids.filter((_, i) => i !== 6);
    for (const field of ['birthDate', 'updatedAt'] as const) {
      for (const direction of ['asc', 'desc'] as const) {
        const order = direction === 'asc' ? zhang : [...zhang].reverse();
        const sort = { field, direction };
        const first = await personsGridPage(v19, { page: 0, pageSize: 5, sort, filter: '张' });
        expect(first.rows.map((p) => p.id)).toEqual(order.slice(0, 5));
        const row = first.last as PageAnchor['row'];
        const next = await personsGridPage(v19, {
          page: 1,
          pageSize: 5,
          sort,
          filter: '张',
          anchor: { row, direction: 'next' },
        });
        expect(next.rows.map((p) => p.id)).toEqual(order.slice(5, 10));
        expect(next.rows[0]).toMatchObject({ phone: '13700001111' });
      }
    }
    v19.close();
  });
});
