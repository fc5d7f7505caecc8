import type { DeskDatabase } from '../../database';
import { listCases, type CaseListFilter } from '../caseQueries';
import type { AssistanceCase } from '../cases';
import type { GridPage, GridQuery } from './gridQuery';
import { rangePage, sortedPage, type IdEndedRange } from './sortedPage';

/**
 * The cases list's sortable columns and their indexes, each ending with the id (schema
 * v21, caseOrderTables.ts: no key shared, so a next page is one range read). Programme,
 * status, due date and amount do not sort: the due date is empty on many cases (no
 * index entry), the others have no index of their own in the list's order.
 */
export const caseSortIndexes = {
  applicantName: '[applicantName+id]',
  applicationDate: '[applicationDate+id]',
  updatedAt: '[updatedAt+id]',
} as const;

export type CaseSortField = keyof typeof caseSortIndexes;
export type CasesGridQuery = GridQuery<CaseListFilter, CaseSortField>;

/** The most matches a search or the overdue filter shows in the table. */
export const caseFilterCap = 1000;

/**
 * The cases list, one page: the one query function of the cases table and its export.
 * - no filter: the whole table in the order of the sorted column's index (no sort:
 *   newest first), counted by the store;
 * - only programme and/or status, no sort: the [programme+status+id], [programme+id] or
 *   [status+id] index, paged by it (newest first) and counted by it;
 * - a search, overdue only, or a filter with a sort: listCases' indexed matches, at
 *   most `cap`, sorted and paged in memory.
 */
export async function casesGridPage(
  db: DeskDatabase,
  query: CasesGridQuery,
  cap = caseFilterCap,
): Promise<GridPage<AssistanceCase>> {
  const f = query.filter;
  const searching = Boolean(f.query?.trim()) || Boolean(f.overdueOnly);
  if (!searching && (f.programme || f.status) && !query.sort) {
    return rangePage(db.cases, equalRange(f.programme, f.status), query);
  }
  const filtered = searching || f.programme || f.status;
  const search = filtered ? (limit: number) => listCases(db, f, 0, limit) : null;
  return sortedPage(db.cases, caseSortIndexes, query, search, cap);
}

/**
 * The cases of one programme and/or status, newest first: a range of an index ending
 * with the id (schema v22, filterOrderTables.ts), so the page after any row is one read
 * (`''` sorts before every id, `[]` after).
 */
function equalRange(programme?: string, status?: string): IdEndedRange<AssistanceCase> {
  if (programme && status)
    return {
      index: '[programme+status+id]',
      lower: [programme, status, ''],
      upper: [programme, status, []],
      keyOf: (c) => [c.programme, c.status, c.id],
    };
  if (status)
    return {
      index: '[status+id]',
      lower: [status, ''],
      upper: [status, []],
      keyOf: (c) => [c.status, c.id],
    };
  return {
    index: '[programme+id]',
    lower: [programme ?? '', ''],
    upper: [programme ?? '', []],
    keyOf: (c) => [c.programme, c.id],
  };
}
