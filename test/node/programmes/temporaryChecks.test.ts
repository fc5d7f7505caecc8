import { describe, expect, it } from 'vitest';
import { programmeCaseIssues } from '@shared/programmes/caseChecks';
import { fireFacts, temporaryCase } from './temporaryFixtures';

const issuesOf = (facts: Record<string, unknown>) =>
  programmeCaseIssues(temporaryCase({ programmeFacts: facts }), '2026-03-10');

describe('临时救助 facts', () => {
  it('accepts an emergency and a medical spending case linked to its medical costs', () => {
    expect(issuesOf(fireFacts())).toEqual([]);
    const medical = fireFacts({
      kind: 'expenditure',
      cause: 'medical',
      spendingFen: 800000,
      proposedFen: 300000,
      medicalCostFen: 800000,
      medicalReference: '医疗救助结算单 2026-0211',
    });
    expect(issuesOf(medical)).toEqual([]);
  });

  it('names each wrong fact with its rule', () => {
    const codes = (facts: Record<string, unknown>) =>
      issuesOf(facts).map((i) => `${i.path} ${i.code}`);
    expect(codes(fireFacts({ cause: 'education' }))).toEqual([
      'programmeFacts.cause temporary.cause_not_of_kind',
    ]);
    expect(codes(fireFacts({ eventDate: '2026-03-03' }))).toEqual([
      'programmeFacts.eventDate temporary.event_after_application',
    ]);
    expect(codes(fireFacts({ proposedFen: 0 }))).toEqual([
      'programmeFacts.proposedFen temporary.proposed_required',
    ]);
    expect(codes(fireFacts({ spendingFen: 5 }))).toEqual([
      'programmeFacts.spendingFen temporary.spending_not_emergency',
    ]);
    const spending = { kind: 'expenditure' as const, cause: 'education' as const };
    expect(codes(fireFacts({ ...spending, spendingFen: 0 }))).toEqual([
      'programmeFacts.spendingFen temporary.spending_required',
    ]);
    expect(codes(fireFacts({ ...spending, spendingFen: 100000, proposedFen: 100001 }))).toEqual([
      'programmeFacts.proposedFen temporary.proposed_over_spending',
    ]);
    expect(
      codes(fireFacts({ ...spending, spendingFen: 100000, proposedFen: 1, medicalCostFen: 1 })),
    ).toEqual(['programmeFacts.medicalCostFen temporary.medical_not_medical']);
    expect(
      codes(
        fireFacts({
          kind: 'expenditure',
          cause: 'medical',
          spendingFen: 100000,
          proposedFen: 1,
          medicalCostFen: 100001,
        }),
      ),
    ).toEqual(['programmeFacts.medicalCostFen temporary.medical_over_spending']);
    expect(codes({ ...fireFacts(), proposedFen: 1.5 })[0]).toMatch(/^programmeFacts.proposedFen /);
    expect(codes({ ...fireFacts(), extra: 1 })[0]).toMatch(/^programmeFacts/);
  });
});
