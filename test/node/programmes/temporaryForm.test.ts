import { describe, expect, it, vi } from 'vitest';
import { programmeCaseIssues } from '@shared/programmes/caseChecks';
import { temporaryFormLogic } from '../../../renderer/src/screens/cases/programmes/temporary/temporaryForm';
import { temporaryCase } from './temporaryFixtures';

// The form's money parsing sits beside the renderer's MoneyField, whose module reaches the
// session store, which reads the chosen language from localStorage on load.
vi.hoisted(() => vi.stubGlobal('localStorage', { getItem: () => null }));

const typed = (over: Record<string, unknown> = {}) => ({
  ...temporaryFormLogic.emptyFacts(),
  eventDate: '2026-03-01',
  description: '住房失火',
  proposed: '1,500.5',
  ...over,
});

describe('临时救助 form part', () => {
  it('turns typed yuan into fen facts the shared checks accept', () => {
    const facts = temporaryFormLogic.toFacts(typed());
    expect(facts).toEqual({
      kind: 'emergency',
      cause: 'fire',
      eventDate: '2026-03-01',
      description: '住房失火',
      spendingFen: 0,
      proposedFen: 150050,
      medicalCostFen: null,
      medicalReference: '',
      repeatReason: '',
    });
    expect(programmeCaseIssues(temporaryCase({ programmeFacts: facts }), '2026-03-10')).toEqual([]);
  });

  it('keeps the medical link only for medical spending, and round-trips a saved case', () => {
    const medical = typed({
      kind: 'expenditure',
      cause: 'medical',
      spending: '8000',
      proposed: '3000',
      medicalCost: '7999.99',
      medicalReference: ' 结算单 031 ',
    });
    const facts = temporaryFormLogic.toFacts(medical);
    expect(facts).toMatchObject({
      spendingFen: 800000,
      medicalCostFen: 799999,
      medicalReference: '结算单 031',
    });
    expect(temporaryFormLogic.fromCase(facts)).toMatchObject({
      spending: '8000.00',
      proposed: '3000.00',
      medicalCost: '7999.99',
    });
    // Switched to education: the medical fields are not saved.
    expect(temporaryFormLogic.toFacts({ ...medical, cause: 'education' })).toMatchObject({
      medicalCostFen: null,
      medicalReference: '',
    });
    // Switched to an emergency: no spending.
    expect(
      temporaryFormLogic.toFacts({ ...medical, kind: 'emergency', cause: 'fire' }),
    ).toMatchObject({
      spendingFen: 0,
    });
  });

  it('says what is missing before saving, with the write path paths', () => {
    const codes = (over: Record<string, unknown>) =>
      temporaryFormLogic.localIssues(typed(over)).map((i) => `${i.path} ${i.code}`);
    expect(codes({})).toEqual([]);
    expect(codes({ description: '  ', eventDate: '' })).toEqual([
      'programmeFacts.eventDate field.date',
      'programmeFacts.description field.required',
    ]);
    expect(codes({ proposed: '' })).toEqual([
      'programmeFacts.proposedFen temporary.proposed_required',
    ]);
    expect(codes({ proposed: '12.345' })).toEqual(['programmeFacts.proposedFen money.format']);
    expect(codes({ kind: 'expenditure', cause: 'fire' })).toEqual([
      'programmeFacts.cause field.required',
    ]);
  });

  it('opens a draft from an older form field by field', () => {
    expect(
      temporaryFormLogic.adopt({ kind: 'bogus', proposed: 12, description: '旧草稿' }),
    ).toMatchObject({
      kind: 'emergency',
      proposed: '',
      description: '旧草稿',
    });
    expect(temporaryFormLogic.adopt(null)).toEqual(temporaryFormLogic.emptyFacts());
  });
});
