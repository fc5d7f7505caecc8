import { describe, expect, it } from 'vitest';
import {
  benefitRefusal,
  caseCreateIssues,
  caseEditIssues,
  stepOpIssues,
} from '@shared/authority/caseOps';
import { mayWrite } from '@shared/authority/kindWriters';
import { computeCaseBenefit, benefitInputOf } from '@shared/benefit/caseBenefit';
import { buildCalendar } from '@shared/calendar/workingDays';
import { noStepDates, type AssistanceCaseData } from '@shared/domain/assistanceCase';
import { delegationInForce } from '@shared/domain/delegation';
import { defaultOfficeSettings } from '@shared/domain/settings';
import { AppError } from '@shared/errors/appError';
import { planCaseStep } from '@shared/programmes/caseEngine';

/** The shared rules HQ and the desk both apply to a case, its steps and its writers. */

const standards = [
  {
    id: 's-rural',
    areaCode: '330102',
    category: 'rural' as const,
    effectiveFrom: '2026-01-01',
    effectiveTo: null,
    amountFen: 63200,
    source: 'hq' as const,
  },
];

function aCase(over: Partial<AssistanceCaseData> = {}): AssistanceCaseData {
  const facts = {
    programme: 'dibao' as const,
    householdId: 'h1',
    applicantPersonId: 'p1',
    applicantName: '张三丰',
    category: 'rural' as const,
    areaCode: '330102',
    coveredPersonIds: ['p1', 'p2', 'p3'],
    income: { wagesFen: 50000, businessFen: 0, propertyFen: 0, transferFen: 0 },
    deductionsFen: 0,
    assets: { depositsFen: 0, securitiesFen: 0, vehicles: 0, extraHousingUnits: 0, note: '' },
    applicationDate: '2026-03-02',
  };
  return {
    ...facts,
    benefit: computeCaseBenefit(benefitInputOf(facts), standards, defaultOfficeSettings),
    status: 'draft',
    statusChangedAt: '2026-03-02T01:00:00.000Z',
    ...noStepDates,
    programmeFacts: {},
    previousCaseId: null,
    searchTokens: [],
    ...over,
  };
}

describe('the case rules both sides apply', () => {
  it('accepts S×N−I of the case’s own figures and names each figure that differs', () => {
    const honest = aCase();
    // 3 × 632.00 − 500.00 = 1,396.00 yuan.
    expect(honest.benefit.benefitFen).toBe(139_600);
    expect(benefitRefusal(honest, standards, defaultOfficeSettings)).toBeNull();
    const forged = aCase({ benefit: { ...honest.benefit, benefitFen: 99_999_999 } });
    expect(benefitRefusal(forged, standards, defaultOfficeSettings)).toMatchObject({
      code: 'validation',
      fieldErrors: [
        {
          path: 'benefit.benefitFen',
          code: 'benefit.mismatch',
          params: { sent: 99_999_999, computed: 139_600 },
        },
      ],
    });
    const early = aCase({ applicationDate: '2025-12-31' });
    expect(benefitRefusal(early, standards, defaultOfficeSettings)?.fieldErrors?.[0]?.code).toBe(
      'benefit.no_standard',
    );
  });

  it('lets a case start only as a draft, and a correction touch only facts before 公示', () => {
    expect(caseCreateIssues({ status: 'draft', acceptedOn: null })).toEqual([]);
    expect(caseCreateIssues({ status: 'active' }).map((i) => i.code)).toEqual([
      'workflow.initial_state',
    ]);
    expect(caseCreateIssues({ status: 'draft', acceptedOn: '2026-03-02' })[0]?.path).toBe(
      'acceptedOn',
    );
    const at = (status: 'draft' | 'accepted' | 'public_notice' | 'confirmed') => ({
      status,
      acceptedOn: status === 'draft' ? null : '2026-03-05',
      noticeStartedOn: null,
    });
    expect(caseEditIssues(at('draft'), { deductionsFen: 1 })).toEqual([]);
    expect(caseEditIssues(at('draft'), { status: 'confirmed' })[0]?.code).toBe(
      'workflow.step_field',
    );
    // Corrected before 公示; during it and after the decision, only by a step.
    expect(caseEditIssues(at('accepted'), { deductionsFen: 1 })).toEqual([]);
    for (const status of ['public_notice', 'confirmed'] as const) {
      expect(caseEditIssues(at(status), { deductionsFen: 1 })[0]?.code).toBe('case.not_editable');
      // The applicant's name follows a correction of the person at any status, and only
      // to the person's current name (copyRefresh.ts).
      expect(
        caseEditIssues(at(status), { applicantName: '张三', searchTokens: [] }, '张三'),
      ).toEqual([]);
      expect(caseEditIssues(at(status), { applicantName: '张三' })[0]?.code).toBe(
        'case.not_editable',
      );
    }
    // An application date corrected past 受理 would put a step before its record.
    expect(caseEditIssues(at('accepted'), { applicationDate: '2026-03-05' })).toEqual([]);
    expect(caseEditIssues(at('accepted'), { applicationDate: '2026-03-06' })).toEqual([
      {
        path: 'applicationDate',
        code: 'case.application_after_step',
        params: { date: '2026-03-05' },
      },
    ]);
    expect(stepOpIssues({ status: 'submitted', benefit: {} }).map((i) => i.path)).toEqual([
      'benefit',
    ]);
  });

  it('plans a step with the calendar and delegation given, ending the 公示 after its last day', () => {
    const calendar = buildCalendar([]);
    const env = {
      settings: defaultOfficeSettings,
      calendar,
      confirmationDelegated: false,
    };
    const inNotice = {
      status: 'public_notice' as const,
      applicationDate: '2026-03-02',
      acceptedOn: '2026-03-02',
      noticeStartedOn: '2026-03-02',
    };
    // 7 working days after Monday 2 March: Wednesday 11 March is the last day.
    const onLastDay = () =>
      planCaseStep(
        inNotice,
        { action: 'submit_to_county', role: 'supervisor' },
        { ...env, today: '2026-03-11' },
      );
    expect(onLastDay).toThrow(AppError);
    const after = planCaseStep(
      inNotice,
      { action: 'submit_to_county', role: 'supervisor' },
      { ...env, today: '2026-03-12' },
    );
    expect(after.fields).toMatchObject({ status: 'county_review', noticeEnd: '2026-03-11' });
    expect(() =>
      planCaseStep(
        inNotice,
        { action: 'confirm_at_township', role: 'supervisor', opinion: '符合' },
        { ...env, today: '2026-03-12' },
      ),
    ).toThrow(/not_delegated/);
    expect(
      planCaseStep(
        inNotice,
        { action: 'confirm_at_township', role: 'supervisor', opinion: '符合' },
        { ...env, today: '2026-03-12', confirmationDelegated: true },
      ).to,
    ).toBe('confirmed');
    const accepted = planCaseStep(
      {
        status: 'submitted',
        applicationDate: '2026-03-02',
        acceptedOn: null,
        noticeStartedOn: null,
      },
      { action: 'accept', role: 'registrar' },
      { ...env, today: '2026-03-02' },
    );
    expect(accepted.fields).toMatchObject({ acceptedOn: '2026-03-02', decisionDue: '2026-04-13' });
  });

  it('finds the delegation in force on a day, the latest start winning', () => {
    const grants = [
      { office: 'a', confirmationDelegated: true, effectiveFrom: '2026-01-01', note: '' },
      { office: 'a', confirmationDelegated: false, effectiveFrom: '2026-04-01', note: '' },
      { office: 'b', confirmationDelegated: true, effectiveFrom: '2026-01-01', note: '' },
    ];
    expect(delegationInForce(grants, 'a', '2025-12-31')).toBe(false);
    expect(delegationInForce(grants, 'a', '2026-03-31')).toBe(true);
    expect(delegationInForce(grants, 'a', '2026-04-01')).toBe(false);
    expect(delegationInForce(grants, 'c', '2026-04-01')).toBe(false);
  });

  it('keeps accounts and settings from casework roles', () => {
    expect(mayWrite('registrar', 'person')).toBe(true);
    expect(mayWrite('admin', 'staffMember')).toBe(true);
    expect(mayWrite('supervisor', 'staffMember')).toBe(false);
    expect(mayWrite('registrar', 'officeSettings')).toBe(false);
    expect(mayWrite('county', 'person')).toBe(false);
  });
});
