import { beforeAll, describe, expect, it } from 'vitest';
import { recordTable, type DeskDatabase } from '../../../renderer/src/db/database';
import type { Resident } from '../../../renderer/src/db/repositories/elderlyCare/tables';
import { residentsGridPage } from '../../../renderer/src/db/repositories/grid/residentsGrid';
import { generateOffice } from '../../bench/generator';
import { gridStamper, openCountedStore } from './gridOffice';

/**
 * The residents table's query adapter on fake-indexeddb with a generated care home:
 * pages by name and by last change from their indexes, the search's matches sorted,
 * each row joined with its bed and level.
 */
let db: DeskDatabase;
let all: Resident[];
const today = '2026-03-01';

beforeAll(async () => {
  db = await openCountedStore('grid-residents', null);
  const stamper = gridStamper();
  const records = generateOffice(
    8,
    { persons: 3000, cases: 0, institutions: 1, bedsPerInstitution: 60 },
    stamper,
  );
  for (const r of records) await recordTable(db, r.kind).put(r.record as never);
  all = (await db.table('elderlyResidents').toArray()) as Resident[];
});

const byName = (rows: Resident[], desc = false) => {
  const sorted = [...rows].sort((a, b) =>
    a.personName < b.personName ? -1 : a.personName > b.personName ? 1 : a.id < b.id ? -1 : 1,
  );
  return (desc ? sorted.reverse() : sorted).map((r) => r.id);
};

describe('residentsGridPage', () => {
  it('pages the residents by name both ways, counted by the store, joined with their level', async () => {
    expect(all.length).toBeGreaterThan(40);
    for (const direction of ['asc', 'desc'] as const) {
      const got = await residentsGridPage(
        db,
        { page: 1, pageSize: 20, sort: { field: 'personName', direction }, filter: '' },
        today,
      );
      expect(got.total).toBe(all.length);
      expect(got.rows.map((r) => r.id)).toEqual(byName(all, direction === 'desc').slice(20, 40));
      expect(got.rows.every((r) => r.resident.id === r.id)).toBe(true);
    }
    const placed = await residentsGridPage(
      db,
      { page: 0, pageSize: 100, sort: null, filter: '' },
      today,
    );
    // Joined per page: the assessed level (stays are replayed on a desk, not generated).
    expect(placed.rows.some((r) => r.level !== undefined)).toBe(true);
  });

  it('hands its page before an uncounted total, saying more may follow', async () => {
    // A change forgets the kept count (the same record written again is a change).
    await db.table('elderlyResidents').put(all[0]);
    const got = await residentsGridPage(
      db,
      { page: 0, pageSize: 20, sort: null, filter: '', totalLater: true },
      today,
    );
    expect(got.rows).toHaveLength(20);
    expect(got).toMatchObject({ total: -1, hasMore: true, limited: false });
    expect(await got.totalLater).toEqual({ total: all.length, limited: false });
  });

  it('sorts a search by name within its matches', async () => {
    const surname = all[0]?.personName.slice(0, 1) ?? '';
    const matching = all.filter((r) => r.personName.startsWith(surname));
    const got = await residentsGridPage(
      db,
      { page: 0, pageSize: 100, sort: { field: 'personName', direction: 'asc' }, filter: surname },
      today,
    );
    expect(got.total).toBe(matching.length);
    expect(got.rows.map((r) => r.resident.personName)).toEqual(
      matching.map((r) => r.personName).sort(),
    );
  });
});
