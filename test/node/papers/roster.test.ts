import { describe, expect, it } from 'vitest';
import { buildRoster, type RosterInput } from '@shared/papers/roster';
import type { RollLine } from '@shared/rolls/rollRecord';
import { rollCase } from '../rolls/rollsFixtures';

/**
 * 花名册 rows and totals, pure: 临时救助's one-offs of the month (on the roll, and handed
 * over first in cash, which no roll carries), a carried line counting its case once.
 */
const households = [
  { id: 'h1', headPersonId: 'p1', headName: '甲', villageName: '东村' },
  { id: 'h2', headPersonId: 'p2', headName: '乙', villageName: '' },
  { id: 'h3', headPersonId: 'p3', headName: '丙', villageName: '东村' },
];
const persons = [
  { id: 'p1', idNumber: '330102196005040138' },
  { id: 'p2', idNumber: '330102196208150245' },
  { id: 'p3', idNumber: '330102195803110513' },
];
const benefit = (fen: number) => ({
  standardId: null,
  standardFen: 0,
  coveredCount: 1,
  countedIncomeFen: 0,
  benefitFen: fen,
  classification: 'temporary',
  computedForDate: '2026-04-01',
  parts: [],
});
const cases: RosterInput['cases'] = [
  // Decided in April: due on April's roll.
  {
    id: 'c1',
    data: rollCase({
      programme: 'temporary',
      persons: ['p1', 'p1b'],
      wagesFen: 0,
      household: 'h1',
      status: 'approved',
      decidedOn: '2026-04-10',
      paymentFrom: null,
      benefit: benefit(150_000),
    }),
  },
  // Helped first in April (cash): on no roll, but on the month's list.
  {
    id: 'c2',
    data: rollCase({
      programme: 'temporary',
      persons: ['p2'],
      wagesFen: 0,
      household: 'h2',
      status: 'helped_first',
      helpedFirstOn: '2026-04-03',
      decidedOn: null,
      paymentFrom: null,
      benefit: benefit(80_000),
    }),
  },
  // Decided in March: not April's.
  {
    id: 'c3',
    data: rollCase({
      programme: 'temporary',
      persons: ['p3'],
      wagesFen: 0,
      household: 'h3',
      status: 'approved',
      decidedOn: '2026-03-28',
      paymentFrom: null,
      benefit: benefit(60_000),
    }),
  },
];
const input = (rolls: RosterInput['rolls'] = []): RosterInput => ({
  programme: 'temporary',
  month: '2026-04',
  officeName: '城关镇民政办',
  cases,
  households,
  persons,
  rolls,
});
const line = (over: Partial<RollLine>): RollLine => ({
  key: 'c1',
  kind: 'once',
  caseId: 'c1',
  township: '城关镇民政办',
  village: '东村',
  headName: '甲',
  headIdNumber: '330102196005040138',
  payeePersonId: 'p1',
  payeeName: '甲',
  coveredCount: 2,
  category: 'rural',
  monthlyFen: 150_000,
  adjustments: [],
  adjustFen: 0,
  paidFen: 150_000,
  bankName: '',
  accountNumber: '',
  oneCard: false,
  carriedFrom: null,
  note: '',
  ...over,
});

describe('the 花名册 of a month', () => {
  it("lists 临时救助's one-offs of the month, cash ones too, 未审定 without a roll", () => {
    const paper = buildRoster(input());
    expect(paper.source).toBe('unapproved');
    expect(paper.villages.map((v) => [v.village, v.rows.map((r) => [r.caseId, r.kind])])).toEqual([
      ['东村', [['c1', 'current']]],
      ['', [['c2', 'handedOver']]],
    ]);
    expect(paper.total).toEqual({ households: 2, covered: 3, amountFen: 230_000 });
    expect(paper.villages[0]?.rows[0]?.headIdNumber).toBe('330102196005040138');
  });

  it('takes the highest approved roll as the truth, adds cash one-offs, counts a case once', () => {
    const roll = (version: number, status: 'approved' | 'draft', lines: RollLine[]) => ({
      id: `r${version}`,
      data: {
        programme: 'temporary' as const,
        month: '2026-04',
        rollVersion: version,
        status,
        lines,
      },
    });
    const paper = buildRoster(
      input([
        roll(1, 'approved', [line({ paidFen: 140_000 })]),
        roll(2, 'approved', [
          line({}),
          line({ key: 'carried:r0:c1', kind: 'carried', paidFen: 20_000 }),
        ]),
        roll(3, 'draft', [line({ paidFen: 1 })]),
        // Another month's and another programme's approved rolls are not this one.
        {
          ...roll(4, 'approved', [line({ paidFen: 2 })]),
          data: { ...roll(4, 'approved', []).data, month: '2026-05' },
        },
      ]),
    );
    expect(paper).toMatchObject({ source: 'roll', rollVersion: 2 });
    expect(paper.villages.map((v) => v.rows.map((r) => [r.key, r.kind, r.amountFen]))).toEqual([
      [
        ['c1', 'once', 150_000],
        ['carried:r0:c1', 'carried', 20_000],
      ],
      [['c2', 'handedOver', 80_000]],
    ]);
    expect(paper.villages[0]).toMatchObject({ households: 1, covered: 2, amountFen: 170_000 });
    expect(paper.total).toEqual({ households: 2, covered: 3, amountFen: 250_000 });
  });
});
