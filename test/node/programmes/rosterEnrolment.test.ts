import { describe, expect, it } from 'vitest';
import { buildCalendar } from '@shared/calendar/workingDays';
import { AppError } from '@shared/errors/appError';
import { caseActionOptions, planCaseStep } from '@shared/programmes/caseEngine';
import { programmeRuleBook } from '@shared/programmes/registry';
import type { ProgrammeRuleData } from '@shared/programmes/ruleBook';
import type { ActorRole } from '@shared/domain/roles';

/** 名册转入: the step's guard and what it writes, the same at the desk and at HQ. */
const calendar = buildCalendar([{ year: 2026, holidays: [], extraWorkdays: [] }]);
const settings = { decisionLimitWorkingDays: 30, noticeWorkingDays: 7 };
const window: Omit<ProgrammeRuleData, 'note'> = {
  key: 'roster.enrolment',
  areaCode: null,
  effectiveFrom: '2026-11-01',
  effectiveTo: '2026-12-31',
  value: 1,
  source: 'hq',
};
const env = (today: string, rules = programmeRuleBook([window])) => ({
  today,
  calendar,
  settings,
  rules,
  confirmationDelegated: false,
});
const draft = (programme: 'dibao' | 'tekun' = 'dibao') => ({
  programme,
  status: 'draft',
  areaCode: '330102001001',
  applicationDate: '2026-12-05',
  acceptedOn: null,
  noticeStartedOn: null,
  coveredPersonIds: ['p1'],
});
const enrol = (paymentFrom: string | null, decidedOn: string | null = '2025-03-10') => ({
  action: 'enrol_from_roster',
  role: 'supervisor' as ActorRole,
  enrolment: { paymentFrom, decidedOn },
});

function refusal(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, field: error.fieldErrors[0] };
    throw error;
  }
  throw new Error('not refused');
}

describe('名册转入 (enrol_from_roster)', () => {
  it('within the window a supervisor brings a draft to 在保 with the roster’s month and approval day', () => {
    const planned = planCaseStep(draft(), enrol('2026-12'), env('2026-12-05'));
    expect(planned.to).toBe('active');
    expect(planned.fields).toMatchObject({
      status: 'active',
      decidedOn: '2025-03-10',
      paymentFrom: '2026-12',
      // The yearly review (sample rule) counted from the decision.
      reviewDue: '2026-03-10',
    });
    // 特困 reuses the 低保 frame: the same step, the same guard.
    expect(planCaseStep(draft('tekun'), enrol('2026-11'), env('2026-12-05')).to).toBe('active');
  });

  it('an approval day in the future or before 2000 is the step’s day', () => {
    for (const day of ['2026-12-06', '1999-12-31', 'gestern', null]) {
      expect(planCaseStep(draft(), enrol('2026-12', day), env('2026-12-05')).fields.decidedOn).toBe(
        '2026-12-05',
      );
    }
  });

  it('is refused outside the window, unpublished, before its first month or after next month', () => {
    expect(refusal(() => planCaseStep(draft(), enrol('2026-12'), env('2027-01-04')))).toEqual({
      code: 'invalid_transition',
      field: { path: 'status', code: 'enrol.window_closed', params: { day: '2027-01-04' } },
    });
    expect(
      refusal(() =>
        planCaseStep(draft(), enrol('2026-12'), env('2026-12-05', programmeRuleBook([]))),
      ).field?.code,
    ).toBe('enrol.window_closed');
    // A window published as 0 is closed too.
    const shut = programmeRuleBook([{ ...window, value: 0 }]);
    expect(
      refusal(() => planCaseStep(draft(), enrol('2026-12'), env('2026-12-05', shut))).field?.code,
    ).toBe('enrol.window_closed');
    expect(refusal(() => planCaseStep(draft(), enrol('2026-10'), env('2026-12-05'))).field).toEqual(
      {
        path: 'paymentFrom',
        code: 'enrol.payment_before_window',
        params: { paymentFrom: '2026-10', windowFrom: '2026-11-01', first: '2026-11' },
      },
    );
    expect(
      refusal(() => planCaseStep(draft(), enrol('2027-02'), env('2026-12-05'))).field?.code,
    ).toBe('enrol.payment_too_late');
    expect(refusal(() => planCaseStep(draft(), enrol(null), env('2026-12-05'))).field?.code).toBe(
      'enrol.payment_from',
    );
    expect(
      refusal(() => planCaseStep(draft(), enrol('2026-13'), env('2026-12-05'))).field?.code,
    ).toBe('enrol.payment_from');
  });

  it('only a supervisor, only from a draft', () => {
    expect(
      refusal(() =>
        planCaseStep(draft(), { ...enrol('2026-12'), role: 'registrar' }, env('2026-12-05')),
      ).code,
    ).toBe('forbidden');
    expect(
      refusal(() =>
        planCaseStep({ ...draft(), status: 'submitted' }, enrol('2026-12'), env('2026-12-05')),
      ).code,
    ).toBe('invalid_transition');
  });

  it('an area’s own record wins: a window for one area is closed for another', () => {
    const areaOnly = programmeRuleBook([{ ...window, areaCode: '330102001002' }]);
    expect(
      refusal(() => planCaseStep(draft(), enrol('2026-12'), env('2026-12-05', areaOnly))).field
        ?.code,
    ).toBe('enrol.window_closed');
    const open = { ...draft(), areaCode: '330102001002' };
    expect(planCaseStep(open, enrol('2026-12'), env('2026-12-05', areaOnly)).to).toBe('active');
  });

  it('is never a button of the case: the panel leaves it out', () => {
    const actions = caseActionOptions(draft(), 'supervisor', env('2026-12-05')).map(
      (o) => o.action,
    );
    expect(actions).toContain('submit');
    expect(actions).not.toContain('enrol_from_roster');
  });
});
