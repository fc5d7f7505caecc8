/**
 * The 临时救助 checks of a case's own facts beyond their schema, the same at the desk
 * and at HQ: the cause belongs to the kind; the event happened, and not after the
 * application; a 支出型 case names its spending and proposes no more than it; the
 * medical costs link only a medical case and are part of its spending; an amount is
 * proposed. Out-of-range figures are refused, never clamped.
 */
import type { AssistanceCaseData } from '../../domain/assistanceCase';
import type { FieldError } from '../../errors/appError';
import { formatFen } from '../../money/fen';
import { notInFuture } from '../../validation/dates';
import { causesOfKind, temporaryFactsOf } from './facts';

const at = (field: string) => `programmeFacts.${field}`;

export function temporaryChecks(data: AssistanceCaseData, today: string): FieldError[] {
  const facts = temporaryFactsOf(data.programmeFacts);
  if (facts === null) return []; // the schema check names what is wrong
  const issues: FieldError[] = [];
  if (!causesOfKind[facts.kind].includes(facts.cause)) {
    issues.push({
      path: at('cause'),
      code: 'temporary.cause_not_of_kind',
      params: { kind: facts.kind, cause: facts.cause },
    });
  }
  issues.push(...notInFuture(facts.eventDate, today, at('eventDate')));
  if (facts.eventDate > data.applicationDate) {
    issues.push({
      path: at('eventDate'),
      code: 'temporary.event_after_application',
      params: { applicationDate: data.applicationDate },
    });
  }
  if (facts.proposedFen < 1)
    issues.push({ path: at('proposedFen'), code: 'temporary.proposed_required' });
  if (facts.kind === 'expenditure') {
    if (facts.spendingFen < 1) {
      issues.push({ path: at('spendingFen'), code: 'temporary.spending_required' });
    } else if (facts.proposedFen > facts.spendingFen) {
      issues.push({
        path: at('proposedFen'),
        code: 'temporary.proposed_over_spending',
        params: { spendingFen: facts.spendingFen, spending: formatFen(facts.spendingFen) },
      });
    }
  } else if (facts.spendingFen !== 0) {
    issues.push({ path: at('spendingFen'), code: 'temporary.spending_not_emergency' });
  }
  if (facts.medicalCostFen !== null) {
    if (facts.cause !== 'medical') {
      issues.push({ path: at('medicalCostFen'), code: 'temporary.medical_not_medical' });
    } else if (facts.medicalCostFen > facts.spendingFen) {
      issues.push({
        path: at('medicalCostFen'),
        code: 'temporary.medical_over_spending',
        params: { spendingFen: facts.spendingFen, spending: formatFen(facts.spendingFen) },
      });
    }
  }
  return issues;
}
