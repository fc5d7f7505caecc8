import { describe, expect, it } from 'vitest';
import { newRecordId } from '@shared/records/ids';
import { DeskDatabase } from '../../../renderer/src/db/database';
import { personsGridPage } from '../../../renderer/src/db/repositories/grid/personsGrid';
import { personOrderSchemaVersion } from '../../../renderer/src/db/tables/personOrderTables';
import { rawRows } from '../atRest/rawStore';
import { anchorOn, idsOf } from './pagedIds';
import { storedIndexNames } from './storedIndexes';

/**
 * v18 → v19 (issue #15 item 4): the indexes the persons list pages by end with the id.
 * IndexedDB fills the new indexes from the persons already stored (sealed, before any
 * key is loaded) and drops the old ones; the persons still open, and the page after any
 * of them is one range read, however many share its name, birth date or last change.
 */
const indexNames = (name: string) => storedIndexNames(name, 'persons');

describe('schema v19: surname indexes ending with the id', () => {
  it('is version 19 and only re-declares persons, each list order ending with the id', () => {
    expect(personOrderSchemaVersion.version).toBe(19);
    expect(Object.keys(personOrderSchemaVersion.stores)).toEqual(['persons']);
    const indexes = (personOrderSchemaVersion.stores.persons ?? '').split(/,\s*/);
    for (const order of [
      'name',
      'birthDate',
      'updatedAt',
      'nameHead+birthDate',
      'nameHead+updatedAt',
    ]) {
      expect(indexes).toContain(`[${order}+id]`);
      expect(indexes).not.toContain(order.includes('+') ? `[${order}]` : order);
    }
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
    const added = ['name', 'birthDate', 'updatedAt', 'nameHead+birthDate', 'nameHead+updatedAt'];
    expect(names).toEqual(expect.arrayContaining(added.map((order) => `[${order}+id]`)));
    for (const old of ['name', 'birthDate', 'updatedAt', '[nameHead+birthDate]']) {
      expect(names).not.toContain(old);
    }
    const raw = (await rawRows(name)).persons as Record<string, unknown>[];
    expect(raw.every((r) => r._sealed instanceof Uint8Array)).toBe(true);

    // A surname's list and the whole list, in each tied order both ways: by id.
    const zhang = ids.filter((_, i) => i !== 6);
    for (const [filter, listed] of [
      ['张', zhang],
      ['', ids],
    ] as const) {
      for (const field of ['birthDate', 'updatedAt'] as const) {
        for (const direction of ['asc', 'desc'] as const) {
          const order = direction === 'asc' ? listed : [...listed].reverse();
          const sort = { field, direction };
          const first = await personsGridPage(v19, { page: 0, pageSize: 5, sort, filter });
          expect(idsOf(first)).toEqual(order.slice(0, 5));
          const next = await personsGridPage(v19, {
            page: 1,
            pageSize: 5,
            sort,
            filter,
            anchor: anchorOn(first),
          });
          expect(idsOf(next)).toEqual(order.slice(5, 10));
          expect(next.rows[0]).toMatchObject({ phone: '13700001111' });
        }
      }
    }
    v19.close();
  });
});
