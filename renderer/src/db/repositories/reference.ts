import {
  buildCalendar,
  sampleCalendarYears,
  type WorkingCalendar,
} from '@shared/calendar/workingDays';
import type { DelegationData } from '@shared/domain/delegation';
import type { BenefitStandardData, CalendarYearData } from '@shared/domain/reference';
import { programmeRuleBook } from '@shared/programmes/registry';
import type { RuleBook } from '@shared/programmes/ruleBook';
import type { StoredRecord } from '@shared/records/envelope';
import type { DeskDatabase } from '../database';
import { requireRole } from '../permissions';
import { write, type Writer } from '../writePath';
import type { WriteContext } from '../writeContext';

export type BenefitStandard = StoredRecord<BenefitStandardData>;

export async function listStandards(db: DeskDatabase): Promise<BenefitStandard[]> {
  const all = await db.benefitStandards.toArray();
  return all
    .filter((s) => !s.deleted)
    .sort(
      (a, b) =>
        a.areaCode.localeCompare(b.areaCode) ||
        a.category.localeCompare(b.category) ||
        b.effectiveFrom.localeCompare(a.effectiveFrom),
    );
}

export async function saveStandard(
  db: DeskDatabase,
  ctx: WriteContext,
  data: BenefitStandardData,
  existing?: { id: string; version: number },
): Promise<BenefitStandard> {
  requireRole(ctx, ['supervisor', 'admin'], 'edit benefit standards');
  return write(db, ctx, (w) =>
    existing
      ? w.update('benefitStandard', existing.id, existing.version, { ...data, source: 'local' })
      : w.create('benefitStandard', { ...data, source: 'local' }),
  );
}

/** The programmes' numbers (published by HQ; declared samples fill what is not). */
export async function loadRuleBook(db: DeskDatabase): Promise<RuleBook> {
  return programmeRuleBook((await db.programmeRules.toArray()).filter((r) => !r.deleted));
}

/** The county's delegations of confirmation (reference data from HQ), all offices. */
export async function listDelegations(db: DeskDatabase): Promise<StoredRecord<DelegationData>[]> {
  return (await db.delegations.toArray()).filter((d) => !d.deleted);
}

export async function loadCalendar(db: DeskDatabase): Promise<WorkingCalendar> {
  const years = (await db.calendarYears.toArray()).filter((y) => !y.deleted);
  // A year the county published replaces the first run's sample of that year.
  const published = new Set(years.filter((y) => y.source !== 'sample').map((y) => y.year));
  return buildCalendar(years.filter((y) => y.source !== 'sample' || !published.has(y.year)));
}

export async function listCalendarYears(
  db: DeskDatabase,
): Promise<StoredRecord<CalendarYearData>[]> {
  return (await db.calendarYears.orderBy('year').toArray()).filter((y) => !y.deleted);
}

/**
 * First-run sample reference data, marked source 'sample', so the desk computes
 * benefits before HQ publishes real standards. Idempotent.
 */
export async function seedSampleReferenceData(
  db: DeskDatabase,
  ctx: WriteContext,
  areaCode: string,
): Promise<void> {
  await write(db, ctx, (w) => seedSampleReferenceDataIn(db, w, areaCode));
}

/** The same seed inside a caller's transaction (the first run is one transaction). */
export async function seedSampleReferenceDataIn(db: DeskDatabase, w: Writer, areaCode: string) {
  if ((await db.benefitStandards.count()) === 0) {
    const samples: BenefitStandardData[] = [
      sample(areaCode, 'urban', 80000),
      sample(areaCode, 'rural', 63200),
    ];
    for (const s of samples) await w.create('benefitStandard', s);
  }
  if ((await db.calendarYears.count()) === 0) {
    for (const y of sampleCalendarYears) await w.create('calendarYear', { ...y, source: 'sample' });
  }
}

function sample(
  areaCode: string,
  category: 'urban' | 'rural',
  amountFen: number,
): BenefitStandardData {
  return {
    areaCode,
    category,
    effectiveFrom: '2026-01-01',
    effectiveTo: null,
    amountFen,
    source: 'sample',
    note: '示例标准，待县局发布后替换',
  };
}
