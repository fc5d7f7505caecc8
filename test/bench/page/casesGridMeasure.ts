import type { DeskDatabase } from '../../../renderer/src/db/database';
import {
  caseSortIndexes,
  casesGridPage,
  type CaseSortField,
  type CasesGridQuery,
} from '../../../renderer/src/db/repositories/grid/casesGrid';
import type { seededRandom } from '../../support/seededRandom';
import { gridPageSize, timeRows, type GridTimes } from './gridMeasure';
import { anyOneOf, anyRowOf, eitherDirection, pageAfter } from './gridPicks';

/**
 * The cases table as a registrar uses it, through casesGridPage (its table's and
 * export's one query function), beside the persons' and households' rows: open the list,
 * go to page N (the page after a row on screen: any case), sort by a column (applicant,
 * application date, last change; either way), a sorted page N (each order ends with the
 * id since schema v21, so the page after a row is one range read), and a programme with
 * one status (the [programme+status+id] index, newest first), its page N (the page after
 * a row on screen) and any page of it by offset. Each as the table asks: the page before
 * its total (which walks the range, awaited untimed).
 */
export async function measureCasePages(
  db: DeskDatabase,
  samples: number,
  rng: ReturnType<typeof seededRandom>,
  only?: readonly string[],
): Promise<Record<string, GridTimes>> {
  const ids = await db.cases.toCollection().primaryKeys();
  if (ids.length === 0) return {};
  const fields = Object.keys(caseSortIndexes) as CaseSortField[];
  const anyField = anyOneOf(fields, 'applicationDate', rng);
  const anyDirection = eitherDirection(rng);
  const today = new Date().toISOString().slice(0, 10);
  // As the table asks: its page before its total.
  const base: CasesGridQuery = {
    page: 0,
    pageSize: gridPageSize,
    filter: { today },
    sort: null,
    totalLater: true,
  };
  const anyCase = anyRowOf(db.cases, ids, rng);
  // Page N as the table reaches it: the page after a row on screen, any case (not timed).
  const nextOf = async (q: CasesGridQuery): Promise<CasesGridQuery> =>
    pageAfter(q, await anyCase());
  // A programme and status some case has, and that case (picked, not timed).
  const programmeStatusOf = async () => {
    const row = await anyCase();
    const q: CasesGridQuery = row
      ? { ...base, filter: { today, programme: row.programme, status: row.status } }
      : base;
    return { q, row };
  };
  const programmeStatus = async () => (await programmeStatusOf()).q;
  const queries: Record<string, () => CasesGridQuery | Promise<CasesGridQuery>> = {
    casesFirstPage: () => base,
    casesPageN: () => nextOf(base),
    casesSortBy: () => ({ ...base, sort: { field: anyField(), direction: anyDirection() } }),
    casesSortedPageN: () =>
      nextOf({ ...base, sort: { field: anyField(), direction: anyDirection() } }),
    casesProgrammeStatus: programmeStatus,
    // Its page N as the table reaches it: the page after a row on screen, a case of
    // that programme and status (not timed).
    casesProgrammeStatusPageN: async () => {
      const { q, row } = await programmeStatusOf();
      return pageAfter(q, row, { page: 1 });
    },
    // Any page of it by offset (reported: the table pages next to a page shown).
    casesProgrammeStatusJump: async () => {
      const q = await programmeStatus();
      const { total } = await casesGridPage(db, { ...q, pageSize: 1, totalLater: false });
      return { ...q, page: rng.int(0, Math.max(0, Math.ceil(total / gridPageSize) - 1)) };
    },
  };
  return timeRows(queries, (q) => casesGridPage(db, q), samples, only);
}
