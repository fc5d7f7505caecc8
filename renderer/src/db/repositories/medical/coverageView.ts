import { maskIdNumber } from '@shared/identity/residentId';
import type { CategoryInfo } from '@shared/medical/categories';
import {
  coverageChanges,
  coveredOn,
  type CoverageChange,
  type CoverageSegment,
  type Period,
} from '@shared/medical/timeline';
import type { DeskDatabase } from '../../database';
import { categoriesOn, loadCoverageState, manualCategories, type CoverageRecord } from './coverage';

export interface PersonLine {
  name: string;
  /** Masked: the full number appears only in the supervisor's export. */
  maskedId: string;
}

export interface CoverageView {
  covered: CoverageSegment[];
  changes: CoverageChange[];
  persons: Record<string, PersonLine>;
  /** The hand records by id (for correcting one from its line). */
  manual: Record<string, CoverageRecord>;
  /** The programme of each case a derived line comes from. */
  casePrograms: Record<string, string>;
  categories: CategoryInfo[];
  manualCategories: CategoryInfo[];
}

/** The screen's data: who is covered on `asOf`, and the changes of `period`. */
export async function coverageView(
  db: DeskDatabase,
  asOf: string,
  period: Period,
): Promise<CoverageView> {
  const state = await loadCoverageState(db);
  const covered = coveredOn(state.timeline, asOf);
  const changes = coverageChanges(state.timeline, period);
  const ids = [...new Set([...covered, ...changes.map((c) => c.segment)].map((s) => s.personId))];
  const persons: Record<string, PersonLine> = {};
  for (const p of await db.persons.bulkGet(ids)) {
    if (p) persons[p.id] = { name: p.name, maskedId: maskIdNumber(p.idNumber) };
  }
  const caseIds = [...new Set(state.spans.flatMap((s) => (s.caseId ? [s.caseId] : [])))];
  const casePrograms: Record<string, string> = {};
  for (const c of await db.cases.bulkGet(caseIds)) if (c) casePrograms[c.id] = c.programme;
  return {
    covered: covered.sort((a, b) =>
      (persons[a.personId]?.name ?? '').localeCompare(persons[b.personId]?.name ?? '', 'zh-CN'),
    ),
    changes,
    persons,
    manual: Object.fromEntries(state.manual.map((m) => [m.id, m])),
    casePrograms,
    categories: categoriesOn(state, asOf),
    manualCategories: manualCategories(state, asOf),
  };
}
