import { benefitDateOf } from '@shared/dynamics/benefitDate';
import { describe, expect, it } from 'vitest';
import { buildCalendar, sampleCalendarYears } from '@shared/calendar/workingDays';
import { defaultOfficeSettings } from '@shared/domain/settings';
import type { StayData } from '@shared/domain/elderlyCare/stay';
import { caseActionOptions, planCaseStep } from '@shared/programmes/caseEngine';
import { dibaoWorkflow } from '@shared/programmes/dibao/workflow';
import { programmeRuleBook } from '@shared/programmes/registry';
import { eligibilityIssues, residentIssues } from '@shared/programmes/tekun/eligibility';
import { outsideTekunFrame, tekunWorkflow } from '@shared/programmes/tekun/workflow';
import { rule, tekunCase } from './tekunKit';

const rules = programmeRuleBook([]);
const person = (birthDate: string, disabilityGrade = 0, disabilityType: string | null = null) =>
  ({ birthDate, disabilityGrade, disabilityType }) as Parameters<typeof eligibilityIssues>[1];

describe('eligibility from the registry', () => {
  it('elderly: 60 on the application date, not the day before', () => {
    expect(eligibilityIssues('elderly', person('1966-03-02'), '2026-03-02', rules)).toEqual([]);
    expect(eligibilityIssues('elderly', person('1966-03-03'), '2026-03-02', rules)).toEqual([
      {
        path: 'programmeFacts.basis',
        code: 'tekun.not_elderly',
        params: { age: 59, min: 60, rule: 'tekun.elderlyAge' },
      },
    ]);
  });

  it('severely disabled: grade 1–2, or grade 3 intellectual or mental', () => {
    const at = (grade: number, type: string | null) =>
      eligibilityIssues('disabled', person('1980-01-01', grade, type), '2026-03-02', rules);
    expect(at(1, 'physical')).toEqual([]);
    expect(at(2, 'visual')).toEqual([]);
    expect(at(3, 'intellectual')).toEqual([]);
    expect(at(3, 'mental')).toEqual([]);
    expect(at(3, 'physical')[0]?.code).toBe('tekun.not_severely_disabled');
    expect(at(4, 'mental')[0]?.code).toBe('tekun.not_severely_disabled');
    expect(at(0, null)[0]?.code).toBe('tekun.not_severely_disabled');
  });

  it('minor: under 18; the age limits are rules with dates', () => {
    expect(eligibilityIssues('minor', person('2008-03-03'), '2026-03-02', rules)).toEqual([]);
    expect(eligibilityIssues('minor', person('2008-03-02'), '2026-03-02', rules)[0]?.code).toBe(
      'tekun.not_minor',
    );
    const raised = programmeRuleBook([rule('tekun.elderlyAge', 65, '2026-01-01')]);
    expect(
      eligibilityIssues('elderly', person('1964-01-01'), '2026-03-02', raised)[0]?.params,
    ).toEqual({ age: 62, min: 65, rule: 'tekun.elderlyAge' });
  });
});

describe('集中供养: the resident record is the person, staying', () => {
  const stay = (over: Partial<StayData>): StayData => ({
    residentId: 'r1',
    bedId: 'b1',
    institutionId: 'i1',
    state: 'active',
    openedBy: 'admit',
    reservedOn: null,
    admittedOn: '2026-02-01',
    endedOn: null,
    endReason: null,
    leaves: [],
    ...over,
  });
  it('accepts a resident admitted and on the bed or on leave with it held', () => {
    expect(residentIssues('p1', { personId: 'p1' }, [stay({})], '2026-03-02')).toEqual([]);
    const away = stay({ state: 'held', leaves: [{ from: '2026-03-01', to: null }] });
    expect(residentIssues('p1', { personId: 'p1' }, [away], '2026-03-02')).toEqual([]);
  });
  it('refuses another person, an unknown resident, a discharged or only reserved one', () => {
    const path = 'programmeFacts.support.residentId';
    expect(residentIssues('p1', { personId: 'p9' }, [stay({})], '2026-03-02')).toEqual([
      { path, code: 'tekun.resident_other_person' },
    ]);
    expect(residentIssues('p1', undefined, [], '2026-03-02')).toEqual([
      { path, code: 'tekun.resident_unknown' },
    ]);
    const ended = stay({ state: 'closed', endedOn: '2026-03-01', endReason: 'discharge_normal' });
    const reserved = stay({ state: 'reserved', reservedOn: '2026-03-01', admittedOn: null });
    for (const s of [ended, reserved]) {
      expect(residentIssues('p1', { personId: 'p1' }, [s], '2026-03-02')[0]?.code).toBe(
        'tekun.resident_not_staying',
      );
    }
  });
});

describe('the workflow: the 低保 frame plus re-assessment', () => {
  const calendar = buildCalendar(sampleCalendarYears);
  const env = (today: string) => ({
    today,
    calendar,
    settings: defaultOfficeSettings,
    confirmationDelegated: true,
    rules,
  });

  it('carries every 低保 action and mark (but a phase-out: 特困 has no 渐退期)', () => {
    for (const [id, action] of Object.entries(dibaoWorkflow.actions)) {
      if (outsideTekunFrame(id)) {
        expect(tekunWorkflow.actions[id]).toBeUndefined();
        continue;
      }
      expect(tekunWorkflow.actions[id]?.to).toBe(action.to);
      expect(tekunWorkflow.marks[id]).toEqual(dibaoWorkflow.marks[id as never]);
    }
    expect(tekunWorkflow.actions.terminate?.from).toContain('reassessment');
    expect(tekunWorkflow.actions.start_review?.from).not.toContain('reassessment');
  });

  it('a reported change makes the re-assessment due in 10 working days (over 国庆)', () => {
    const active = tekunCase([], {
      status: 'active',
      applicationDate: '2026-06-01',
      reviewDue: '2027-07-01',
    });
    // Reported Monday 28 September: 29, 30 Sep, 8, 9, 10 (调休 Saturday), 12–16 Oct.
    const planned = planCaseStep(
      active,
      { action: 'report_change', role: 'registrar', opinion: '跌倒后卧床' },
      env('2026-09-28'),
    );
    expect(planned.to).toBe('reassessment');
    expect(planned.fields.reviewDue).toBe('2026-10-16');
    // The new care level counts from the report: a correction during 重新评估 is computed
    // for that day (benefitDateOf), so a roll pays the difference from September, not
    // back to the original decision.
    expect(planned.fields.reviewStartedOn).toBe('2026-09-28');
    expect(
      benefitDateOf({
        ...active,
        status: 'reassessment',
        reviewStartedOn: planned.fields.reviewStartedOn ?? null,
      }),
    ).toBe('2026-09-28');
    const county = programmeRuleBook([rule('tekun.reassessWorkingDays', 5, '2026-01-01')]);
    expect(
      planCaseStep(
        active,
        { action: 'report_change', role: 'registrar', opinion: '跌倒后卧床' },
        { ...env('2026-09-28'), rules: county },
      ).fields.reviewDue,
    ).toBe('2026-10-10');
    expect(() =>
      planCaseStep(active, { action: 'report_change', role: 'registrar' }, env('2026-09-28')),
    ).toThrow(/opinion/);
  });

  it('completes the re-assessment only with an assessment dated since the report', () => {
    const reassessing = tekunCase([], {
      status: 'reassessment',
      applicationDate: '2026-06-01',
      statusChangedAt: '2026-09-28T02:00:00.000Z',
    });
    (reassessing.programmeFacts.selfCare as { assessedOn: string }).assessedOn = '2026-06-01';
    const blocked = caseActionOptions(reassessing, 'supervisor', env('2026-10-12')).find(
      (o) => o.action === 'complete_reassessment',
    );
    expect(blocked?.blockedBy).toEqual({
      path: 'programmeFacts.selfCare.assessedOn',
      code: 'tekun.reassessment_missing',
      params: { since: '2026-09-28' },
    });
    (reassessing.programmeFacts.selfCare as { assessedOn: string }).assessedOn = '2026-10-09';
    const done = planCaseStep(
      reassessing,
      { action: 'complete_reassessment', role: 'supervisor', opinion: '重新评估：部分丧失' },
      env('2026-10-12'),
    );
    expect(done).toMatchObject({
      to: 'active',
      fields: { reviewedOn: '2026-10-12', reviewDue: '2027-10-12' },
    });
    expect(() =>
      planCaseStep(
        reassessing,
        { action: 'complete_reassessment', role: 'registrar', opinion: 'x' },
        env('2026-10-12'),
      ),
    ).toThrow(/may not/);
  });

  it("dates the report by China's day, whatever zone the machine's clock is in", () => {
    // 17:30 UTC on 28 September is already 29 September in China: an assessment of the
    // 28th is before the report, on a desk or an HQ in any zone.
    const reassessing = tekunCase([], {
      status: 'reassessment',
      applicationDate: '2026-06-01',
      statusChangedAt: '2026-09-28T17:30:00.000Z',
    });
    const facts = reassessing.programmeFacts.selfCare as { assessedOn: string };
    facts.assessedOn = '2026-09-28';
    const blocked = caseActionOptions(reassessing, 'supervisor', env('2026-10-12')).find(
      (o) => o.action === 'complete_reassessment',
    );
    expect(blocked?.blockedBy?.params).toEqual({ since: '2026-09-29' });
    facts.assessedOn = '2026-09-29';
    const open = caseActionOptions(reassessing, 'supervisor', env('2026-10-12')).find(
      (o) => o.action === 'complete_reassessment',
    );
    expect(open?.blockedBy).toBeNull();
  });

  it('approval writes the yearly review and payment from the next month', () => {
    const review = tekunCase([], {
      status: 'county_review',
      applicationDate: '2026-03-02',
      acceptedOn: '2026-03-03',
      noticeStartedOn: '2026-03-10',
    });
    const planned = planCaseStep(
      review,
      { action: 'confirm', role: 'county', opinion: '同意' },
      env('2026-04-01'),
    );
    expect(planned.fields).toMatchObject({
      decidedOn: '2026-04-01',
      paymentFrom: '2026-05',
      reviewDue: '2027-04-01',
    });
  });
});
