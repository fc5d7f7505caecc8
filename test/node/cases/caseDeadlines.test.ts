import { describe, expect, it } from 'vitest';
import { buildCalendar, sampleCalendarYears } from '@shared/calendar/workingDays';
import type { ActorRole } from '@shared/domain/roles';
import { defaultOfficeSettings } from '@shared/domain/settings';
import { caseStepContext, planCaseStep } from '@shared/programmes/caseEngine';
import { decisionClock, isOverdue } from '@shared/programmes/decisionClock';
import { dibaoDeadlines, isNoticeOver, noticeOverFrom } from '@shared/workflow/dibaoDeadlines';
import { dibaoStatuses, dibaoWorkflow } from '@shared/programmes/dibao/workflow';
import { describeActions } from '@shared/workflow/stateMachine';
import { arrangeActions, isDestructive } from '../../../renderer/src/screens/cases/workflowButtons';

/**
 * The deadlines a case screen shows and the steps it offers agree to the day with the
 * step itself, on the last day of every period, on a calendar with 国庆 (1–7 October
 * off) and 调休 (Saturday 10 October worked).
 */
const calendar = buildCalendar(sampleCalendarYears);
const roles: ActorRole[] = ['registrar', 'supervisor', 'admin', 'county'];
const settings = { ...defaultOfficeSettings, noticeWorkingDays: 7, decisionLimitWorkingDays: 30 };
const inNotice = {
  status: 'public_notice' as const,
  applicationDate: '2026-09-21',
  acceptedOn: '2026-09-28',
  noticeStartedOn: '2026-09-28',
};

describe('the 公示 and the decision limit, to the day', () => {
  it('counts the 公示 over 国庆 and its 调休 Saturday, and opens the next step the day after', () => {
    expect(dibaoDeadlines(inNotice, settings, calendar)).toEqual({
      noticeEnd: '2026-10-13',
      decisionDue: '2026-11-13',
    });
    expect(noticeOverFrom('2026-10-13')).toBe('2026-10-14');
    expect(isNoticeOver('2026-10-13', '2026-10-13')).toBe(false);
    expect(isNoticeOver('2026-10-13', '2026-10-14')).toBe(true);
    expect(isNoticeOver(null, '2027-01-01')).toBe(false);
  });

  it('has the panel’s button, its message and the step agree on the last day and the day after', () => {
    const panel = (today: string) =>
      describeActions(
        dibaoWorkflow,
        'public_notice',
        'supervisor',
        caseStepContext(inNotice, { today, settings, calendar, confirmationDelegated: true }),
      );
    for (const action of ['submit_to_county', 'confirm_at_township'] as const) {
      const lastDay = panel('2026-10-13').find((o) => o.action === action);
      // The message says the day the button opens, and the step is refused until then.
      expect(lastDay?.blockedBy?.params).toEqual({
        noticeEnd: '2026-10-13',
        availableFrom: '2026-10-14',
      });
      const plan = (today: string) =>
        planCaseStep(
          inNotice,
          { action, role: 'supervisor', opinion: '同意' },
          { today, settings, calendar, confirmationDelegated: true },
        );
      expect(() => plan('2026-10-13')).toThrow(/notice_not_over/);
      expect(panel('2026-10-14').find((o) => o.action === action)?.blockedBy).toBeNull();
      expect(plan('2026-10-14').fields.noticeEnd).toBe('2026-10-13');
    }
    // The 调休 Saturday counts: a 公示 of 5 days ends on it, and Sunday the 11th is free.
    const five = { ...settings, noticeWorkingDays: 5 };
    const ctx = caseStepContext(inNotice, {
      today: '2026-10-10',
      settings: five,
      calendar,
      confirmationDelegated: false,
    });
    expect(ctx.noticeEnd).toBe('2026-10-10');
    expect(isNoticeOver(ctx.noticeEnd, '2026-10-11')).toBe(true);
  });

  it('says the decision limit’s last day as such, and overdue only from the next day', () => {
    const due = '2026-11-13'; // a Friday
    const clock = (today: string) =>
      decisionClock({ status: 'county_review', decisionDue: due }, today, calendar);
    expect(clock('2026-11-12')).toEqual({ state: 'running', due, workingDaysLeft: 1 });
    expect(clock('2026-11-13')).toEqual({ state: 'lastDay', due });
    expect(isOverdue({ status: 'county_review', decisionDue: due }, '2026-11-13')).toBe(false);
    // The weekend after: overdue (the list marks it), by no working day yet.
    expect(clock('2026-11-14')).toEqual({ state: 'overdue', due, workingDaysOver: 0 });
    expect(isOverdue({ status: 'county_review', decisionDue: due }, '2026-11-14')).toBe(true);
    expect(clock('2026-11-16')).toEqual({ state: 'overdue', due, workingDaysOver: 1 });
    // Over 国庆: from Wednesday 30 September, 1 working day is Thursday 8 October.
    expect(clock('2026-09-30')).toMatchObject({ state: 'running' });
    expect(
      decisionClock({ status: 'county_review', decisionDue: '2026-10-08' }, '2026-09-30', calendar),
    ).toEqual({
      state: 'running',
      due: '2026-10-08',
      workingDaysLeft: 1,
    });
    expect(
      decisionClock({ status: 'confirmed', decisionDue: due }, '2026-12-01', calendar),
    ).toEqual({
      state: 'decided',
      due,
    });
    expect(decisionClock({ status: 'draft', decisionDue: null }, '2026-12-01', calendar)).toEqual({
      state: 'none',
    });
  });
});

describe('the workflow panel’s buttons', () => {
  const ctx = { today: '2026-10-14', noticeEnd: '2026-10-13', confirmationDelegated: true };

  it('never puts a step that closes the case first or filled, in any status, for any role', () => {
    for (const status of dibaoStatuses) {
      for (const role of roles) {
        const { steps, closing } = arrangeActions(
          describeActions(dibaoWorkflow, status, role, ctx),
        );
        expect(steps.some((s) => isDestructive(s.option))).toBe(false);
        expect(closing.every((s) => s.variant === 'outlined' && s.color === 'error')).toBe(true);
        expect(steps.filter((s) => s.variant === 'contained').length).toBeLessThanOrEqual(1);
        if (steps[0]) expect(steps[0].option.kind).toBe('forward');
      }
    }
  });

  it('makes the step that moves the case on the primary, and withdrawal the last', () => {
    const submitted = arrangeActions(describeActions(dibaoWorkflow, 'submitted', 'registrar', ctx));
    expect(submitted.steps.map((s) => [s.option.action, s.variant, s.color])).toEqual([
      ['accept', 'contained', 'primary'],
      ['return_for_materials', 'outlined', 'warning'],
    ]);
    expect(submitted.closing.map((s) => s.option.action)).toEqual(['withdraw']);
    const notice = arrangeActions(
      describeActions(dibaoWorkflow, 'public_notice', 'supervisor', {
        ...ctx,
        today: '2026-10-13',
        confirmationDelegated: false,
      }),
    );
    // On the 公示's last day nothing moves on yet: the first forward step stays the primary.
    expect(notice.steps[0]).toMatchObject({
      option: { action: 'submit_to_county' },
      variant: 'contained',
    });
    expect(notice.closing.map((s) => s.option.action)).toEqual(['withdraw', 'deny_at_township']);
    const everyOption = dibaoStatuses.flatMap((status) =>
      describeActions(dibaoWorkflow, status, 'supervisor', ctx).concat(
        describeActions(dibaoWorkflow, status, 'county', ctx),
      ),
    );
    const closing = new Set(everyOption.filter(isDestructive).map((o) => o.action));
    expect([...closing].sort()).toEqual(['deny', 'deny_at_township', 'terminate', 'withdraw']);
    expect(closing.has('suspend')).toBe(false);
  });
});
