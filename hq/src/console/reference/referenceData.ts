import { officeToday } from '@shared/validation/dates';
import type { Kysely } from 'kysely';
import { findStandardInForce } from '@shared/benefit/dibaoBenefit';
import { delegationInForce, type DelegationData } from '@shared/domain/delegation';
import type { BenefitStandardData, CalendarYearData } from '@shared/domain/reference';
import { allRuleSpecs } from '@shared/programmes/registry';
import { ruleInForce, type ProgrammeRuleData } from '@shared/programmes/ruleBook';
import type { HqTables } from '../../db/schema';
import { currentOf, referenceVersions } from './versions';

/**
 * What the console shows of the county's reference data (issue #14 item 3): each kind's
 * records in force or published, and every version with who published it and when.
 */

/** 低保 standards: each published period, whether it is the one in force today. */
export async function standardsOverview(db: Kysely<HqTables>, now: Date) {
  const today = officeToday(now);
  const history = await referenceVersions<BenefitStandardData>(db, 'benefitStandard');
  const current = currentOf(history);
  const periods = current.map((v) => ({ ...v.data, id: v.id }));
  const inForce = new Set<string>();
  for (const p of periods) {
    const found = findStandardInForce(periods, p.areaCode, p.category, today);
    if (found) inForce.add(found.id);
  }
  const standards = current
    .map((v) => ({ ...v, inForce: inForce.has(v.id) }))
    .sort(
      (a, b) =>
        a.data.areaCode.localeCompare(b.data.areaCode) ||
        a.data.category.localeCompare(b.data.category) ||
        b.data.effectiveFrom.localeCompare(a.data.effectiveFrom),
    );
  return { today, standards, history };
}

/** The working-day calendar: each published year, newest first, and every version. */
export async function calendarOverview(db: Kysely<HqTables>) {
  const history = await referenceVersions<CalendarYearData>(db, 'calendarYear');
  const years = currentOf(history).sort((a, b) => b.data.year - a.data.year);
  return { years, history };
}

/** 委托确认: every office, whether it confirms its own cases today and since when. */
export async function delegationsOverview(db: Kysely<HqTables>, now: Date) {
  const today = officeToday(now);
  const history = await referenceVersions<DelegationData>(db, 'delegation');
  // The stream's order breaks a tie on the same start date, as the records' clock does.
  const records = currentOf(history).map((v) => ({
    ...v.data,
    hlc: String(v.seq).padStart(12, '0'),
  }));
  const offices = await db.selectFrom('offices').select(['id', 'name']).orderBy('id').execute();
  return {
    today,
    offices: offices.map((office) => {
      const started = records
        .filter((r) => r.office === office.id && r.effectiveFrom <= today)
        .sort(
          (a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom) || a.hlc.localeCompare(b.hlc),
        );
      const upcoming = records.filter((r) => r.office === office.id && r.effectiveFrom > today);
      return {
        ...office,
        delegated: delegationInForce(records, office.id, today),
        since: started.at(-1)?.effectiveFrom ?? null,
        upcoming: upcoming.map((r) => ({
          confirmationDelegated: r.confirmationDelegated,
          effectiveFrom: r.effectiveFrom,
        })),
      };
    }),
    history,
  };
}

/**
 * 政策参数: every key a programme reads (registry.ts), its unit and bounds, and the
 * county-wide value in force today: the published record, or the module's sample.
 */
export async function rulesOverview(db: Kysely<HqTables>, now: Date) {
  const today = officeToday(now);
  const history = await referenceVersions<ProgrammeRuleData>(db, 'programmeRule');
  const current = currentOf(history);
  const records = current.map((v) => ({ ...v.data, id: v.id }));
  const rules = Object.entries(allRuleSpecs)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, spec]) => {
      const found = ruleInForce(records, key, today, null);
      const version = found ? current.find((v) => v.id === found.id) : undefined;
      return {
        key,
        ...spec,
        value: found?.value ?? spec.sample,
        source: found ? found.source : ('sample' as const),
        effectiveFrom: found?.effectiveFrom ?? null,
        effectiveTo: found?.effectiveTo ?? null,
        publishedBy: version?.by ?? null,
        publishedAt: version?.at ?? null,
      };
    });
  return { today, rules, history };
}
