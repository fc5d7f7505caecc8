import {
  benefitRecomputationDataSchema,
  type BenefitRecomputationData,
} from '../dynamics/recomputation';
import type { FieldError } from '../errors/appError';
import { defineKind, derivesNothing } from './defineKind';

/**
 * Record kinds of 动态管理: a month's recomputation under a new standard (the list of
 * old → new amounts the supervisor approves; approval applies its lines as corrections
 * of the cases in the same write transaction). Spread into kindDefinitions (kinds.ts).
 */
function recomputationIssues(data: BenefitRecomputationData): FieldError[] {
  const approved = data.status === 'approved';
  if (approved !== (data.approvedOn !== null)) {
    return [{ path: 'approvedOn', code: 'dynamics.approved_on' }];
  }
  const ids = data.lines.map((l) => l.caseId);
  if (new Set(ids).size !== ids.length) return [{ path: 'lines', code: 'dynamics.line_twice' }];
  return [];
}

export const dynamicsKinds = {
  benefitRecomputation: defineKind({
    schema: benefitRecomputationDataSchema,
    scope: 'office',
    appendOnly: false,
    keepsRevisions: false,
    derive: derivesNothing,
    domainIssues: recomputationIssues,
  }),
};
