/**
 * The rules a hand record meets against the rest of the person's coverage, the same at
 * the desk's write and at HQ's check of the merged record:
 * - its category is in use on its first day, and is not one derived from cases
 *   (特困/低保/低保边缘 come from the case; a hand copy would drift from it);
 * - it does not overlap another hand record of the same person (one hand category at a
 *   time: correct or end the other first);
 * - it overlaps a derived coverage (necessarily of another category) only with a
 *   stated reason (`overlapReason`), e.g. 监测对象 kept while a 低保 case runs; the
 *   higher-priority category still wins on the list.
 */
import type { FieldError } from '../errors/appError';
import type { RuleBook } from '../programmes/ruleBook';
import { categoryPriority, isDerivedCategory } from './categories';
import type { MedicalCoverageData } from './coverageRecord';
import type { CoverageSpan } from './derive';

const open = '9999-12-31';

function overlaps(a: { from: string; to: string | null }, b: { from: string; to: string | null }) {
  return a.from <= (b.to ?? open) && b.from <= (a.to ?? open);
}

export interface ManualContext {
  recordId: string;
  /** The person's derived spans (deriveCoverage of the office's cases). */
  derived: readonly CoverageSpan[];
  /** The person's other live hand records. */
  manual: readonly { id: string; data: MedicalCoverageData }[];
  rules: RuleBook;
}

export function manualCoverageIssues(data: MedicalCoverageData, ctx: ManualContext): FieldError[] {
  if (isDerivedCategory(data.category)) {
    return [
      { path: 'category', code: 'medical.category_derived', params: { category: data.category } },
    ];
  }
  if (categoryPriority(ctx.rules, data.category, data.from) === undefined) {
    return [
      { path: 'category', code: 'medical.category_unknown', params: { category: data.category } },
    ];
  }
  const issues: FieldError[] = [];
  const other = ctx.manual.find(
    (m) => m.id !== ctx.recordId && m.data.personId === data.personId && overlaps(m.data, data),
  );
  if (other) {
    issues.push({
      path: 'from',
      code: 'medical.overlaps_manual',
      params: { category: other.data.category, from: other.data.from, to: other.data.to ?? '' },
    });
  }
  const derived = ctx.derived.find((d) => d.personId === data.personId && overlaps(d, data));
  if (derived && data.overlapReason.trim() === '') {
    issues.push({
      path: 'overlapReason',
      code: 'medical.overlaps_derived',
      params: { category: derived.category, from: derived.from, to: derived.to ?? '' },
    });
  }
  return issues;
}
