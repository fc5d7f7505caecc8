import { AppError } from '@shared/errors/appError';
import { categoriesInForce, type CategoryInfo } from '@shared/medical/categories';
import type { MedicalCoverageData } from '@shared/medical/coverageRecord';
import { deriveCoverage, type CoverageSpan } from '@shared/medical/derive';
import { manualCoverageIssues } from '@shared/medical/manualChecks';
import { coverageTimeline, type CoverageSegment } from '@shared/medical/timeline';
import type { ProgrammeRuleData, RuleBook } from '@shared/programmes/ruleBook';
import { programmeRuleBook } from '@shared/programmes/registry';
import type { StoredRecord } from '@shared/records/envelope';
import type { DeskDatabase } from '../../database';
import { medicalCoveragesTable } from '../../tables/medicalTables';
import { write, type Writer } from '../../writePath';
import type { WriteContext } from '../../writeContext';

export type CoverageRecord = StoredRecord<MedicalCoverageData>;

/** What the coverage list and the checks read: the office's cases, hand records and rules. */
export interface CoverageState {
  spans: CoverageSpan[];
  timeline: CoverageSegment[];
  manual: CoverageRecord[];
  rules: RuleBook;
  ruleRecords: ProgrammeRuleData[];
}

export async function loadCoverageState(db: DeskDatabase): Promise<CoverageState> {
  const [cases, manual, ruleRecords] = await Promise.all([
    db.cases.toArray(),
    medicalCoveragesTable(db).toArray(),
    db.programmeRules.toArray(),
  ]);
  const liveRules = ruleRecords.filter((r) => !r.deleted);
  const rules = programmeRuleBook(liveRules);
  const liveManual = manual.filter((m) => !m.deleted);
  const spans = [
    ...deriveCoverage(cases.filter((c) => !c.deleted).map((c) => ({ id: c.id, data: c }))),
    ...liveManual.map((m): CoverageSpan => ({
      personId: m.personId,
      category: m.category,
      from: m.from,
      to: m.to,
      source: 'manual',
      caseId: null,
      recordId: m.id,
      note: m.note,
    })),
  ];
  return {
    spans,
    timeline: coverageTimeline(spans, rules),
    manual: liveManual,
    rules,
    ruleRecords: liveRules,
  };
}

/** The categories a hand record may use on `date` (not the derived ones). */
export function manualCategories(state: CoverageState, date: string): CategoryInfo[] {
  return categoriesInForce(state.ruleRecords, state.rules, date).filter((c) => !c.derived);
}

export function categoriesOn(state: CoverageState, date: string): CategoryInfo[] {
  return categoriesInForce(state.ruleRecords, state.rules, date);
}

export interface CoverageFields {
  personId: string;
  category: string;
  from: string;
  to: string | null;
  note: string;
  overlapReason: string;
}

/** The checks against the person's other coverage, inside the writing transaction. */
async function checkAgainstOthers(
  db: DeskDatabase,
  w: Writer,
  recordId: string,
  fields: CoverageFields,
): Promise<void> {
  const person = await w.get('person', fields.personId);
  if (!person || person.deleted) {
    throw new AppError({
      code: 'validation',
      message: 'Coverage is kept for a registered person.',
      fieldErrors: [{ path: 'personId', code: 'medical.person_missing' }],
    });
  }
  const state = await loadCoverageState(db);
  const data = { ...fields, source: 'manual' as const };
  const issues = manualCoverageIssues(data, {
    recordId,
    derived: state.spans.filter((s) => s.source === 'derived'),
    manual: state.manual.map((m) => ({ id: m.id, data: m })),
    rules: state.rules,
  });
  if (issues.length > 0) {
    throw new AppError({
      code: 'validation',
      message: 'The coverage record conflicts with the person’s other coverage.',
      fieldErrors: issues,
    });
  }
}

export async function addCoverage(
  db: DeskDatabase,
  ctx: WriteContext,
  fields: CoverageFields,
): Promise<CoverageRecord> {
  return write(db, ctx, async (w) => {
    await checkAgainstOthers(db, w, '', fields);
    return w.create('medicalCoverage', { ...fields, source: 'manual' });
  });
}

/** A correction (or the end: `to` set) of a hand record, with its reason. */
export async function correctCoverage(
  db: DeskDatabase,
  ctx: WriteContext,
  id: string,
  baseVersion: number,
  fields: CoverageFields,
  reason: string,
): Promise<CoverageRecord> {
  return write(db, ctx, async (w) => {
    await checkAgainstOthers(db, w, id, fields);
    return w.update('medicalCoverage', id, baseVersion, fields, { reason });
  });
}

export async function getCoverage(
  db: DeskDatabase,
  id: string,
): Promise<CoverageRecord | undefined> {
  const r = await medicalCoveragesTable(db).get(id);
  return r && !r.deleted ? r : undefined;
}
