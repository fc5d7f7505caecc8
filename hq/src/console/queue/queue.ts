import { officeToday } from '@shared/validation/dates';
import { isOverdue } from '@shared/programmes/decisionClock';
import type { Kysely } from 'kysely';
import type { HqTables } from '../../db/schema';
import { liveCases, officeNames, villagesOf } from './caseRows';
import { countyActionsOfCase, type CountyAction } from './countySteps';

export interface QueueFilter {
  office?: string;
  programme?: string;
  /** A household's village name, matched exactly. */
  village?: string;
  /** Only cases whose decisionDue is before HQ's today. */
  overdue?: boolean;
}

export interface QueueEntry {
  id: string;
  officeId: string;
  officeName: string;
  programme: string;
  status: string;
  applicantName: string;
  villageName: string;
  applicationDate: string;
  decisionDue: string | null;
  overdue: boolean;
  benefitFen: number;
  countyActions: CountyAction[];
}

/**
 * 待确认: every case of every programme, in every office, that waits for the county —
 * its module's workflow gives the role 'county' an action from its current status.
 * Oldest decision limit first.
 */
export async function countyQueue(
  db: Kysely<HqTables>,
  filter: QueueFilter,
  now: Date,
): Promise<{
  today: string;
  cases: QueueEntry[];
  villages: string[];
  offices: { id: string; name: string }[];
}> {
  const today = officeToday(now);
  const waiting = (await liveCases(db))
    .map((c) => ({ ...c, countyActions: countyActionsOfCase(c.data) }))
    .filter((c) => c.countyActions.length > 0);
  const offices = [...new Set(waiting.map((c) => c.officeId))];
  const [names, villages] = await Promise.all([officeNames(db), villagesOf(db, offices)]);
  const all = waiting.map((c): QueueEntry => ({
    id: c.id,
    officeId: c.officeId,
    officeName: names.get(c.officeId) ?? c.officeId,
    programme: c.data.programme,
    status: c.data.status,
    applicantName: c.data.applicantName,
    villageName: villages.get(`${c.officeId}/${c.data.householdId}`) ?? '',
    applicationDate: c.data.applicationDate,
    decisionDue: c.data.decisionDue,
    overdue: isOverdue(c.data, today),
    benefitFen: c.data.benefit.benefitFen,
    countyActions: c.countyActions,
  }));
  const cases = all
    .filter(
      (c) =>
        (!filter.office || c.officeId === filter.office) &&
        (!filter.programme || c.programme === filter.programme) &&
        (!filter.village || c.villageName === filter.village) &&
        (!filter.overdue || c.overdue),
    )
    .sort(
      (a, b) =>
        (a.decisionDue ?? '9999').localeCompare(b.decisionDue ?? '9999') ||
        a.id.localeCompare(b.id),
    );
  const villageList = [...new Set(all.map((c) => c.villageName).filter(Boolean))].sort();
  const officeList = [...names].map(([id, name]) => ({ id, name }));
  return { today, cases, villages: villageList, offices: officeList };
}
