import { beforeAll, describe, expect, it } from 'vitest';
import { recordTable, type DeskDatabase } from '../../../renderer/src/db/database';
import { volunteersGridPage } from '../../../renderer/src/db/repositories/grid/volunteersGrid';
import {
  volunteersTable,
  volunteerServicesTable,
} from '../../../renderer/src/db/tables/communityTables';
import type { ServiceRecord } from '../../../renderer/src/db/repositories/community/services';
import { servicesGridPage } from '../../../renderer/src/db/repositories/grid/servicesGrid';
import { serviceRecordsTable } from '../../../renderer/src/db/tables/communityTables';
import { generateOffice } from '../../bench/generator';
import { counted } from './countReads';
import { gridStamper, openCountedStore } from './gridOffice';

/**
 * The service ledger's query adapter on fake-indexeddb with 2,000 generated service
 * records: the period and type read by their index, paged exactly both ways, counted
 * by the index, one page of records read.
 */
let db: DeskDatabase;
let all: ServiceRecord[];

beforeAll(async () => {
  db = await openCountedStore('grid-services', 'communityServices');
  const stamper = gridStamper();
  const office = generateOffice(
    6,
    { persons: 600, cases: 0, volunteers: 20, serviceRecords: 2000 },
    stamper,
  );
  for (const r of office)
    if (r.kind !== 'communityService') await recordTable(db, r.kind).put(r.record as never);
  const records = office
    .filter((r) => r.kind === 'communityService')
    .map((r) => r.record) as unknown as ServiceRecord[];
  await serviceRecordsTable(db).bulkAdd(records);
  all = await serviceRecordsTable(db).toArray();
});

/** IndexedDB's order of [type+]startAt: the time, then the id. */
const order = (rows: ServiceRecord[], desc: boolean) => {
  const sorted = [...rows].sort((a, b) =>
    a.startAt < b.startAt ? -1 : a.startAt > b.startAt ? 1 : a.id < b.id ? -1 : 1,
  );
  return (desc ? sorted.reverse() : sorted).map((r) => r.id);
};

describe('servicesGridPage', () => {
  it('pages a period newest first and oldest first, counted by the index', async () => {
    expect(all.length).toBe(2000);
    const from =
      [...all]
        .map((r) => r.startAt)
        .sort()[500]
        ?.slice(0, 10) ?? '';
    const inPeriod = all.filter((r) => r.startAt.slice(0, 10) >= from);
    const filter = { from, to: '9999-12-31' };
    counted.reads = 0;
    const page2 = await servicesGridPage(db, { page: 2, pageSize: 40, sort: null, filter });
    expect(counted.reads).toBeLessThanOrEqual(42);
    expect(page2.total).toBe(inPeriod.length);
    expect(page2.rows.map((r) => r.id)).toEqual(order(inPeriod, true).slice(80, 120));
    const oldest = await servicesGridPage(db, {
      page: 1,
      pageSize: 40,
      sort: { field: 'startAt', direction: 'asc' },
      filter,
    });
    expect(oldest.rows.map((r) => r.id)).toEqual(order(inPeriod, false).slice(40, 80));
  });

  it('pages from a row both ways, and by offset when the row is not of the period', async () => {
    const from =
      [...all]
        .map((r) => r.startAt)
        .sort()[500]
        ?.slice(0, 10) ?? '';
    const inPeriod = order(
      all.filter((r) => r.startAt.slice(0, 10) >= from),
      true,
    );
    const filter = { from, to: '9999-12-31' };
    const rowAt = (i: number) => all.find((r) => r.id === inPeriod[i]) as ServiceRecord;
    const q = { pageSize: 40, sort: null, filter };
    counted.reads = 0;
    const next = await servicesGridPage(db, {
      ...q,
      page: 8,
      anchor: { row: rowAt(299) as ServiceRecord & Record<string, unknown>, direction: 'next' },
    });
    expect(next.rows.map((r) => r.id)).toEqual(inPeriod.slice(300, 340));
    // The page and one key of the range (what a live query watches): no walk to row 300.
    expect(counted.reads).toBeLessThanOrEqual(41);
    const prev = await servicesGridPage(db, {
      ...q,
      page: 6,
      anchor: { row: rowAt(280) as ServiceRecord & Record<string, unknown>, direction: 'prev' },
    });
    expect(prev.rows.map((r) => r.id)).toEqual(inPeriod.slice(240, 280));
    // A row from before the period (the filter changed under the pager): page 2 by offset.
    const earliest = [...all].sort((a, b) => (a.startAt < b.startAt ? -1 : 1))[0] as ServiceRecord;
    const elsewhere = await servicesGridPage(db, {
      ...q,
      page: 2,
      anchor: { row: earliest as ServiceRecord & Record<string, unknown>, direction: 'next' },
    });
    expect(elsewhere.rows.map((r) => r.id)).toEqual(inPeriod.slice(80, 120));
  });

  it('narrows to a type by the [type+startAt+id] index', async () => {
    const type = all[0]?.type as ServiceRecord['type'];
    const ofType = all.filter((r) => r.type === type);
    expect(ofType.length).toBeLessThan(all.length);
    counted.reads = 0;
    const got = await servicesGridPage(db, { page: 1, pageSize: 25, sort: null, filter: { type } });
    expect(counted.reads).toBeLessThanOrEqual(27);
    expect(got.total).toBe(ofType.length);
    expect(got.rows.map((r) => r.id)).toEqual(order(ofType, true).slice(25, 50));
  });
});

describe('volunteersGridPage', () => {
  it('pages the ledger by volunteer number with each page’s hours summed', async () => {
    const volunteers = await volunteersTable(db).toArray();
    expect(volunteers.length).toBeGreaterThan(10);
    const services = await volunteerServicesTable(db).toArray();
    const minutes = (id: string) =>
      services
        .filter((s) => s.volunteerId === id && !s.deleted && !s.voided)
        .reduce((sum, s) => sum + s.serviceMinutes, 0);
    const numbers = volunteers.map((v) => v.volunteerNumber).sort();
    const got = await volunteersGridPage(db, {
      page: 1,
      pageSize: 5,
      sort: { field: 'volunteerNumber', direction: 'asc' },
      filter: '',
    });
    expect(got.total).toBe(volunteers.length);
    expect(got.rows.map((v) => v.volunteerNumber)).toEqual(numbers.slice(5, 10));
    for (const v of got.rows) expect(v.minutes).toBe(minutes(v.id));
    const next = await volunteersGridPage(db, {
      page: 0,
      pageSize: 5,
      sort: { field: 'volunteerNumber', direction: 'asc' },
      filter: '',
      anchor: { row: got.last as never, direction: 'next' },
    });
    expect(next.rows.map((v) => v.volunteerNumber)).toEqual(numbers.slice(10, 15));
  });
});
