import { searchInWords, type ListSource } from '../../../export/listDefinition';
import type { CaseRow } from '../../../export/lists/cases';
import { zh } from '../../../export/zhWords';
import type { DeskDatabase } from '../../database';
import type { CaseListFilter } from '../caseQueries';
import type { GridSort } from '../grid/gridQuery';
import { casesGridPage, type CaseSortField } from '../grid/casesGrid';
import type { AssistanceCase } from '../cases';
import { exportPageSize } from './pageThrough';
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
    pages: async function* () {
      let after: AssistanceCase | undefined;
      for (let page = 0; ; page++) {
        const got = await casesGridPage(
          db,
          {
            page,
            pageSize: exportPageSize,
            sort,
            filter,
            ...(after ? { anchor: { row: after, direction: 'next' as const } } : {}),
          },
          searchExportLimit,
        );
        if (got.rows.length > 0) yield withApplicants(db, got.rows);
        if ((page + 1) * exportPageSize >= got.total) return;
        after = got.last;
      }
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
