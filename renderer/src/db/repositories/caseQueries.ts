import { compareHlc } from '@shared/clock/hlc';
import { classifyQuery } from '@shared/search/searchTokens';
import { isOverdue, pendingStatusesOfAllProgrammes } from '@shared/programmes/decisionClock';
import type { DeskDatabase } from '../database';
import type { AssistanceCase, CaseEvent } from './cases';
import { searchPersons } from './persons';

/** Reading cases: one case, its history, and the indexed list queries. */

export async function getCase(db: DeskDatabase, id: string): Promise<AssistanceCase | undefined> {
  const c = await db.cases.get(id);
  return c && !c.deleted ? c : undefined;
}

export async function caseHistory(db: DeskDatabase, caseId: string): Promise<CaseEvent[]> {
  const events = await db.caseEvents.where('caseId').equals(caseId).toArray();
  // A step HQ refused comes back deleted: it never happened.
  return events.filter((e) => !e.deleted).sort((a, b) => compareHlc(a.hlc, b.hlc));
}

export interface CaseListFilter {
  programme?: string;
  status?: string;
  overdueOnly?: boolean;
  query?: string;
  today: string;
}

/**
 * Indexed lookups only: by applicant name tokens, by a covered person's ID number, by
 * status, or — for overdue cases — by due date within each pending status.
 */
export async function listCases(
  db: DeskDatabase,
  filter: CaseListFilter,
  offset = 0,
  limit = 100,
): Promise<AssistanceCase[]> {
  const q = filter.query ? classifyQuery(filter.query) : null;
  const keep = (c: AssistanceCase) =>
    !c.deleted &&
    (!filter.programme || c.programme === filter.programme) &&
    (!filter.status || c.status === filter.status) &&
    (!filter.overdueOnly || isOverdue(c, filter.today));
  if (q?.kind === 'id') {
    const people = await searchPersons(db, q.value, 50);
    const cases = await db.cases
      .where('coveredPersonIds')
      .anyOf(people.map((p) => p.id))
      .distinct()
      .toArray();
    return cases.filter(keep).slice(offset, offset + limit);
  }
  if (filter.overdueOnly && !q?.value) {
    const statuses = filter.status ? [filter.status] : pendingStatusesOfAllProgrammes;
    const found: AssistanceCase[] = [];
    for (const status of statuses) {
      found.push(
        ...(await db.cases
          .where('[status+decisionDue]')
          .between([status, ''], [status, filter.today], true, false)
          .toArray()),
      );
    }
    return found
      .filter(keep)
      .sort((a, b) => String(a.decisionDue).localeCompare(String(b.decisionDue)))
      .slice(offset, offset + limit);
  }
  const collection = q?.value
    ? db.cases.where('searchTokens').startsWith(q.value.toLowerCase()).distinct()
    : filter.status && filter.programme
      ? db.cases
          .where('[programme+status+id]')
          .between([filter.programme, filter.status, ''], [filter.programme, filter.status, []])
      : filter.status
        ? db.cases.where('status').equals(filter.status)
        : filter.programme
          ? db.cases.where('programme').equals(filter.programme)
          : db.cases.orderBy('id').reverse();
  return collection.filter(keep).offset(offset).limit(limit).toArray();
}

export async function casesOfHousehold(db: DeskDatabase, householdId: string) {
  const cases = await db.cases.where('householdId').equals(householdId).toArray();
  return cases.filter((c) => !c.deleted);
}
