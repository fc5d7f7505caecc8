import { searchInWords, type ListSource } from '../../../export/listDefinition';
import type { CaseRow } from '../../../export/lists/cases';
import { zh } from '../../../export/zhWords';
import type { DeskDatabase } from '../../database';
import type { CaseListFilter } from '../caseQueries';
import type { GridSort } from '../grid/gridQuery';
import { casesGridPage, type CaseSortField } from '../grid/casesGrid';
import type { AssistanceCase } from '../cases';
import { exportPageSize, gridPages, pageAfter } from './pageThrough';
import { searchExportLimit } from './personsSource';

/** The screen's filter in words, as the sheet's title row names it. */
export function caseFilterWords(filter: CaseListFilter): string {
  const words: string[] = [];
  if (filter.programme) words.push(`项目：${zh(`programme.short.${filter.programme}`)}`);
  if (filter.status) words.push(`状态：${zh(`cases.status.${filter.status}`, filter.status)}`);
  if (filter.overdueOnly) words.push(`只看超期（截至 ${filter.today}）`);
  if (filter.query?.trim()) words.push(`申请人或身份证号“${searchInWords(filter.query)}”`);
  return words.join('，');
}

/**
 * The cases list with the screen's filter and sort, read through the table's own
 * casesGridPage page by page (a search or the overdue filter: at most 10,000 matches).
 */
export function casesSource(
  db: DeskDatabase,
  filter: CaseListFilter,
  sort: GridSort<CaseSortField> | null = null,
): ListSource<CaseRow> {
  return {
    filterWords: caseFilterWords(filter),
    // A search by name or ID number finds cases through their applicants (listCases).
    tables: filter.query?.trim() ? [db.cases.name, db.persons.name] : [db.cases.name],
    pages: async function* () {
      const pages = gridPages((page, after: AssistanceCase | undefined) =>
        casesGridPage(
          db,
          { page, pageSize: exportPageSize, sort, filter, ...pageAfter(after) },
          searchExportLimit,
        ),
      );
      for await (const got of pages) yield withApplicants(db, got.rows);
    },
  };
}

async function withApplicants(
  db: DeskDatabase,
  cases: readonly AssistanceCase[],
): Promise<CaseRow[]> {
  const applicants = await db.persons.bulkGet(cases.map((c) => c.applicantPersonId));
  return cases.map((assistanceCase, i) => ({ assistanceCase, applicant: applicants[i] }));
}
