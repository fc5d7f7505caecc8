import { describe, expect, it } from 'vitest';
import { AppError } from '@shared/errors/appError';
import { buildCalendar, sampleCalendarYears } from '@shared/calendar/workingDays';
import { availableActions, planTransition } from '@shared/workflow/stateMachine';
import { defaultDibaoDeadlineSettings, dibaoDeadlines } from '@shared/workflow/dibaoDeadlines';
import { isOverdue } from '@shared/programmes/decisionClock';
import {
  dibaoActions,
  dibaoStatuses,
  dibaoWorkflow,
  isOpenDibaoStatus,
  openDibaoStatuses,
  type DibaoStatus,
  type DibaoWorkflowContext,
} from '@shared/programmes/dibao/workflow';

const cal = buildCalendar(sampleCalendarYears);
const ctx: DibaoWorkflowContext = {
  today: '2026-03-23',
  noticeEnd: '2026-03-20',
  confirmationDelegated: false,
};

function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('dibaoWorkflow', () => {
  it('lists every action in the definition', () => {
    expect(Object.keys(dibaoWorkflow.actions).sort()).toEqual([...dibaoActions].sort());
  });

  it('walks the happy path through county confirmation to payment', () => {
    const steps: [string, DibaoStatus, 'registrar' | 'supervisor' | 'county'][] = [
      ['submit', 'submitted', 'registrar'],
      ['accept', 'accepted', 'registrar'],
      ['start_investigation', 'investigating', 'registrar'],
      ['record_opinion', 'township_opinion', 'supervisor'],
      ['start_notice', 'public_notice', 'supervisor'],
      ['submit_to_county', 'county_review', 'supervisor'],
      ['confirm', 'confirmed', 'county'],
      ['start_payment', 'active', 'supervisor'],
      ['start_review', 'under_review', 'registrar'],
      ['complete_review', 'active', 'supervisor'],
    ];
    let state: DibaoStatus = 'draft';
    for (const [action, expected, role] of steps) {
      state = planTransition(dibaoWorkflow, { state, action, role, opinion: '同意', ctx }).to;
      expect(state).toBe(expected);
    }
  });

  it('gives admin no case rights and the registrar no decisions', () => {
    for (const status of dibaoStatuses) {
      expect(availableActions(dibaoWorkflow, status, 'admin', ctx)).toEqual([]);
    }
    // The registrar may only record the applicant's withdrawal at this stage.
    expect(availableActions(dibaoWorkflow, 'investigating', 'registrar', ctx)).toEqual([
      'withdraw',
    ]);
    const error = errorOf(() =>
      planTransition(dibaoWorkflow, {
        state: 'county_review',
        action: 'confirm',
        role: 'supervisor',
        opinion: '同意',
        ctx,
      }),
    );
    expect(error.code).toBe('forbidden');
  });

  it('holds the case in 公示 through its last day', () => {
    const early = { ...ctx, today: '2026-03-20' };
    const error = errorOf(() =>
      planTransition(dibaoWorkflow, {
        state: 'public_notice',
        action: 'submit_to_county',
        role: 'supervisor',
        ctx: early,
      }),
    );
    expect(error.code).toBe('invalid_transition');
    expect(error.fieldErrors[0]?.code).toBe('workflow.notice_not_over');
    expect(availableActions(dibaoWorkflow, 'public_notice', 'supervisor', early)).toEqual([
      'withdraw',
      'reinvestigate',
    ]);
    const noDate = { ...ctx, noticeEnd: null };
    expect(availableActions(dibaoWorkflow, 'public_notice', 'supervisor', noDate)).not.toContain(
      'submit_to_county',
    );
  });

  it('confirms or denies at the township only when delegated', () => {
    const request = {
      state: 'public_notice' as const,
      role: 'supervisor' as const,
      opinion: '经审核符合条件',
    };
    const notDelegated = errorOf(() =>
      planTransition(dibaoWorkflow, { ...request, action: 'confirm_at_township', ctx }),
    );
    expect(notDelegated.fieldErrors[0]?.code).toBe('workflow.not_delegated');
    const delegated = { ...ctx, confirmationDelegated: true };
    expect(
      planTransition(dibaoWorkflow, { ...request, action: 'confirm_at_township', ctx: delegated })
        .to,
    ).toBe('confirmed');
    const early = errorOf(() =>
      planTransition(dibaoWorkflow, {
        ...request,
        action: 'confirm_at_township',
        ctx: { ...delegated, today: '2026-03-10' },
      }),
    );
    expect(early.fieldErrors[0]?.code).toBe('workflow.notice_not_over');
    expect(
      planTransition(dibaoWorkflow, { ...request, action: 'deny_at_township', ctx: delegated }).to,
    ).toBe('denied');
    // A delegated township may still refer the case up.
    expect(availableActions(dibaoWorkflow, 'public_notice', 'supervisor', delegated)).toContain(
      'submit_to_county',
    );
  });

  it('sends the case back with a reason on an objection during 公示', () => {
    const base = {
      state: 'public_notice' as const,
      action: 'reinvestigate',
      role: 'supervisor' as const,
      ctx,
    };
    expect(errorOf(() => planTransition(dibaoWorkflow, base)).fieldErrors[0]?.code).toBe(
      'workflow.reason_required',
    );
    expect(planTransition(dibaoWorkflow, { ...base, reason: '群众异议：有经营收入' }).to).toBe(
      'investigating',
    );
    const returned = planTransition(dibaoWorkflow, {
      state: 'submitted',
      action: 'return_for_materials',
      role: 'registrar',
      reason: '缺少收入证明',
      ctx,
    });
    expect(returned).toEqual({ to: 'draft', kind: 'back' });
  });

  it('lets the applicant withdraw before a decision, with a recorded opinion', () => {
    const request = {
      state: 'accepted' as const,
      action: 'withdraw',
      role: 'registrar' as const,
      ctx,
    };
    expect(errorOf(() => planTransition(dibaoWorkflow, request)).code).toBe('validation');
    expect(planTransition(dibaoWorkflow, { ...request, opinion: '申请人书面撤回申请' }).to).toBe(
      'withdrawn',
    );
    expect(availableActions(dibaoWorkflow, 'confirmed', 'supervisor', ctx)).not.toContain(
      'withdraw',
    );
    expect(availableActions(dibaoWorkflow, 'withdrawn', 'supervisor', ctx)).toEqual([]);
  });

  it('requires an opinion to suspend or terminate, and nothing leaves a terminal state', () => {
    const suspend = {
      state: 'active' as const,
      action: 'suspend',
      role: 'supervisor' as const,
      ctx,
    };
    expect(errorOf(() => planTransition(dibaoWorkflow, suspend)).code).toBe('validation');
    expect(planTransition(dibaoWorkflow, { ...suspend, opinion: '外出务工未报告' }).to).toBe(
      'suspended',
    );
    expect(availableActions(dibaoWorkflow, 'suspended', 'supervisor', ctx).sort()).toEqual([
      'resume',
      'terminate',
    ]);
    expect(availableActions(dibaoWorkflow, 'terminated', 'supervisor', ctx)).toEqual([]);
    expect(availableActions(dibaoWorkflow, 'denied', 'county', ctx)).toEqual([]);
  });

  it('treats every status but denied, terminated and withdrawn as open', () => {
    expect(openDibaoStatuses).toHaveLength(dibaoStatuses.length - 3);
    expect(isOpenDibaoStatus('withdrawn')).toBe(false);
    expect(isOpenDibaoStatus('suspended')).toBe(true);
    expect(isOpenDibaoStatus('draft')).toBe(true);
    expect(isOpenDibaoStatus('denied')).toBe(false);
    expect(isOpenDibaoStatus('terminated')).toBe(false);
  });
});

describe('dibaoDeadlines / isOverdue', () => {
  const settings = defaultDibaoDeadlineSettings;

  it('counts the decision limit and the notice in working days', () => {
    // Accepted Tue 2026-09-15: 30 working days over 中秋 and 国庆 end on 2026-11-02.
    // Notice from Fri 2026-09-18: 7 working days (9/20 Sunday works) end on 9/29.
    const d = dibaoDeadlines(
      { acceptedOn: '2026-09-15', noticeStartedOn: '2026-09-18', status: 'public_notice' },
      settings,
      cal,
    );
    expect(d).toEqual({ decisionDue: '2026-11-02', noticeEnd: '2026-09-29' });
  });

  it('takes the limits as configuration', () => {
    const d = dibaoDeadlines(
      { acceptedOn: '2026-03-02', noticeStartedOn: '2026-03-09', status: 'county_review' },
      { decisionLimitWorkingDays: 20, noticeWorkingDays: 5 },
      cal,
    );
    expect(d).toEqual({ decisionDue: '2026-03-30', noticeEnd: '2026-03-16' });
  });

  it('has no dates before they apply', () => {
    expect(
      dibaoDeadlines(
        { acceptedOn: null, noticeStartedOn: null, status: 'submitted' },
        settings,
        cal,
      ),
    ).toEqual({ decisionDue: null, noticeEnd: null });
    // Re-investigation after an objection: the old notice no longer counts.
    const back = dibaoDeadlines(
      { acceptedOn: '2026-03-02', noticeStartedOn: '2026-03-09', status: 'investigating' },
      settings,
      cal,
    );
    expect(back.noticeEnd).toBeNull();
    expect(back.decisionDue).not.toBeNull();
  });

  it('is overdue only after the due day and only while the decision is pending', () => {
    expect(isOverdue({ status: 'investigating', decisionDue: '2026-04-10' }, '2026-04-10')).toBe(
      false,
    );
    expect(isOverdue({ status: 'investigating', decisionDue: '2026-04-10' }, '2026-04-11')).toBe(
      true,
    );
    expect(isOverdue({ status: 'county_review', decisionDue: '2026-04-10' }, '2026-05-01')).toBe(
      true,
    );
    expect(isOverdue({ status: 'submitted', decisionDue: '2026-04-10' }, '2026-05-01')).toBe(false);
    expect(isOverdue({ status: 'confirmed', decisionDue: '2026-04-10' }, '2026-05-01')).toBe(false);
    expect(isOverdue({ status: 'accepted', decisionDue: null }, '2026-05-01')).toBe(false);
  });

  it("asks the case's own programme which statuses still wait for a decision", () => {
    const late = { decisionDue: '2026-04-10' };
    // 临时救助's 先行救助 still waits for the decision; 低保 has no such status.
    expect(
      isOverdue({ ...late, programme: 'temporary', status: 'helped_first' }, '2026-05-01'),
    ).toBe(true);
    expect(isOverdue({ ...late, programme: 'dibao', status: 'helped_first' }, '2026-05-01')).toBe(
      false,
    );
    // 低保's 公示 waits; a 临时救助 case has none, so the status counts as decided there.
    expect(
      isOverdue({ ...late, programme: 'temporary', status: 'public_notice' }, '2026-05-01'),
    ).toBe(false);
  });
});
