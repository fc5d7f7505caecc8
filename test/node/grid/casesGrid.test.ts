import { beforeAll, describe, expect, it } from 'vitest';
import type { DeskDatabase } from '../../../renderer/src/db/database';
import type { AssistanceCase } from '../../../renderer/src/db/repositories/cases';
import {
  caseSortIndexes,
  casesGridPage,
  type CaseSortField,
} from '../../../renderer/src/db/repositories/grid/casesGrid';
import { generateOffice } from '../../bench/generator';
import { countSteps, counted } from './countReads';
import { liveTotals } from './liveTotals';
import { gridStamper, openCountedStore } from './gridOffice';

/**
 * The cases table's query adapter on fake-indexeddb with 1,500 generated cases (some
 * made 特困 and active, so the programme and status filters have something to find):
 * pages exact, each sortable column both ways, the filters paged and counted by their
 * index, a search sorted, and one page read at a time.
 */
let db: DeskDatabase;
let all: AssistanceCase[];
const today = '2026-03-01';

beforeAll(async () => {
  countSteps();
  db = await openCountedStore('grid-cases', 'cases');
  const stamper = gridStamper();
  const cases = generateOffice(4, { persons: 6000, cases: 1500 }, stamper)
    .filter((r) => r.kind === 'assistanceCase')
    .map((r, i) => ({
      ...r.record,
      programme: i % 5 === 0 ? 'tekun' : 'dibao',
      status: i % 3 === 0 ? 'active' : 'draft',
      updatedAt: new Date(Date.UTC(2026, 0, 1) + ((i * 7919) % 1500) * 60_000).toISOString(),
    })) as unknown as AssistanceCase[];
  await db.cases.bulkAdd(cases);
  all = await db.cases.toArray();
});

function expected(field: CaseSortField, direction: 'asc' | 'desc', rows = all): string[] {
  const sorted = [...rows].sort((a, b) => {
    const x = a[field];
    const y = b[field];
    return x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
  if (direction === 'desc') sorted.reverse();
  return sorted.map((c) => c.id);
}

const none = { today };

describe('casesGridPage', () => {
  it('pages every case newest first, counted by the store, reading one page', async () => {
    expect(all.length).toBeGreaterThan(1000);
    const newest = all
      .map((c) => c.id)
      .sort()
      .reverse();
    counted.reads = 0;
    const page3 = await casesGridPage(db, { page: 3, pageSize: 50, sort: null, filter: none });
    expect(counted.reads).toBeLessThanOrEqual(52);
    expect(page3.rows.map((c) => c.id)).toEqual(newest.slice(150, 200));
    expect(page3.total).toBe(all.length);
  });

  for (const field of Object.keys(caseSortIndexes) as CaseSortField[]) {
    for (const direction of ['asc', 'desc'] as const) {
      it(`sorts by ${field} ${direction}, by offset and from the page before`, async () => {
        const want = expected(field, direction);
        const base = { pageSize: 100, sort: { field, direction }, filter: none };
        const page4 = await casesGridPage(db, { ...base, page: 4 });
        expect(page4.rows.map((c) => c.id)).toEqual(want.slice(400, 500));
        counted.steps = 0;
        counted.reads = 0;
        const page5 = await casesGridPage(db, {
          ...base,
          page: 0,
          anchor: { row: page4.last as AssistanceCase, direction: 'next' },
        });
        // The page's records, and the count's watch (one); a key cursor over the anchor's
        // date shared by many may step a few more (a leap that missed steps on).
        expect(counted.reads).toBeLessThanOrEqual(102);
        expect(counted.steps).toBeLessThanOrEqual(112);
        expect(page5.rows.map((c) => c.id)).toEqual(want.slice(500, 600));
      });
    }
  }

  it('pages a programme and a status by their index, counted by it', async () => {
    const tekunActive = all.filter((c) => c.programme === 'tekun' && c.status === 'active');
    const newest = tekunActive
      .map((c) => c.id)
      .sort()
      .reverse();
    const filter = { today, programme: 'tekun', status: 'active' };
    const first = await casesGridPage(db, { page: 0, pageSize: 20, sort: null, filter });
    expect(first.total).toBe(tekunActive.length);
    expect(first.rows.map((c) => c.id)).toEqual(newest.slice(0, 20));
    const second = await casesGridPage(db, { page: 1, pageSize: 20, sort: null, filter });
    expect(second.rows.map((c) => c.id)).toEqual(newest.slice(20, 40));
    const drafts = all.filter((c) => c.status === 'draft');
    const byStatus = await casesGridPage(db, {
      page: 2,
      pageSize: 30,
      sort: null,
      filter: { today, status: 'draft' },
    });
    expect(byStatus.total).toBe(drafts.length);
    expect(byStatus.rows.map((c) => c.id)).toEqual(
      drafts
        .map((c) => c.id)
        .sort()
        .reverse()
        .slice(60, 90),
    );
  });

  it('pages on from a row of a status as one read, and counts after the page when the table asks', async () => {
    const drafts = all
      .filter((c) => c.status === 'draft')
      .map((c) => c.id)
      .sort()
      .reverse();
    const filter = { today, status: 'draft' };
    const first = await casesGridPage(db, {
      page: 0,
      pageSize: 30,
      sort: null,
      filter,
      totalLater: true,
    });
    expect(first.rows.map((c) => c.id)).toEqual(drafts.slice(0, 30));
    expect([first.total, first.hasMore]).toEqual([-1, true]);
    expect(await first.totalLater).toEqual({ total: drafts.length, limited: false });
    // Deep in the list: the page after its 600th row, and the page before its 601st.
    const row = all.find((c) => c.id === drafts[600]) as AssistanceCase;
    counted.reads = 0;
    const next = await casesGridPage(db, {
      page: 21,
      pageSize: 30,
      sort: null,
      filter,
      anchor: { row, direction: 'next' },
      totalLater: true,
    });
    expect(next.rows.map((c) => c.id)).toEqual(drafts.slice(601, 631));
    // The page and one key of the range (what a live query watches): no walk to row 600.
    expect(counted.reads).toBeLessThanOrEqual(31);
    const prev = await casesGridPage(db, {
      page: 20,
      pageSize: 30,
      sort: null,
      filter,
      anchor: { row, direction: 'prev' },
    });
    expect(prev.rows.map((c) => c.id)).toEqual(drafts.slice(570, 600));
    expect(prev.total).toBe(drafts.length);
    expect([prev.first?.id, prev.last?.id]).toEqual([drafts[570], drafts[599]]);
  });

  it('a live first page of a status hears of a case leaving it off the page (a sync’s put)', async () => {
    const active = all.filter((c) => c.status === 'active');
    const query = {
      page: 0,
      pageSize: 20,
      sort: null,
      filter: { today, status: 'active' },
      totalLater: true,
    };
    const live = liveTotals(async () => {
      const page = await casesGridPage(db, query);
      return (await page.totalLater)?.total ?? page.total;
    }, active.length - 1);
    // The oldest active case (the list is newest first: far past the page), closed as a
    // pull writes it (a put of the whole record: Dexie does not see the row it replaces).
    const oldest = active.reduce((a, b) => (a.id < b.id ? a : b));
    try {
      await live.answered;
      await db.cases.put({ ...oldest, status: 'closed' });
      await live.reached;
    } finally {
      live.stop();
      await db.cases.put(oldest);
    }
    expect(live.totals[0]).toBe(active.length);
  });

  it('sorts a filtered list in memory within its matches, and says when it cut them', async () => {
    const tekun = all.filter((c) => c.programme === 'tekun');
    expect(tekun.length).toBeLessThan(1000);
    const want = expected('applicationDate', 'desc', tekun);
    const got = await casesGridPage(db, {
      page: 1,
      pageSize: 25,
      sort: { field: 'applicationDate', direction: 'desc' },
      filter: { today, programme: 'tekun' },
    });
    expect(got.total).toBe(tekun.length);
    expect(got.limited).toBe(false);
    // Ties on the date keep the index's id order within each day.
    expect(got.rows.map((c) => c.applicationDate)).toEqual(
      want.slice(25, 50).map((id) => all.find((c) => c.id === id)?.applicationDate),
    );
    // 低保 has more than the table's cap: the first 1,000 matches, flagged.
    const dibao = all.filter((c) => c.programme === 'dibao').length;
    expect(dibao).toBeGreaterThan(1000);
    const cut = await casesGridPage(db, {
      page: 0,
      pageSize: 25,
      sort: { field: 'applicationDate', direction: 'desc' },
      filter: { today, programme: 'dibao' },
    });
    expect(cut).toMatchObject({ total: 1000, limited: true });
  });

  it('finds by applicant name and sorts the matches', async () => {
    const surname = all[0]?.applicantName.slice(0, 1) ?? '';
    const matching = all.filter((c) => c.applicantName.startsWith(surname));
    const got = await casesGridPage(db, {
      page: 0,
      pageSize: 500,
      sort: { field: 'applicantName', direction: 'asc' },
      filter: { today, query: surname },
    });
    expect(got.total).toBe(matching.length);
    expect(got.rows.map((c) => c.applicantName)).toEqual(
      matching.map((c) => c.applicantName).sort(),
    );
  });
});
