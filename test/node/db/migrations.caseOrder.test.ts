import { describe, expect, it } from 'vitest';
import { newRecordId } from '@shared/records/ids';
import { DeskDatabase } from '../../../renderer/src/db/database';
import { casesGridPage } from '../../../renderer/src/db/repositories/grid/casesGrid';
import { caseOrderSchemaVersion } from '../../../renderer/src/db/tables/caseOrderTables';
import { rawRows } from '../atRest/rawStore';
import { anchorOn, idsOf } from './pagedIds';
import { storedIndexNames } from './storedIndexes';

/**
 * v20 → v21 (issue #15 item 4): the indexes the cases list pages by end with the id, as
 * v19 and v20 did for persons and households. IndexedDB fills the new indexes from the
 * cases already stored (sealed, their index fields in the clear) and drops the old ones;
 * the cases still open, and the page after any of them is one range read, however many
 * share its applicant's name, application date or last change.
 */
const indexNames = (name: string) => storedIndexNames(name, 'cases');

const orders = ['applicantName', 'applicationDate', 'updatedAt'] as const;
const noFilter = { today: '2026-12-07' };

describe('schema v21: the cases list orders ending with the id', () => {
  it('is version 21 and only re-declares cases, each list order ending with the id, the rest kept', () => {
    expect(caseOrderSchemaVersion.version).toBe(21);
    expect(Object.keys(caseOrderSchemaVersion.stores)).toEqual(['cases']);
    const indexes = (caseOrderSchemaVersion.stores.cases ?? '').split(/,\s*/);
    for (const order of orders) {
      expect(indexes).toContain(`[${order}+id]`);
      expect(indexes).not.toContain(order);
    }
    for (const kept of ['status', '[programme+status]', '[status+decisionDue]', 'reviewDue']) {
      expect(indexes).toContain(kept);
    }
  });

  it('v20 → v21: the stored cases are in the new indexes, the old gone, and page on from any row', async () => {
    const name = `mig-${newRecordId()}`;
    const v20 = new DeskDatabase(name, 20);
    await v20.open();
    // Twelve cases of one applicant, applied on one day, written at once (ties).
    const ids = Array.from({ length: 12 }, (_, i) => `c${String(i).padStart(2, '0')}`);
    await v20.cases.bulkAdd(
      ids.map((id) => ({
        id,
        householdId: 'h1',
        status: 'applied',
        programme: 'dibao',
        coveredPersonIds: [],
        searchTokens: [],
        applicantName: '张伟',
        applicationDate: '2026-11-02',
        reason: '因病致贫',
        updatedAt: '2026-11-02T08:00:00.000Z',
      })) as never[],
    );
    v20.close();
    expect(await indexNames(name)).toContain('applicationDate');

    const v21 = new DeskDatabase(name);
    await v21.open();
    const names = await indexNames(name);
    expect(names).toEqual(expect.arrayContaining(orders.map((order) => `[${order}+id]`)));
    for (const old of orders) expect(names).not.toContain(old);
    const raw = (await rawRows(name)).cases as Record<string, unknown>[];
    expect(raw.every((r) => r._sealed instanceof Uint8Array)).toBe(true);

    for (const field of orders) {
      for (const direction of ['asc', 'desc'] as const) {
        const order = direction === 'asc' ? ids : [...ids].reverse();
        const sort = { field, direction };
        const first = await casesGridPage(v21, { page: 0, pageSize: 5, sort, filter: noFilter });
        expect(idsOf(first)).toEqual(order.slice(0, 5));
        const next = await casesGridPage(v21, {
          page: 1,
          pageSize: 5,
          sort,
          filter: noFilter,
          anchor: anchorOn(first),
        });
        expect(idsOf(next)).toEqual(order.slice(5, 10));
        expect(next.rows[0]).toMatchObject({ reason: '因病致贫' });
      }
    }
    v21.close();
  });
});
