import { describe, expect, it } from 'vitest';
import { newRecordId } from '@shared/records/ids';
import { DeskDatabase } from '../../../renderer/src/db/database';
import { householdsGridPage } from '../../../renderer/src/db/repositories/grid/householdsGrid';
import { householdOrderSchemaVersion } from '../../../renderer/src/db/tables/householdOrderTables';
import { rawRows } from '../atRest/rawStore';
import { anchorOn, idsOf } from './pagedIds';
import { storedIndexNames } from './storedIndexes';

/**
 * v19 → v20 (issue #15 item 4): the indexes the households list pages by end with the
 * id, as v19 did for persons. IndexedDB fills the new indexes from the households
 * already stored (sealed, their index fields in the clear) and drops the old ones; the
 * households still open, and the page after any of them is one range read, however many
 * share its village, head's name or last change.
 */
const indexNames = (name: string) => storedIndexNames(name, 'households');

const orders = ['updatedAt', 'headName', 'villageName'] as const;

describe('schema v20: the households list orders ending with the id', () => {
  it('is version 20 and only re-declares households, each list order ending with the id', () => {
    expect(householdOrderSchemaVersion.version).toBe(20);
    expect(Object.keys(householdOrderSchemaVersion.stores)).toEqual(['households']);
    const indexes = (householdOrderSchemaVersion.stores.households ?? '').split(/,\s*/);
    for (const order of orders) {
      expect(indexes).toContain(`[${order}+id]`);
      expect(indexes).not.toContain(order);
    }
  });

  it('v19 → v20: the stored households are in the new indexes, the old gone, and page on from any row', async () => {
    const name = `mig-${newRecordId()}`;
    const v19 = new DeskDatabase(name, 19);
    await v19.open();
    // Twelve households of one village with one head's name and one last change (ties).
    const ids = Array.from({ length: 12 }, (_, i) => `h${String(i).padStart(2, '0')}`);
    await v19.households.bulkAdd(
      ids.map((id) => ({
        id,
        headPersonId: `p-${id}`,
        headName: '张伟',
        villageName: '解放社区',
        address: '城关镇解放社区1号',
        searchTokens: [],
        updatedAt: '2026-01-01T00:00:00.000Z',
      })) as never[],
    );
    v19.close();
    expect(await indexNames(name)).toContain('villageName');

    const v20 = new DeskDatabase(name);
    await v20.open();
    const names = await indexNames(name);
    expect(names).toEqual(expect.arrayContaining(orders.map((order) => `[${order}+id]`)));
    for (const old of orders) expect(names).not.toContain(old);
    const raw = (await rawRows(name)).households as Record<string, unknown>[];
    expect(raw.every((r) => r._sealed instanceof Uint8Array)).toBe(true);

    // Each tied order, both ways: by id, the page after any row one read past it.
    for (const field of orders) {
      for (const direction of ['asc', 'desc'] as const) {
        const order = direction === 'asc' ? ids : [...ids].reverse();
        const sort = { field, direction };
        const first = await householdsGridPage(v20, { page: 0, pageSize: 5, sort, filter: '' });
        expect(idsOf(first)).toEqual(order.slice(0, 5));
        const next = await householdsGridPage(v20, {
          page: 1,
          pageSize: 5,
          sort,
          filter: '',
          anchor: anchorOn(first),
        });
        expect(idsOf(next)).toEqual(order.slice(5, 10));
        expect(next.rows[0]).toMatchObject({ address: '城关镇解放社区1号' });
      }
    }
    v20.close();
  });
});
