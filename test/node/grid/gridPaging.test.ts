import { beforeAll, describe, expect, it } from 'vitest';
import type { DBCore } from 'dexie';
import { liveTotals } from './liveTotals';
import { newRecordId } from '@shared/records/ids';
import type { DeskDatabase } from '../../../renderer/src/db/database';
import type { Person } from '../../../renderer/src/db/repositories/persons';
import { personsGridPage } from '../../../renderer/src/db/repositories/grid/personsGrid';
import { generateOffice } from '../../bench/generator';
import { countSteps, counted } from './countReads';
import { gridStamper, openCountedStore } from './gridOffice';

/**
 * The anchored pages where many persons share a key (all persons loaded in one go share
 * one updatedAt; some share it with others between them in id order), and the table's
 * count, kept between pages and forgotten when the table changes.
 */
const size = 600;
let db: DeskDatabase;
let all: Person[];
const counts = { count: 0 };

/** Counts the store's count requests on persons. */
function countCounts(down: DBCore): DBCore {
  return {
    ...down,
    table(name) {
      const table = down.table(name);
      if (name !== 'persons') return table;
      return {
        ...table,
        count(req) {
          counts.count += 1;
          return table.count(req);
        },
      };
    },
  };
}

beforeAll(async () => {
  countSteps();
  db = await openCountedStore('grid-paging', 'persons', {
    stack: 'dbcore',
    name: 'countCounts',
    create: countCounts,
  });
  const stamper = gridStamper();
  const office = generateOffice(5, { persons: size, cases: 0 }, stamper);
  // Two thirds share one updatedAt; every third person has its own, between them in id
  // order — so a leap over the shared key crosses ids of other keys and must step.
  const persons = office
    .filter((r) => r.kind === 'person')
    .map((r, i) => ({
      ...r.record,
      updatedAt:
        i % 3 === 2
          ? new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString()
          : '2026-06-01T00:00:00.000Z',
    })) as unknown as Person[];
  // A long run with nothing between: the last 200 ids all share another key.
  const run = persons.slice(-200).map((p) => ({ ...p, updatedAt: '2026-07-01T00:00:00.000Z' }));
  await db.persons.bulkAdd([...persons.slice(0, -200), ...run]);
  all = await db.persons.toArray();
});

function expected(direction: 'asc' | 'desc'): string[] {
  const sorted = [...all].sort((a, b) =>
    a.updatedAt < b.updatedAt
      ? -1
      : a.updatedAt > b.updatedAt
        ? 1
        : a.id < b.id
          ? -1
          : a.id > b.id
            ? 1
            : 0,
  );
  return (direction === 'desc' ? sorted.reverse() : sorted).map((p) => p.id);
}

describe('personsGridPage on keys shared by many persons', () => {
  for (const direction of ['asc', 'desc'] as const) {
    for (const pageSize of [7, 30, 100]) {
      it(`pages updatedAt ${direction} by ${pageSize} forward and back, each row once, one page read`, async () => {
        const want = expected(direction);
        const sort = { field: 'updatedAt', direction } as const;
        const seen: string[] = [];
        const pages: Person[][] = [];
        let page = await personsGridPage(db, { page: 0, pageSize, sort, filter: '' });
        for (;;) {
          if (!page.last) break;
          seen.push(...page.rows.map((p) => p.id));
          pages.push(page.rows);
          counted.reads = 0;
          page = await personsGridPage(db, {
            page: 0,
            pageSize,
            sort,
            filter: '',
            anchor: { row: page.last, direction: 'next' },
          });
          // The page's records and the one record a live query watches the table by.
          expect(counted.reads).toBeLessThanOrEqual(pageSize + 1);
        }
        expect(seen).toEqual(want);
        // Back from the last page, page by page.
        const back: string[][] = [];
        let first = pages.at(-1)?.[0];
        while (first) {
          const prev = await personsGridPage(db, {
            page: 0,
            pageSize,
            sort,
            filter: '',
            anchor: { row: first, direction: 'prev' },
          });
          if (prev.rows.length === 0) break;
          back.unshift(prev.rows.map((p) => p.id));
          first = prev.first;
        }
        expect(back.flat()).toEqual(want.slice(0, want.length - (pages.at(-1)?.length ?? 0)));
      });
    }
  }
});

describe('a page inside a run of one key', () => {
  for (const direction of ['asc', 'desc'] as const) {
    it(`reads the page inside the run (${direction}) in one index read, no cursor moves`, async () => {
      const want = expected(direction);
      const run = want.filter((id) =>
        all.find((p) => p.id === id)?.updatedAt.startsWith('2026-07'),
      );
      expect(run.length).toBe(200);
      const anchorId = run[20] as string;
      const at = want.indexOf(anchorId);
      counted.steps = 0;
      const page = await personsGridPage(db, {
        page: 0,
        pageSize: 100,
        sort: { field: 'updatedAt', direction },
        filter: '',
        anchor: { row: all.find((p) => p.id === anchorId) as Person, direction: 'next' },
      });
      expect(page.rows.map((p) => p.id)).toEqual(want.slice(at + 1, at + 101));
      // One getAll of `[updatedAt+id]` past the anchor's key: the page's 100 entries, and
      // no cursor move (before schema v19: a seek, steps and a leap through the run).
      expect(counted.steps).toBe(100);
    });
  }
});

describe('the list total', () => {
  it('counts the table once, keeps the count while paging, and recounts after a change', async () => {
    const query = { page: 0, pageSize: 20, sort: null, filter: '' };
    const before = counts.count;
    const first = await personsGridPage(db, query);
    expect(first.total).toBe(size);
    const next = await personsGridPage(db, {
      ...query,
      anchor: { row: first.last as Person, direction: 'next' },
    });
    await personsGridPage(db, { ...query, sort: { field: 'name', direction: 'asc' } });
    expect(next.total).toBe(size);
    expect(counts.count - before).toBeLessThanOrEqual(1);

    // A person added: the next page's total has it.
    const added = { ...(all[0] as Person), id: newRecordId(), name: '新来人' };
    await db.persons.add(added);
    try {
      const after = await personsGridPage(db, query);
      expect(after.total).toBe(size + 1);
      expect(after.rows[0]?.id).toBe(added.id);
    } finally {
      await db.persons.delete(added.id);
    }
    expect((await personsGridPage(db, query)).total).toBe(size);
  });

  it('a table that can wait gets its page before an uncounted total, then the count once', async () => {
    const query = { page: 0, pageSize: 20, sort: null, filter: '', totalLater: true };
    // A change forgets the kept count: the next page is the first after a change.
    const added = { ...(all[0] as Person), id: newRecordId(), name: '后来人' };
    await db.persons.add(added);
    try {
      const before = counts.count;
      const first = await personsGridPage(db, query);
      expect(first.rows).toHaveLength(20);
      expect(first.rows[0]?.id).toBe(added.id);
      expect(first.total).toBe(-1);
      expect(await first.totalLater).toEqual({ total: size + 1, limited: false });
      // Counted once, and kept: the next page has its total at once.
      const again = await personsGridPage(db, { ...query, page: 1 });
      expect(again).toMatchObject({ total: size + 1 });
      expect(again.totalLater).toBeUndefined();
      expect(counts.count - before).toBe(1);
      // An export (no totalLater) always waits for the count.
      await db.persons.delete(added.id);
      expect(await personsGridPage(db, { ...query, totalLater: false })).toMatchObject({
        total: size,
      });
    } finally {
      await db.persons.delete(added.id);
    }
  });

  it('a live list sees a person added past the page it shows (the total moves)', async () => {
    const query = { page: 0, pageSize: 20, sort: { field: 'name', direction: 'asc' } as const };
    const live = liveTotals(
      async () => (await personsGridPage(db, { ...query, filter: '' })).total,
      size + 1,
    );
    // Sorted last by name: not on the first page.
    const added = { ...(all[0] as Person), id: newRecordId(), name: '龘龘' };
    try {
      await live.answered;
      await db.persons.add(added);
      await live.reached;
    } finally {
      live.stop();
      await db.persons.delete(added.id);
    }
    expect(live.totals[0]).toBe(size);
  });
});

describe('the search box in the table (a name in Chinese characters)', () => {
  it('reads a name prefix by one range, leaves tombstones out, says when it cut the list', async () => {
    // Two characters: one alone is a surname, paged from its own index (surnamePage.test.ts).
    const counts = new Map<string, number>();
    for (const p of all) counts.set(p.name.slice(0, 2), (counts.get(p.name.slice(0, 2)) ?? 0) + 1);
    const prefix = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
    const matching = all.filter((p) => p.name.startsWith(prefix));
    expect(matching.length).toBeGreaterThan(4);
    const gone = matching[1] as Person;
    await db.persons.update(gone.id, { deleted: true });
    try {
      const query = { page: 0, pageSize: 50, sort: null, filter: prefix };
      const whole = await personsGridPage(db, query);
      expect(whole.rows.map((p) => p.id).sort()).toEqual(
        matching
          .filter((p) => p.id !== gone.id)
          .map((p) => p.id)
          .sort(),
      );
      expect(whole).toMatchObject({ total: matching.length - 1, limited: false });
      // Capped just under the live matches: the tombstone in the read does not hide that
      // there were more.
      const cap = matching.length - 2;
      const capped = await personsGridPage(db, query, cap);
      expect(capped).toMatchObject({ total: cap, limited: true });
      expect(capped.rows.some((p) => p.id === gone.id)).toBe(false);
      const exact = await personsGridPage(db, query, matching.length - 1);
      expect(exact).toMatchObject({ total: matching.length - 1, limited: false });
    } finally {
      await db.persons.update(gone.id, { deleted: false });
    }
  });
});
