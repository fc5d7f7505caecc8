import { describe, expect, it } from 'vitest';
import { buildCalendar } from '@shared/calendar/workingDays';
import { planCaseStep } from '@shared/programmes/caseEngine';
import { programmeRuleBook } from '@shared/programmes/registry';

/** The engine's one step writer: the shared dates each 低保 step declares (StepMark). */
const calendar = buildCalendar([{ year: 2026, holidays: [], extraWorkdays: [] }]);
const settings = { decisionLimitWorkingDays: 30, noticeWorkingDays: 7 };
const env = (today: string, rules = programmeRuleBook([])) => ({
  today,
  calendar,
  settings,
  rules,
  confirmationDelegated: true,
});
const atNotice = {
  programme: 'dibao' as const,
  status: 'public_notice',
  applicationDate: '2026-01-05',
  acceptedOn: '2026-01-06',
  noticeStartedOn: '2026-01-12',
};

describe('the programme engine’s step writer', () => {
  it('a confirmation dates the decision, pays from the next month and sets the next review by the rule', () => {
    const planned = planCaseStep(
      atNotice,
      { action: 'confirm_at_township', role: 'supervisor', opinion: '符合条件' },
      env('2026-01-31'),
    );
    expect(planned.fields).toMatchObject({
      status: 'confirmed',
      decidedOn: '2026-01-31',
      paymentFrom: '2026-02',
      // A year on by the sample rule (12 months) from 31 January.
      reviewDue: '2027-01-31',
    });
    const monthly = programmeRuleBook([
      {
        key: 'dibao.reviewMonths',
        areaCode: null,
        effectiveFrom: '2026-01-01',
        effectiveTo: null,
        value: 1,
        source: 'hq',
      },
    ]);
    expect(
      planCaseStep(
        atNotice,
        { action: 'confirm_at_township', role: 'supervisor', opinion: '符合条件' },
        env('2026-01-31', monthly),
      ).fields.reviewDue,
    ).toBe('2026-02-28');
    // A December decision pays from January.
    expect(
      planCaseStep(
        { ...atNotice, noticeStartedOn: '2026-12-01', acceptedOn: '2026-11-30' },
        { action: 'confirm_at_township', role: 'supervisor', opinion: '符合条件' },
        env('2026-12-21'),
      ).fields.paymentFrom,
    ).toBe('2027-01');
  });

  it('a refusal dates the decision and pays nothing; termination pays to the end of its month', () => {
    const denied = planCaseStep(
      atNotice,
      { action: 'deny_at_township', role: 'supervisor', opinion: '收入超标' },
      env('2026-01-31'),
    );
    expect(denied.fields).toMatchObject({ status: 'denied', decidedOn: '2026-01-31' });
    expect(denied.fields).not.toHaveProperty('paymentFrom');
    const ended = planCaseStep(
      { ...atNotice, status: 'active' },
      { action: 'terminate', role: 'supervisor', opinion: '收入超过标准' },
      env('2026-06-17'),
    );
    expect(ended.fields).toMatchObject({
      status: 'terminated',
      endedOn: '2026-06-17',
      paymentTo: '2026-06',
      reviewDue: null,
    });
  });

  it('refuses a case of a programme the engine does not know', () => {
    expect(() =>
      planCaseStep(
        { ...atNotice, programme: 'orphans' as never },
        { action: 'confirm_at_township', role: 'supervisor', opinion: 'x' },
        env('2026-01-31'),
      ),
    ).toThrow(expect.objectContaining({ code: 'validation' }));
  });
});
