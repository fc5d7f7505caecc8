import { describe, expect, it } from 'vitest';
import { benefitDateOf } from '@shared/dynamics/benefitDate';
import { reviewDueState } from '@shared/dynamics/dueList';
import { isPaidInMonth } from '@shared/dynamics/recomputation';
import { successorIssues } from '@shared/dynamics/succession';
import { stepReasonIssues, terminationReasons } from '@shared/dynamics/termination';
import { planCaseStep } from '@shared/programmes/caseEngine';
import { programmeRuleBook } from '@shared/programmes/registry';
import { activeCase, env, rule } from './dynamicsFixtures';

/** Hand-worked figures of 动态管理 (docs/programmes.md, 动态管理). */

describe('reviews come due by rule', () => {
  it('stable yearly, unstable income every six months (the case fact incomeUnstable)', () => {
    const review = (incomeUnstable: boolean, today: string) =>
      planCaseStep(
        { ...activeCase({ status: 'under_review', programmeFacts: { incomeUnstable } }) },
        { action: 'complete_review', role: 'supervisor', opinion: '复核无变化' },
        env(today),
      ).fields;
    expect(review(false, '2027-03-15')).toMatchObject({
      reviewedOn: '2027-03-15',
      reviewDue: '2028-03-15',
    });
    expect(review(true, '2027-03-15').reviewDue).toBe('2027-09-15');
    // 29 Feb of a leap year, a year on: the last day of February 2029.
    expect(review(false, '2028-02-29').reviewDue).toBe('2029-02-28');
    // Six months from 31 August: 28 February (2027 is not a leap year).
    expect(review(true, '2026-08-31').reviewDue).toBe('2027-02-28');
  });

  it('31 January + 1 month is the last day of February, 29th in a leap year', () => {
    const monthly = programmeRuleBook([rule('dibao.reviewMonths', 1)]);
    const approve = (today: string) =>
      planCaseStep(
        activeCase({ status: 'public_notice', noticeStartedOn: '2026-01-02' }),
        { action: 'confirm_at_township', role: 'supervisor', opinion: '同意' },
        env(today, monthly),
      ).fields;
    expect(approve('2027-01-31')).toMatchObject({
      decidedOn: '2027-01-31',
      paymentFrom: '2027-02',
      reviewDue: '2027-02-28',
    });
    expect(approve('2028-01-31').reviewDue).toBe('2028-02-29');
  });

  it('lists a case due by the end of this month, overdue before today; closed cases never', () => {
    const at = (reviewDue: string | null, status = 'active') =>
      reviewDueState({ programme: 'dibao', status, reviewDue }, '2026-12-05');
    expect(at('2026-12-04')).toBe('overdue');
    expect(at('2026-12-05')).toBe('due');
    expect(at('2026-12-31')).toBe('due');
    expect(at('2027-01-01')).toBeNull();
    expect(at('2026-11-30', 'under_review')).toBe('overdue');
    expect(at('2026-11-30', 'terminated')).toBeNull();
    expect(at(null)).toBeNull();
  });
});

describe('渐退期', () => {
  it('counts the phase-out months across the year end and pays them', () => {
    const three = programmeRuleBook([rule('dibao.phaseOutMonths', 3)]);
    const planned = planCaseStep(
      activeCase(),
      { action: 'start_phase_out', role: 'supervisor', opinion: '务工收入超过标准，给予渐退' },
      env('2026-11-20', three),
    );
    expect(planned.to).toBe('phasing_out');
    // November's decision: December, January and February are the three months.
    expect(planned.fields.phaseOutUntil).toBe('2027-02');
    const phasing = activeCase({ status: 'phasing_out', phaseOutUntil: '2027-02' });
    expect(['2026-12', '2027-01', '2027-02'].map((m) => isPaidInMonth(phasing, m))).toEqual([
      true,
      true,
      true,
    ]);
    // Ends with termination, paid to the end of the month it is terminated in.
    const ended = planCaseStep(
      phasing,
      { action: 'terminate', role: 'supervisor', opinion: '渐退期满', reason: 'income_above_line' },
      env('2027-02-26', three),
    );
    expect(ended.fields).toMatchObject({ status: 'terminated', paymentTo: '2027-02' });
    expect(
      isPaidInMonth({ ...phasing, status: 'terminated', paymentTo: '2027-02' }, '2027-03'),
    ).toBe(false);
    // The sample (6 months) from 15 July: to January.
    expect(
      planCaseStep(
        activeCase(),
        { action: 'start_phase_out', role: 'supervisor', opinion: '收入超标' },
        env('2026-07-15'),
      ).fields.phaseOutUntil,
    ).toBe('2027-01');
    // A registrar may not decide it.
    expect(() =>
      planCaseStep(
        activeCase(),
        { action: 'start_phase_out', role: 'registrar', opinion: 'x' },
        env('2026-07-15'),
      ),
    ).toThrow();
  });

  it('terminates only with a reason code', () => {
    expect(terminationReasons).toEqual([
      'income_above_line',
      'moved_away',
      'died',
      'refused_review',
      'head_changed',
      'head_died',
      'other',
    ]);
    expect(stepReasonIssues('terminate', 'moved_away')).toEqual([]);
    expect(stepReasonIssues('terminate', '搬走了')).toEqual([
      { path: 'reason', code: 'dynamics.termination_reason', params: { reason: '搬走了' } },
    ]);
    expect(stepReasonIssues('terminate', null)).toHaveLength(1);
    expect(stepReasonIssues('suspend', null)).toEqual([]);
  });
});

describe('the benefit date of a case', () => {
  it('is the application date before 公示, the review start under review, else the stored one', () => {
    const c = activeCase({ reviewStartedOn: '2026-09-10' });
    expect(benefitDateOf({ ...c, status: 'investigating' })).toBe('2026-01-05');
    expect(benefitDateOf({ ...c, status: 'under_review' })).toBe('2026-09-10');
    expect(benefitDateOf(c)).toBe('2026-01-05');
    expect(benefitDateOf({ ...c, benefit: { ...c.benefit, computedForDate: '2026-07-01' } })).toBe(
      '2026-07-01',
    );
  });
});

describe('a successor case', () => {
  const successor = { previousCaseId: 'old', programme: 'dibao', householdId: 'h' };
  const previous = { programme: 'dibao', householdId: 'h', status: 'terminated' };
  it('names a case of the household closed for the head changing or dying', () => {
    expect(successorIssues(successor, { previous, closedFor: 'head_died' })).toEqual([]);
    expect(successorIssues(successor, { previous, closedFor: 'head_changed' })).toEqual([]);
    expect(
      successorIssues(
        { ...successor, previousCaseId: null },
        { previous: undefined, closedFor: undefined },
      ),
    ).toEqual([]);
    const code = (facts: Parameters<typeof successorIssues>[1]) =>
      successorIssues(successor, facts).map((e) => e.code);
    expect(code({ previous: undefined, closedFor: undefined })).toEqual([
      'dynamics.previous_unknown',
    ]);
    expect(code({ previous: { ...previous, householdId: 'x' }, closedFor: 'head_died' })).toEqual([
      'dynamics.previous_other_household',
    ]);
    expect(code({ previous, closedFor: 'moved_away' })).toEqual([
      'dynamics.previous_not_closed_for_succession',
    ]);
    expect(code({ previous, closedFor: undefined })).toEqual([
      'dynamics.previous_not_closed_for_succession',
    ]);
    expect(code({ previous: { ...previous, status: 'active' }, closedFor: 'head_died' })).toEqual([
      'dynamics.previous_not_closed_for_succession',
    ]);
  });
});
