import { searchInWords, type ListSource } from '../../../export/listDefinition';
import type { CaseRow } from '../../../export/lists/cases';
import { zh } from '../../../export/zhWords';
import type { DeskDatabase } from '../../database';
import { listCases, type CaseListFilter } from '../caseQueries';
import type { AssistanceCase } from '../cases';
import { pagesByOffset } from './pageThrough';

/** The screen's filter in words, as the sheet's title row names it. */
export function caseFilterWords(filter: CaseListFilter): string {
  const words: string[] = [];
  if (filter.programme) words.push(`项目：${zh(`programme.short.${filter.programme}`)}`);
  if (filter.status) words.push(`状态：${zh(`cases.status.${filter.status}`, filter.status)}`);
  if (filter.overdueOnly) words.push(`只看超期（截至 ${filter.today}）`);
  if (filter.query?.trim()) words.push(`申请人或身份证号“${searchInWords(filter.query)}”`);
  return words.join('，');
}

/** The cases list with the screen's filter, read with the screen's listCases page by page. */
export function casesSource(db: DeskDatabase, filter: CaseListFilter): ListSource<CaseRow> {
  return {
    filterWords: caseFilterWords(filter),
    pages: async function* () {
      for await (const page of pagesByOffset((offset, limit) =>
        listCases(db, filter, offset, limit),
      )) {
        yield withApplicants(db, page);
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
