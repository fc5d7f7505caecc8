import { describe, expect, it } from 'vitest';
import { buildCalendar } from '@shared/calendar/workingDays';
import { AppError } from '@shared/errors/appError';
import { caseActionOptions, planCaseStep } from '@shared/programmes/caseEngine';
import { programmeRuleBook } from '@shared/programmes/registry';
import { paperworkState } from '@shared/programmes/temporary/paperwork';
import { temporaryCase, fireFacts } from './temporaryFixtures';

const calendar = buildCalendar([]);
const settings = { decisionLimitWorkingDays: 20, noticeWorkingDays: 7 };
const env = (today: string, rules = programmeRuleBook([])) => ({
  today,
  calendar,
  settings,
  confirmationDelegated: false,
  rules,
});

function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

/** A case at the township's opinion whose amount is `benefitFen`. */
const atOpinion = (benefitFen: number) =>
  temporaryCase({
    status: 'township_opinion',
    acceptedOn: '2026-03-02',
    benefit: { ...temporaryCase().benefit, benefitFen },
  });

describe('临时救助 township limit (sample 200 000 fen = 2 000 元)', () => {
  const approve = { action: 'approve_at_township', role: 'supervisor' as const, opinion: '同意' };

  it('approves exactly at the limit, dating the decision', () => {
    const step = planCaseStep(atOpinion(200000), approve, env('2026-03-05'));
    expect(step.to).toBe('approved');
    expect(step.fields).toMatchObject({
      decidedOn: '2026-03-05',
      paymentFrom: null,
      reviewDue: null,
    });
  });

  it('refuses one fen over, naming amount and limit; the county route stays open', () => {
    const error = errorOf(() => planCaseStep(atOpinion(200001), approve, env('2026-03-05')));
    expect(error.code).toBe('invalid_transition');
    expect(error.fieldErrors).toEqual([
      {
        path: 'benefit.benefitFen',
        code: 'temporary.over_township_limit',
        params: { amountFen: 200001, limitFen: 200000, amount: '2,000.01', limit: '2,000.00' },
      },
    ]);
    const options = caseActionOptions(atOpinion(200001), 'supervisor', env('2026-03-05'));
    expect(options.find((o) => o.action === 'approve_at_township')?.blockedBy?.code).toBe(
      'temporary.over_township_limit',
    );
    const up = planCaseStep(
      atOpinion(200001),
      { action: 'submit_to_county', role: 'supervisor' },
      env('2026-03-05'),
    );
    expect(up.to).toBe('county_review');
    const county = planCaseStep(
      { ...atOpinion(200001), status: 'county_review' },
      { action: 'approve', role: 'county', opinion: '同意' },
      env('2026-03-06'),
    );
    expect(county.to).toBe('approved');
  });

  it('reads the limit in force on the step day for the case area', () => {
    const rules = programmeRuleBook([
      {
        key: 'temporary.townshipLimitFen',
        areaCode: '330102',
        effectiveFrom: '2026-03-05',
        effectiveTo: null,
        value: 300000,
        source: 'hq',
      },
    ]);
    expect(() => planCaseStep(atOpinion(250000), approve, env('2026-03-04', rules))).toThrow();
    expect(planCaseStep(atOpinion(250000), approve, env('2026-03-05', rules)).to).toBe('approved');
  });

  it('lets neither a registrar approve nor the county approve at the township', () => {
    expect(
      errorOf(() =>
        planCaseStep(atOpinion(1000), { ...approve, role: 'registrar' }, env('2026-03-05')),
      ).code,
    ).toBe('forbidden');
    expect(
      errorOf(() =>
        planCaseStep(
          { ...atOpinion(1000), status: 'county_review' },
          { action: 'approve', role: 'registrar', opinion: '同意' },
          env('2026-03-05'),
        ),
      ).code,
    ).toBe('forbidden');
  });

  it('pays once and closes: endedOn is the payment day, no monthly dates', () => {
    const paid = planCaseStep(
      { ...atOpinion(1000), status: 'approved', decidedOn: '2026-03-05' },
      { action: 'pay', role: 'supervisor' },
      env('2026-03-06'),
    );
    expect(paid.to).toBe('paid');
    expect(paid.fields).toMatchObject({ endedOn: '2026-03-06', paymentTo: null });
  });
});

describe('先行救助 paperwork due on the holiday calendar', () => {
  // 国庆 2026-10-01..07 off; Saturday 2026-10-10 worked (调休).
  const holidays = buildCalendar([
    {
      year: 2026,
      holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
      extraWorkdays: ['2026-10-10'],
    },
  ]);
  const accepted = temporaryCase({
    status: 'accepted',
    applicationDate: '2026-09-29',
    acceptedOn: '2026-09-29',
    programmeFacts: fireFacts({ eventDate: '2026-09-28' }),
  });
  const helpFirst = {
    action: 'help_first',
    role: 'supervisor' as const,
    opinion: '火灾急难，先行救助',
  };

  it('is the 5th working day after the help: 09-30, 10-08, 10-09, 10-10 (Sat, worked), 10-12', () => {
    const step = planCaseStep(accepted, helpFirst, { ...env('2026-09-29'), calendar: holidays });
    expect(step.to).toBe('helped_first');
    expect(step.fields).toMatchObject({ helpedFirstOn: '2026-09-29', paperworkDue: '2026-10-12' });
    const helped = { ...accepted, ...step.fields } as typeof accepted;
    expect(paperworkState(helped, '2026-10-12')).toBe('pending');
    expect(paperworkState(helped, '2026-10-13')).toBe('overdue');
    expect(paperworkState({ ...helped, status: 'township_opinion' }, '2026-10-13')).toBe('overdue');
    expect(paperworkState({ ...helped, status: 'approved' }, '2026-10-13')).toBe('done');
    expect(paperworkState({ ...helped, status: 'county_review' }, '2026-10-13')).toBe('done');
    expect(paperworkState(accepted, '2026-10-13')).toBe('none');
  });

  it('reads the published working days', () => {
    const rules = programmeRuleBook([
      {
        key: 'temporary.paperworkWorkingDays',
        areaCode: null,
        effectiveFrom: '2026-01-01',
        effectiveTo: null,
        value: 2,
        source: 'hq',
      },
    ]);
    const step = planCaseStep(accepted, helpFirst, {
      ...env('2026-09-29', rules),
      calendar: holidays,
    });
    expect(step.fields.paperworkDue).toBe('2026-10-08');
  });

  it('is for emergencies within the township limit, and cannot be withdrawn after', () => {
    const spending = {
      ...accepted,
      programmeFacts: fireFacts({ kind: 'expenditure', cause: 'medical', spendingFen: 300000 }),
    };
    expect(errorOf(() => planCaseStep(spending, helpFirst, env('2026-09-29'))).fieldErrors).toEqual(
      [{ path: 'programmeFacts.kind', code: 'temporary.help_first_not_emergency' }],
    );
    const large = { ...accepted, benefit: { ...accepted.benefit, benefitFen: 200001 } };
    expect(
      errorOf(() => planCaseStep(large, helpFirst, env('2026-09-29'))).fieldErrors?.[0]?.code,
    ).toBe('temporary.over_township_limit');
    expect(
      errorOf(() => planCaseStep(accepted, { ...helpFirst, role: 'registrar' }, env('2026-09-29')))
        .code,
    ).toBe('forbidden');
    const investigating = {
      ...accepted,
      status: 'investigating',
      helpedFirstOn: '2026-09-29',
      paperworkDue: '2026-10-12',
    };
    expect(
      errorOf(() =>
        planCaseStep(
          investigating,
          { action: 'withdraw', role: 'supervisor', opinion: '撤回' },
          env('2026-09-30'),
        ),
      ).fieldErrors,
    ).toEqual([{ path: 'status', code: 'temporary.helped_first_no_withdraw' }]);
  });
});
