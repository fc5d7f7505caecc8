import { describe, expect, it } from 'vitest';
import type { AssistanceCase } from '../../../renderer/src/db/repositories/cases';
import { casesGridPage } from '../../../renderer/src/db/repositories/grid/casesGrid';
import { gridPages, pageAfter } from '../../../renderer/src/db/repositories/export/pageThrough';
import { openCountedStore } from '../grid/gridOffice';

/**
 * An export reads a list page after page through the table's own query function
 * (gridPages). Rows leaving the list while it is read (cases closed by a colleague or a
 * sync) must not cut the export short: it went on while the page number times the size
 * was under the list's total, and a total that fell meanwhile stopped it before the
 * rows past it.
 */
/** Active 低保 cases of one applicant, 张伟 (found by a search for the name). */
const activeCases = (ids: string[]) =>
  ids.map((id) => ({
    id,
    householdId: 'h1',
    programme: 'dibao',
    status: 'active',
    coveredPersonIds: [],
    searchTokens: ['张伟'],
    applicantName: '张伟',
    applicationDate: '2026-11-02',
    updatedAt: '2026-11-02T08:00:00.000Z',
  })) as never[];

describe('gridPages', () => {
  it('reads every row still in the list when rows already read leave it meanwhile', async () => {
    const db = await openCountedStore('grid-pages', null);
    const ids = Array.from({ length: 35 }, (_, i) => `c${String(i).padStart(2, '0')}`);
    await db.cases.bulkAdd(activeCases(ids));
    const filter = { today: '2026-12-07', status: 'active' };
    const pages = gridPages(
      (page, after: AssistanceCase | undefined) =>
        casesGridPage(db, { page, pageSize: 10, sort: null, filter, ...pageAfter(after) }),
      10,
    );
    const read: string[] = [];
    for await (const got of pages) {
      // After the first page, eight of its cases are closed (they leave the list).
      if (read.length === 0)
        for (const c of got.rows.slice(0, 8)) await db.cases.put({ ...c, status: 'closed' });
      read.push(...got.rows.map((c) => c.id));
    }
    // Newest first: every case, the first page's as read, none past it dropped.
    expect(read).toEqual([...ids].reverse());
    db.close();
  });

  it('stops a list paged by number (a search’s matches) at its total', async () => {
    const db = await openCountedStore('grid-pages-search', null);
    const ids = Array.from({ length: 12 }, (_, i) => `c${String(i).padStart(2, '0')}`);
    await db.cases.bulkAdd(activeCases(ids));
    const filter = { today: '2026-12-07', query: '张伟' };
    let reads = 0;
    const pages = gridPages((page) => {
      reads += 1;
      return casesGridPage(db, { page, pageSize: 5, sort: null, filter });
    }, 5);
    const read: string[] = [];
    for await (const got of pages) read.push(...got.rows.map((c) => c.id));
    expect([...read].sort()).toEqual(ids);
    expect(reads).toBe(3);
    db.close();
  });
});
