/**
 * Coverage derived from the person's standing in the other programmes (never stored:
 * computed from the cases, the same at the desk and at HQ). Every covered member of
 * the case is covered:
 * - 特困 ('tekun'), 低保 ('dibao'): from the first day of the first paid month
 *   (paymentFrom, written by the approving step) while the case is in a paid status of
 *   its module (registry: paidStatuses), to the day it ended (endedOn) once it has;
 *   a suspended case's coverage ends the day it was suspended (its statusChangedAt).
 * - 低保边缘 ('dibaoEdge'): a 低保 case whose classification at its decision was 'edge'
 *   (no cash): from the decision day (decidedOn), under the same status rules, plus the
 *   confirmed-but-not-yet-active status.
 * A case approved but not yet paid, refused or withdrawn covers nobody.
 */
import type { AssistanceCaseData } from '../domain/assistanceCase';
import { programmeModules, isProgramme } from '../programmes/registry';
import type { DerivedCategory } from './categories';

export interface CoverageSpan {
  personId: string;
  category: string;
  from: string;
  /** Last covered day; null while open. */
  to: string | null;
  source: 'derived' | 'manual';
  /** The case a derived span comes from. */
  caseId: string | null;
  /** The hand record a manual span is. */
  recordId: string | null;
  note: string;
}

export interface CaseRow {
  id: string;
  data: AssistanceCaseData;
}

const sourceProgrammes: Readonly<Record<string, true>> = { tekun: true, dibao: true };

function categoryOf(data: AssistanceCaseData): DerivedCategory {
  if (data.programme === 'tekun') return 'tekun';
  return data.benefit.classification === 'edge' ? 'dibaoEdge' : 'dibao';
}

/** The span of one case, or null when it covers nobody. */
export function caseCoverage(
  data: AssistanceCaseData,
): { category: DerivedCategory; from: string; to: string | null } | null {
  if (!sourceProgrammes[data.programme] || !isProgramme(data.programme)) return null;
  if (data.paymentFrom === null || data.decidedOn === null) return null;
  const module = programmeModules[data.programme];
  const category = categoryOf(data);
  const from = category === 'dibaoEdge' ? data.decidedOn : `${data.paymentFrom}-01`;
  let to: string | null;
  if (module.paidStatuses.includes(data.status)) to = null;
  else if (data.endedOn !== null) to = data.endedOn;
  else if (data.status === 'suspended') to = data.statusChangedAt.slice(0, 10);
  else if (category === 'dibaoEdge' && data.status === 'confirmed') to = null;
  else return null;
  if (to !== null && to < from) return null;
  return { category, from, to };
}

/** Every derived span of these cases, one per covered member. */
export function deriveCoverage(cases: readonly CaseRow[]): CoverageSpan[] {
  const spans: CoverageSpan[] = [];
  for (const c of cases) {
    const span = caseCoverage(c.data);
    if (!span) continue;
    for (const personId of c.data.coveredPersonIds) {
      spans.push({ personId, ...span, source: 'derived', caseId: c.id, recordId: null, note: '' });
    }
  }
  return spans;
}
