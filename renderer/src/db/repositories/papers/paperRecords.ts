/**
 * Reads what the papers are built from (shared/papers/types.ts): live records only, a
 * step HQ refused left out (caseHistory), the office's name from its settings.
 */
import { dibaoDeadlines } from '@shared/workflow/dibaoDeadlines';
import type { WorkingCalendar } from '@shared/calendar/workingDays';
import type { PaperCase, PaperHousehold, PaperPerson } from '@shared/papers/types';
import type { DeskDatabase } from '../../database';
import { caseHistory, getCase } from '../caseQueries';
import { loadSettings } from '../settings';

async function livePersons(db: DeskDatabase, ids: readonly string[]): Promise<PaperPerson[]> {
  const found = await db.persons.bulkGet([...new Set(ids)]);
  return found.flatMap((p) => (p && !p.deleted ? [p] : []));
}

export async function casePaperRecords(db: DeskDatabase, caseId: string) {
  const record = await getCase(db, caseId);
  if (!record) return null;
  const [events, householdRecord, settings] = await Promise.all([
    caseHistory(db, caseId),
    db.households.get(record.householdId),
    loadSettings(db),
  ]);
  const household = householdRecord && !householdRecord.deleted ? householdRecord : null;
  const persons = await livePersons(db, [
    ...record.coveredPersonIds,
    record.applicantPersonId,
    ...(household ? [household.headPersonId] : []),
  ]);
  return {
    record: record as PaperCase,
    events,
    household: household as PaperHousehold | null,
    persons,
    office: { officeName: settings?.officeName ?? '' },
    noticeWorkingDays: settings?.noticeWorkingDays ?? 7,
  };
}

/**
 * Every live case with its 公示's last day on the office calendar (kept on the record
 * by the step; recomputed when an older record lacks it), the households and their heads.
 */
export async function noticeRecords(db: DeskDatabase, calendar: WorkingCalendar) {
  const settings = await loadSettings(db);
  const deadlineSettings = {
    decisionLimitWorkingDays: settings?.decisionLimitWorkingDays ?? 30,
    noticeWorkingDays: settings?.noticeWorkingDays ?? 7,
  };
  const cases = (await db.cases.toArray())
    .filter((c) => !c.deleted && c.noticeStartedOn !== null)
    .map((c): PaperCase => ({
      ...c,
      noticeEnd: c.noticeEnd ?? dibaoDeadlines(c, deadlineSettings, calendar).noticeEnd,
    }));
  const households = (await db.households.toArray()).filter((h) => !h.deleted) as PaperHousehold[];
  const persons = await livePersons(
    db,
    households.map((h) => h.headPersonId),
  );
  return {
    cases,
    households,
    persons,
    officeName: settings?.officeName ?? '',
    noticeWorkingDays: deadlineSettings.noticeWorkingDays,
  };
}
