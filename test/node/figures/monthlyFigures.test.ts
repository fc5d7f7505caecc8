import { describe, expect, it } from 'vitest';
import type { AssistanceCaseData } from '@shared/domain/assistanceCase';
import {
  monthlyFigures,
  monthsEndingWith,
  paidByMonth,
  type FigureCase,
  type FigureRoll,
  type FiguresInput,
} from '@shared/figures/monthlyFigures';
import { drawRoll } from '@shared/rolls/drawRoll';
import type { RollLine } from '@shared/rolls/rollRecord';
import * as july from '../rolls/julyRoll';
import { rollCase } from '../rolls/rollsFixtures';

/**
 * The monthly figures computed by hand over small offices: which cases are in payment,
 * new and stopped in a month (mid-month starts and ends, ended cases, a successor case),
 * people covered, amounts from the roll in force less unpaid lines plus cash one-offs;
 * deleted records and programmes without cases.
 */
let n = 0;
const kase = (
  officeId: string,
  over: Partial<AssistanceCaseData> & { persons: string[] },
  extra: Partial<FigureCase> = {},
): FigureCase => {
  n += 1;
  return {
    id: `c${n}`,
    officeId,
    data: rollCase({ household: `h${n}`, wagesFen: 0, ...over }),
    ...extra,
  };
};

const line = (key: string, paidFen: number): RollLine => ({
  key,
  kind: 'continuing',
  caseId: key,
  township: '',
  village: '',
  headName: '',
  headIdNumber: '',
  payeePersonId: 'p',
  payeeName: '',
  coveredCount: 1,
  category: 'rural',
  monthlyFen: paidFen,
  adjustments: [],
  adjustFen: 0,
  paidFen,
  bankName: '',
  accountNumber: '',
  oneCard: false,
  carriedFrom: null,
  note: '',
});

const roll = (
  id: string,
  officeId: string,
  over: Partial<FigureRoll['data']> & { lines: RollLine[] },
): FigureRoll => ({
  id,
  officeId,
  data: {
    programme: 'dibao',
    month: '2026-07',
    rollVersion: 1,
    status: 'approved',
    totalFen: over.lines.reduce((s, l) => s + l.paidFen, 0),
    ...over,
  },
});

const input = (over: Partial<FiguresInput>): FiguresInput => ({
  offices: ['office-a'],
  cases: [],
  rolls: [],
  unpaid: [],
  ...over,
});

const rowOf = (figures: ReturnType<typeof monthlyFigures>, programme: string, office: string) => {
  const row = figures.rows.find((r) => r.programme === programme && r.officeId === office);
  if (!row) throw new Error(`no row ${programme} ${office}`);
  return row;
};

describe('monthly figures', () => {
  it('counts a case starting and one stopping mid-period in the right months', () => {
    // Approved 2026-06-18: paid from July. Ended 2026-07-10: paid to the end of July.
    const starts = kase('office-a', { persons: ['a1', 'a2'], paymentFrom: '2026-07' });
    const stops = kase('office-a', {
      persons: ['b1'],
      status: 'ended',
      paymentFrom: '2026-01',
      paymentTo: '2026-07',
      endedOn: '2026-07-10',
    });
    const steady = kase('office-a', { persons: ['c1', 'c2', 'c3'], paymentFrom: '2026-03' });
    const data = input({ cases: [starts, stops, steady] });

    const june = rowOf(monthlyFigures(data, '2026-06'), 'dibao', 'office-a');
    expect(june).toMatchObject({ casesInPayment: 2, peopleCovered: 4, newCases: 0 });
    expect(june.stoppedCases).toBe(0);
    const july = rowOf(monthlyFigures(data, '2026-07'), 'dibao', 'office-a');
    expect(july).toMatchObject({ casesInPayment: 3, peopleCovered: 6, newCases: 1 });
    expect(july.stoppedCases).toBe(1);
    const august = rowOf(monthlyFigures(data, '2026-08'), 'dibao', 'office-a');
    expect(august).toMatchObject({ casesInPayment: 2, peopleCovered: 5, newCases: 0 });
    expect(august.stoppedCases).toBe(0);
  });

  it('leaves out an ended case after its last month, a case not yet paid and a suspended one', () => {
    const ended = kase('office-a', {
      persons: ['e1'],
      status: 'ended',
      paymentFrom: '2025-01',
      paymentTo: '2026-02',
      endedOn: '2026-02-03',
    });
    const pending = kase('office-a', { persons: ['p1'], status: 'county_review' });
    const suspended = kase('office-a', {
      persons: ['s1'],
      status: 'suspended',
      paymentFrom: '2026-01',
    });
    const row = rowOf(
      monthlyFigures(input({ cases: [ended, pending, suspended] }), '2026-07'),
      'dibao',
      'office-a',
    );
    expect(row).toMatchObject({
      casesInPayment: 0,
      peopleCovered: 0,
      newCases: 0,
      stoppedCases: 0,
    });
  });

  it('ignores deleted cases, rolls and unpaid marks', () => {
    const gone = kase('office-a', { persons: ['g1'], paymentFrom: '2026-07' }, { deleted: true });
    const kept = kase('office-a', { persons: ['k1'], paymentFrom: '2026-07' });
    const approved = roll('r1', 'office-a', { lines: [line('k', 50_000)] });
    const deletedRoll = roll('r2', 'office-a', {
      rollVersion: 2,
      lines: [line('x', 90_000)],
    });
    deletedRoll.deleted = true;
    const row = rowOf(
      monthlyFigures(
        input({
          cases: [gone, kept],
          rolls: [approved, deletedRoll],
          unpaid: [
            { id: 'u', officeId: 'office-a', deleted: true, data: { rollId: 'r1', key: 'k' } },
          ],
        }),
        '2026-07',
      ),
      'dibao',
      'office-a',
    );
    expect(row).toMatchObject({ casesInPayment: 1, newCases: 1, rollVersion: 1 });
    expect(row).toMatchObject({ rollFen: 50_000, unpaidFen: 0, paidFen: 50_000 });
  });

  it('takes the amount from the roll in force, less unpaid lines; a draft pays nothing', () => {
    const v1 = roll('r1', 'office-a', { lines: [line('a', 60_000), line('b', 40_000)] });
    const v2 = roll('r2', 'office-a', {
      rollVersion: 2,
      lines: [line('a', 60_000), line('b', 45_000)],
    });
    const draft = roll('r3', 'office-a', {
      rollVersion: 3,
      status: 'draft',
      lines: [line('a', 1)],
    });
    const other = roll('r4', 'office-b', { lines: [line('z', 10_000)] });
    const unpaid = [{ id: 'u1', officeId: 'office-a', data: { rollId: 'r2', key: 'b' } }];
    const figures = monthlyFigures(
      input({ offices: ['office-a', 'office-b'], rolls: [v1, v2, draft, other], unpaid }),
      '2026-07',
    );
    expect(rowOf(figures, 'dibao', 'office-a')).toMatchObject({
      rollStatus: 'draft',
      rollVersion: 2,
      rollFen: 105_000,
      unpaidFen: 45_000,
      paidFen: 60_000,
    });
    expect(rowOf(figures, 'dibao', 'office-b')).toMatchObject({
      rollStatus: 'approved',
      paidFen: 10_000,
    });
    expect(figures.totals.find((t) => t.programme === 'dibao')).toMatchObject({
      officeId: '',
      rollFen: 115_000,
      paidFen: 70_000,
    });
    // A month with only a draft roll: its state shows, nothing is paid.
    const onlyDraft = monthlyFigures(input({ rolls: [draft] }), '2026-07');
    expect(rowOf(onlyDraft, 'dibao', 'office-a')).toMatchObject({
      rollStatus: 'draft',
      rollVersion: null,
      paidFen: 0,
    });
  });

  it('gives every programme and office a row, zeros where there is no case', () => {
    const figures = monthlyFigures(input({ offices: ['office-a', 'office-b'] }), '2026-07');
    expect(figures.rows.map((r) => `${r.programme}/${r.officeId}`)).toEqual([
      'dibao/office-a',
      'dibao/office-b',
      'tekun/office-a',
      'tekun/office-b',
      'temporary/office-a',
      'temporary/office-b',
    ]);
    for (const row of [...figures.rows, ...figures.totals]) {
      expect(row).toMatchObject({
        casesInPayment: 0,
        peopleCovered: 0,
        paidFen: 0,
        rollStatus: 'none',
      });
    }
  });

  it('counts one-offs in their month: on the roll, or handed over first in cash', () => {
    const temporary = (over: Partial<AssistanceCaseData>, persons: string[]) =>
      kase('office-a', {
        programme: 'temporary',
        persons,
        status: 'approved',
        benefit: {
          ...rollCase({ persons, wagesFen: 0, household: 'x' }).benefit,
          benefitFen: 30_000,
        },
        ...over,
      });
    const onRoll = temporary({ decidedOn: '2026-07-08' }, ['t1', 't2']);
    const cash = temporary(
      { status: 'paid', helpedFirstOn: '2026-07-02', decidedOn: '2026-07-20' },
      ['t3'],
    );
    const lastMonth = temporary({ decidedOn: '2026-06-28' }, ['t4']);
    const figures = monthlyFigures(
      input({
        cases: [onRoll, cash, lastMonth],
        rolls: [
          roll('rt', 'office-a', { programme: 'temporary', lines: [line(onRoll.id, 30_000)] }),
        ],
      }),
      '2026-07',
    );
    expect(rowOf(figures, 'temporary', 'office-a')).toMatchObject({
      casesInPayment: 2,
      peopleCovered: 3,
      newCases: 2,
      stoppedCases: 0,
      rollFen: 30_000,
      cashFen: 30_000,
      paidFen: 60_000,
    });
  });

  it('does not count a successor case carrying a household on as new, nor its predecessor as stopped', () => {
    const before = kase('office-a', {
      persons: ['h1', 'h2'],
      status: 'ended',
      paymentFrom: '2025-05',
      paymentTo: '2026-06',
      endedOn: '2026-06-12',
    });
    const after = kase('office-a', {
      persons: ['h2'],
      paymentFrom: '2026-07',
      previousCaseId: before.id,
    });
    const data = input({ cases: [before, after] });
    expect(rowOf(monthlyFigures(data, '2026-06'), 'dibao', 'office-a')).toMatchObject({
      casesInPayment: 1,
      stoppedCases: 0,
    });
    expect(rowOf(monthlyFigures(data, '2026-07'), 'dibao', 'office-a')).toMatchObject({
      casesInPayment: 1,
      newCases: 0,
    });
  });

  it('series: the last 12 months, oldest first, paid per programme', () => {
    const months = monthsEndingWith('2026-03', 12);
    expect(months[0]).toBe('2025-04');
    expect(months[11]).toBe('2026-03');
    expect(months).toHaveLength(12);
    const series = paidByMonth(
      input({ rolls: [roll('r', 'office-a', { month: '2026-02', lines: [line('a', 12_345)] })] }),
      months,
    );
    expect(series.find((s) => s.month === '2026-02')?.paidFen).toEqual({
      dibao: 12_345,
      tekun: 0,
      temporary: 0,
    });
    expect(series.find((s) => s.month === '2026-03')?.paidFen.dibao).toBe(0);
  });
});

describe('monthly figures against the roll drawn for the same month', () => {
  it('counts the cases, new and stopped the way drawRoll lists them (one rule, paidInMonth)', () => {
    const drawn = drawRoll(july.input);
    const figures = input({
      offices: ['o'],
      cases: july.input.cases.map((c) => ({ ...c, officeId: 'o' })),
    });
    const julyRow = rowOf(monthlyFigures(figures, july.july), 'dibao', 'o');
    const monthLines = drawn.lines.filter((l) => l.kind !== 'carried');
    expect(julyRow.casesInPayment).toBe(new Set(monthLines.map((l) => l.caseId)).size);
    expect(julyRow.newCases).toBe(drawn.changes.filter((c) => c.kind === 'new').length);
    // drawRoll's "stopped" in July is a case whose last paid month was June.
    const juneRow = rowOf(monthlyFigures(figures, july.june), 'dibao', 'o');
    expect(juneRow.stoppedCases).toBe(drawn.changes.filter((c) => c.kind === 'stopped').length);
    expect(juneRow.stoppedCases).toBe(1);
  });
});
