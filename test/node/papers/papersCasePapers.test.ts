import { describe, expect, it } from 'vitest';
import { AppError } from '@shared/errors/appError';
import { buildApprovalForm } from '@shared/papers/approvalForm';
import { ageOn, buildAuthorisation } from '@shared/papers/authorisation';
import { papersOfCase } from '@shared/papers/availability';
import { buildRefusal, statutoryRemedy } from '@shared/papers/refusal';
import {
  decisionStep,
  refusalStep,
  refusedStates,
  townshipOpinionStep,
} from '@shared/papers/decisions';
import { aCase, household, office, person, step } from './paperFixtures';

const head = person('p1', '张三丰', '1960-05-04');
const spouse = person('p2', '李秀英', '1962-08-15', '024');
// 18 on 2026-12-05: signs. One day short of 18: named as a minor.
const son = person('p3', '张大明', '2008-12-05', '031');
const daughter = person('p4', '张小红', '2008-12-06', '042');
const home = household('h1', head, '东村', [
  { personId: 'p2', relation: 'spouse' },
  { personId: 'p3', relation: 'child' },
  { personId: 'p4', relation: 'child' },
]);
const persons = [head, spouse, son, daughter];

const history = [
  step('submit', 'draft', 'submitted', '2026-11-02T01:00:00.000Z', {
    actorName: '王登记',
    actorRole: 'registrar',
  }),
  step('accept', 'submitted', 'accepted', '2026-11-03T01:00:00.000Z'),
  step('start_investigation', 'accepted', 'investigating', '2026-11-04T01:00:00.000Z'),
  step('record_opinion', 'investigating', 'township_opinion', '2026-11-10T01:00:00.000Z', {
    opinion: '经入户调查，家庭人均收入低于标准，同意上报。',
  }),
  step('start_notice', 'township_opinion', 'public_notice', '2026-11-11T01:00:00.000Z'),
  step('submit_to_county', 'public_notice', 'county_review', '2026-11-20T01:00:00.000Z'),
];
const denial = step('deny', 'county_review', 'denied', '2026-11-25T06:00:00.000Z', {
  actorName: '赵科长',
  actorRole: 'county',
  opinion: '家庭存款超过当地规定的财产限额。',
});

describe('notice of refusal', () => {
  it('carries the refusing step’s opinion as the reasons, who refused, and the remedy', () => {
    const record = aCase('0193a8b2-7c4d-7e00-9abc-def012345678', {
      status: 'denied',
      decidedOn: '2026-11-25',
    });
    // Out of order as they may arrive by sync: the last step into 'denied' is the one.
    const paper = buildRefusal({ record, events: [denial, ...history].reverse(), office });
    expect(paper).toEqual({
      kind: 'refusal',
      number: 'BYPZ20261125-345678',
      applicantName: '张三丰',
      programme: 'dibao',
      applicationDate: '2026-11-02',
      decidedOn: '2026-11-25',
      decidedBy: 'county',
      officeName: '城关镇民政办',
      reasons: '家庭存款超过当地规定的财产限额。',
      remedy: { reconsiderationDays: 60, litigationMonths: 6 },
    });
    expect(statutoryRemedy).toEqual({ reconsiderationDays: 60, litigationMonths: 6 });
  });

  it('names the township when it refused under delegation', () => {
    const township = step('deny_at_township', 'public_notice', 'denied', '2026-11-21T02:00:00Z', {
      opinion: '申请人隐瞒经营收入。',
    });
    const paper = buildRefusal({
      record: aCase('c1', { status: 'denied', decidedOn: '2026-11-21' }),
      events: [...history.slice(0, 5), township],
      office,
    });
    expect(paper.decidedBy).toBe('township');
    expect(paper.reasons).toBe('申请人隐瞒经营收入。');
  });

  it('is refused for a case that was not refused', () => {
    expect(() => buildRefusal({ record: aCase('c1'), events: history, office })).toThrow(AppError);
    try {
      buildRefusal({ record: aCase('c1', { status: 'denied' }), events: history, office });
    } catch (thrown) {
      expect((thrown as AppError).fieldErrors).toEqual([
        { path: 'status', code: 'papers.not_denied' },
      ]);
    }
  });
});

describe('审批表', () => {
  it('holds the covered members, the computation with its parts and every step in order', () => {
    const record = aCase('c1', {
      status: 'confirmed',
      coveredPersonIds: ['p1', 'p2'],
      income: { wagesFen: 30_000, businessFen: 12_000, propertyFen: 0, transferFen: 8_000 },
      deductionsFen: 5_000,
      benefit: {
        standardId: 's1',
        standardFen: 63_200,
        coveredCount: 2,
        countedIncomeFen: 45_000,
        benefitFen: 81_400,
        classification: 'dibao',
        computedForDate: '2026-11-02',
        parts: [
          { code: 'basic', fen: 61_400 },
          { code: 'care', fen: 20_000 },
        ],
      },
    });
    const confirm = step('confirm', 'county_review', 'confirmed', '2026-11-25T06:00:00Z', {
      actorRole: 'county',
      actorName: '赵科长',
      opinion: '同意。',
    });
    const paper = buildApprovalForm({
      record,
      household: home,
      persons,
      events: [confirm, ...history].reverse(),
      office,
    });
    expect(paper.members.map((m) => [m.name, m.relation, m.idNumber])).toEqual([
      ['张三丰', 'self', head.idNumber],
      ['李秀英', 'spouse', spouse.idNumber],
    ]);
    // 300 + 120 + 0 + 80 = 500 yuan of income; 50 yuan deducted; 2 × 632 − 450 = 814.
    expect(paper.incomeTotalFen).toBe(50_000);
    expect(paper.deductionsFen).toBe(5_000);
    expect(paper.benefit.benefitFen).toBe(2 * 63_200 - 45_000);
    expect(paper.benefit.parts).toEqual([
      { code: 'basic', fen: 61_400 },
      { code: 'care', fen: 20_000 },
    ]);
    expect(paper.steps.map((s) => s.action)).toEqual([
      'submit',
      'accept',
      'start_investigation',
      'record_opinion',
      'start_notice',
      'submit_to_county',
      'confirm',
    ]);
    expect(paper.steps[0]).toMatchObject({ actorName: '王登记', actorRole: 'registrar' });
    expect(paper.townshipOpinion?.opinion).toBe('经入户调查，家庭人均收入低于标准，同意上报。');
    expect(paper.decision).toMatchObject({ action: 'confirm', opinion: '同意。' });
    expect(paper).toMatchObject({
      village: '东村',
      address: '东村3组12号',
      number: 'SPB20261102-C1',
    });
  });
});

describe('家庭经济状况核对授权书', () => {
  it('is one page per covered member aged 18 on the day, the applicant first', () => {
    expect(ageOn('2008-12-05', '2026-12-05')).toBe(18);
    expect(ageOn('2008-12-06', '2026-12-05')).toBe(17);
    const paper = buildAuthorisation({
      record: aCase('c1', {
        applicantPersonId: 'p2',
        applicantName: '李秀英',
        coveredPersonIds: ['p1', 'p2', 'p3', 'p4'],
      }),
      household: home,
      persons,
      office,
      today: '2026-12-05',
    });
    expect(paper.pages.map((p) => [p.name, p.relation, p.idNumber, p.isApplicant])).toEqual([
      ['李秀英', 'spouse', spouse.idNumber, true],
      ['张三丰', 'self', head.idNumber, false],
      ['张大明', 'child', son.idNumber, false],
    ]);
    expect(paper.minors).toEqual(['张小红']);
  });

  it('is refused when no covered member is an adult', () => {
    expect(() =>
      buildAuthorisation({
        record: aCase('c1', { coveredPersonIds: ['p4'] }),
        household: home,
        persons,
        office,
        today: '2026-12-05',
      }),
    ).toThrow(AppError);
  });
});

describe('the papers a case offers', () => {
  it('follows the module’s list, each ready or with the reason it is not', () => {
    expect(papersOfCase(aCase('c1'))).toEqual([
      { kind: 'noticeList', unavailable: null },
      { kind: 'refusal', unavailable: 'papers.not_denied' },
      { kind: 'approvalForm', unavailable: null },
      { kind: 'authorisation', unavailable: null },
    ]);
    const drafted = papersOfCase(aCase('c1', { status: 'draft', noticeStartedOn: null }));
    expect(drafted[0]).toEqual({ kind: 'noticeList', unavailable: 'papers.no_notice' });
    expect(papersOfCase(aCase('c1', { status: 'denied' }))[1]?.unavailable).toBeNull();
  });
});

describe('the deciding steps, read from the module’s step marks', () => {
  it('finds the refusal and the decision by their marks, and the township opinion before it', () => {
    expect(refusedStates('dibao')).toEqual(['denied']);
    // A forged or unknown programme has no refusing step: no notice can be printed.
    expect(refusedStates('lottery')).toEqual([]);
    const delegated = step(
      'confirm_at_township',
      'public_notice',
      'confirmed',
      '2026-11-21T02:00:00Z',
      {
        opinion: '公示无异议，同意确认。',
      },
    );
    const review = step('complete_review', 'under_review', 'active', '2027-11-21T02:00:00Z', {
      opinion: '复核后维持。',
    });
    const events = [...history, delegated, review];
    expect(decisionStep('dibao', events)?.action).toBe('confirm_at_township');
    // The opinion before the decision (初审), not the decision nor a later review.
    expect(townshipOpinionStep('dibao', events)?.action).toBe('record_opinion');
    expect(refusalStep('dibao', events)).toBeNull();
    expect(refusalStep('dibao', [...history, denial])?.opinion).toBe(denial.opinion);
  });
});
