import { describe, expect, it } from 'vitest';
import { newRecordId } from '@shared/records/ids';
import { DeskDatabase } from '../../../renderer/src/db/database';
import { casesGridPage } from '../../../renderer/src/db/repositories/grid/casesGrid';
import { servicesGridPage } from '../../../renderer/src/db/repositories/grid/servicesGrid';
import { volunteersGridPage } from '../../../renderer/src/db/repositories/grid/volunteersGrid';
import { filterOrderSchemaVersion } from '../../../renderer/src/db/tables/filterOrderTables';
import { rawRows } from '../atRest/rawStore';
import { anchorOn, idsOf, pageByPage } from './pagedIds';
import { storedIndexNames } from './storedIndexes';

/**
 * v21 → v22 (issue #15 item 4): the indexes the filtered lists page through — cases by
 * programme and/or status, the service ledger by period and type — and the volunteer
 * ledger's orders end with the id: no list pages next to a row through shared keys.
 * IndexedDB fills them from the rows already stored (sealed, their index fields in the
 * clear) and drops the two they replace; a page of a filter, then the page after its
 * last row (one read past that row's key), is the list in the order it had by offset.
 */
const today = '2026-12-07';

describe('schema v22: the filtered lists ending with the id', () => {
  it('is version 22, re-declares cases, services and volunteers, each order ending with the id', () => {
    expect(filterOrderSchemaVersion.version).toBe(22);
    expect(Object.keys(filterOrderSchemaVersion.stores)).toEqual([
      'cases',
      'communityServices',
      'volunteers',
    ]);
    const cases = (filterOrderSchemaVersion.stores.cases ?? '').split(/,\s*/);
    expect(cases).toEqual(
      expect.arrayContaining(['[programme+status+id]', '[programme+id]', '[status+id]']),
    );
    expect(cases).not.toContain('[programme+status]');
    // Kept: other reads look cases up by these, and v21's list orders.
    for (const kept of ['status', 'programme', '[status+decisionDue]', '[updatedAt+id]']) {
      expect(cases).toContain(kept);
    }
    const services = (filterOrderSchemaVersion.stores.communityServices ?? '').split(/,\s*/);
    expect(services).toEqual(
      expect.arrayContaining(['startAt', '[startAt+id]', '[type+startAt+id]']),
    );
    expect(services).not.toContain('[type+startAt]');
    const volunteers = (filterOrderSchemaVersion.stores.volunteers ?? '').split(/,\s*/);
    expect(volunteers).toEqual(
      expect.arrayContaining(['volunteerNumber', '[volunteerNumber+id]', '[updatedAt+id]']),
    );
    expect(volunteers).not.toContain('updatedAt');
  });

  it('v21 → v22: stored cases and services are in the new indexes and page on from any row', async () => {
    const name = `mig-${newRecordId()}`;
    const v21 = new DeskDatabase(name, 21);
    await v21.open();
    // Twelve cases: dibao active (9), dibao applied (2), tekun active (1), interleaved.
    const ids = Array.from({ length: 12 }, (_, i) => `c${String(i).padStart(2, '0')}`);
    const kindOf = (i: number) =>
      i === 3 || i === 7
        ? { programme: 'dibao', status: 'applied' }
        : i === 5
          ? { programme: 'tekun', status: 'active' }
          : { programme: 'dibao', status: 'active' };
    await v21.cases.bulkAdd(
      ids.map((id, i) => ({
        id,
        householdId: 'h1',
        ...kindOf(i),
        coveredPersonIds: [],
        searchTokens: [],
        applicantName: '张伟',
        applicationDate: '2026-11-02',
        reason: '因病致贫',
        updatedAt: '2026-11-02T08:00:00.000Z',
      })) as never[],
    );
    // Ten home visits, three of them at one time (ties), and a consultation between.
    const services = Array.from({ length: 10 }, (_, i) => ({
      id: `s${String(i).padStart(2, '0')}`,
      type: i === 4 ? 'consultation' : 'home_visit',
      startAt: `2026-03-${String(1 + Math.min(i, 6)).padStart(2, '0')}T09:00`,
      servedPersonIds: [],
      volunteerIds: [],
      note: '上门',
      updatedAt: '2026-03-10T08:00:00.000Z',
    }));
    await v21.table('communityServices').bulkAdd(services as never[]);
    // Eight volunteers written at once (one last change: ties), numbers in reverse.
    const volunteerIds = Array.from({ length: 8 }, (_, i) => `v${i}`);
    await v21.table('volunteers').bulkAdd(
      volunteerIds.map((id, i) => ({
        id,
        personId: `p${i}`,
        volunteerNumber: `ZY${String(8 - i).padStart(3, '0')}`,
        name: '志愿者',
        searchTokens: [],
        skills: '',
        joinedOn: '2026-01-01',
        updatedAt: '2026-03-10T08:00:00.000Z',
      })) as never[],
    );
    v21.close();
    expect(await storedIndexNames(name, 'cases')).toContain('[programme+status]');

    const v22 = new DeskDatabase(name);
    await v22.open();
    const caseIndexes = await storedIndexNames(name, 'cases');
    expect(caseIndexes).toEqual(
      expect.arrayContaining(['[programme+status+id]', '[programme+id]', '[status+id]']),
    );
    expect(caseIndexes).not.toContain('[programme+status]');
    const serviceIndexes = await storedIndexNames(name, 'communityServices');
    expect(serviceIndexes).toEqual(expect.arrayContaining(['[startAt+id]', '[type+startAt+id]']));
    expect(serviceIndexes).not.toContain('[type+startAt]');
    const raw = (await rawRows(name)).cases as Record<string, unknown>[];
    expect(raw.every((r) => r._sealed instanceof Uint8Array)).toBe(true);

    // Cases: each filter newest first (by id), the page after the first page's last row.
    const raw0 = await v22.cases.get('c00');
    const filters = [
      { programme: 'dibao', status: 'active' },
      { status: 'active' },
      { programme: 'dibao' },
    ];
    for (const filter of filters) {
      const expected = ids
        .filter((_, i) => Object.entries(filter).every(([k, v]) => kindOf(i)[k as 'status'] === v))
        .reverse();
      const q = { page: 0, pageSize: 4, sort: null, filter: { today, ...filter } };
      const first = await casesGridPage(v22, q);
      expect(idsOf(first)).toEqual(expected.slice(0, 4));
      expect(first.total).toBe(expected.length);
      // A colleague's new case arrives (a pull) while the first page is on screen: the
      // next page goes on from the row shown, where an offset would show one row again.
      await v22.cases.add({
        ...(raw0 as object),
        id: 'c99',
        programme: 'dibao',
        status: 'active',
      } as never);
      const next = await casesGridPage(v22, { ...q, page: 1, anchor: anchorOn(first) });
      expect(idsOf(next)).toEqual(expected.slice(4, 8));
      expect(next.rows[0]).toMatchObject({ reason: '因病致贫' });
      expect(next.total).toBe(expected.length + 1);
      expect(idsOf(await casesGridPage(v22, { ...q, page: 1 }))).toEqual(expected.slice(3, 7));
      await v22.cases.delete('c99');
    }

    // Services: a period, with and without a type, either way, across the tied times.
    for (const type of [undefined, 'home_visit' as const]) {
      for (const direction of ['asc', 'desc'] as const) {
        const inOrder = services.filter((s) => !type || s.type === type).map((s) => s.id);
        const expected = direction === 'asc' ? inOrder : [...inOrder].reverse();
        const q = {
          page: 0,
          pageSize: 3,
          sort: { field: 'startAt' as const, direction },
          filter: { from: '2026-03-01', to: '2026-03-31', ...(type ? { type } : {}) },
        };
        expect(await pageByPage((query) => servicesGridPage(v22, query), q)).toEqual(expected);
      }
    }
    // Volunteers: by last change (all one) and by number, either way, page after page.
    expect(await storedIndexNames(name, 'volunteers')).not.toContain('updatedAt');
    for (const field of ['updatedAt', 'volunteerNumber'] as const) {
      for (const direction of ['asc', 'desc'] as const) {
        const inOrder = field === 'updatedAt' ? volunteerIds : [...volunteerIds].reverse();
        const expected = direction === 'asc' ? inOrder : [...inOrder].reverse();
        const q = { page: 0, pageSize: 3, sort: { field, direction }, filter: '' };
        expect(await pageByPage((query) => volunteersGridPage(v22, query), q)).toEqual(expected);
      }
    }
    v22.close();
  });
});
