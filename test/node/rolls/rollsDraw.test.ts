import { describe, expect, it } from 'vitest';
import { drawRoll, type DrawRollInput } from '@shared/rolls/drawRoll';
import { canonicalJson, rollHash } from '@shared/rolls/rollHash';
import type { PaymentRollData, RollLine } from '@shared/rolls/rollRecord';
import { reference, rollCase } from './rollsFixtures';

/**
 * Every kind of roll line and every check, with figures worked by hand (rollsFixtures:
 * rural 低保 standard 700.00 → 750.00 from July 2026, urban 800.00; amount S×N−I).
 * The July 2026 低保 roll of one township:
 *   A rural 2 covered, income 500: June 2×700−500 = 900.00, July 2×750−500 = 1,000.00 → 调整
 *   B urban 1, income 300: 800−300 = 500.00 both months → continuing (b1 died 2026-06-10)
 *   C rural 1, income 200, approved 2026-06-15 → paid from July: 750−200 = 550.00 → 新增
 *   D rural 1, income 100, ended 2026-06-20 (paid to June: 700−100 = 600.00) → 停发
 *   E urban 1, income 400: 400.00; June's 400.00 reported unpaid → carried
 *   F urban 1, income 300, paid from June but missed by June's roll → 500.00 + 500.00 back pay
 *   G rural 1, income 100: June 600.00 now, June's roll paid 620.00 → July 650.00 − 20.00
 *   H rural 1, income 800: above the line, 0.00 → amount not positive
 *   I urban 2, income 0: 1,600.00 > rolls.maxLineFen 1,000.00 → above the limit
 *   K 特困 covering a2 too (特困 excludes 低保) → A paid twice
 */
const june = '2026-06';
const july = '2026-07';

const cases = [
  { id: 'A', data: rollCase({ household: 'hA', persons: ['a1', 'a2'], wagesFen: 50_000 }) },
  {
    id: 'B',
    data: rollCase({ household: 'hB', persons: ['b1'], wagesFen: 30_000, category: 'urban' }),
  },
  {
    id: 'C',
    data: rollCase({
      household: 'hC',
      persons: ['c1'],
      wagesFen: 20_000,
      decidedOn: '2026-06-15',
      paymentFrom: july,
    }),
  },
  {
    id: 'D',
    data: rollCase({
      household: 'hD',
      persons: ['d1'],
      wagesFen: 10_000,
      status: 'terminated',
      endedOn: '2026-06-20',
      paymentTo: june,
    }),
  },
  {
    id: 'E',
    data: rollCase({ household: 'hE', persons: ['e1'], wagesFen: 40_000, category: 'urban' }),
  },
  {
    id: 'F',
    data: rollCase({
      household: 'hF',
      persons: ['f1'],
      wagesFen: 30_000,
      category: 'urban',
      decidedOn: '2026-05-25',
      paymentFrom: june,
    }),
  },
  { id: 'G', data: rollCase({ household: 'hG', persons: ['g1'], wagesFen: 10_000 }) },
  { id: 'H', data: rollCase({ household: 'hH', persons: ['h1'], wagesFen: 80_000 }) },
  {
    id: 'I',
    data: rollCase({ household: 'hI', persons: ['i1', 'i2'], wagesFen: 0, category: 'urban' }),
  },
  {
    id: 'K',
    data: rollCase({ programme: 'tekun', household: 'hK', persons: ['a2'], wagesFen: 0 }),
  },
];

const personIds = ['a1', 'a2', 'b1', 'c1', 'd1', 'e1', 'f1', 'g1', 'h1', 'i1', 'i2'];
const persons = personIds.map((id) => ({
  id,
  name: `名${id}`,
  idNumber: `33010219600101${id.padStart(4, '0')}`,
  diedOn: id === 'b1' ? '2026-06-10' : id === 'e1' ? '2026-07-05' : null,
}));
const households = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'K'].map((x) => ({
  id: `h${x}`,
  headPersonId: `${x.toLowerCase()}1`,
  headName: `户主${x}`,
  villageName: x < 'F' ? '东村' : '西村',
}));
// Everyone has an account but c1 (C's line: no account); e1's June account was closed.
const accounts = personIds
  .filter((id) => id !== 'c1')
  .map((id) => ({
    id: `acc-${id}`,
    data: {
      personId: id,
      bankName: '农商银行',
      accountNumber: id === 'e1' ? '6228480000000000002' : `62284800000000${id.padStart(5, '0')}`,
      oneCard: true,
      note: '',
    },
  }));

function line(over: Partial<RollLine> & Pick<RollLine, 'key' | 'monthlyFen'>): RollLine {
  return {
    kind: 'continuing',
    caseId: over.key,
    township: '城关镇',
    village: '东村',
    headName: '',
    headIdNumber: '',
    payeePersonId: '',
    payeeName: '',
    coveredCount: 1,
    category: 'rural',
    adjustments: [],
    adjustFen: 0,
    paidFen: over.monthlyFen,
    bankName: '农商银行',
    accountNumber: '6228480000000000001',
    oneCard: true,
    carriedFrom: null,
    note: '',
    ...over,
  };
}

/** June's approved roll: F missed, G paid 620.00, E reported unpaid afterwards. */
const juneRoll: { id: string; data: PaymentRollData } = {
  id: 'roll-june',
  data: {
    programme: 'dibao',
    month: june,
    rollVersion: 1,
    status: 'approved',
    drawnOn: '2026-06-01',
    lines: [
      line({ key: 'A', monthlyFen: 90_000 }),
      line({ key: 'B', monthlyFen: 50_000 }),
      line({ key: 'D', monthlyFen: 60_000 }),
      line({
        key: 'E',
        monthlyFen: 40_000,
        headName: '户主E',
        payeePersonId: 'e1',
        payeeName: '名e1',
      }),
      line({ key: 'G', monthlyFen: 62_000 }),
      line({ key: 'H', monthlyFen: 0 }),
      line({ key: 'I', monthlyFen: 160_000 }),
    ],
    changes: [],
    problems: [],
    totalFen: 462_000,
    hash: '0'.repeat(64),
    approvedBy: '主管',
    approvedOn: '2026-06-02',
  },
};

const input: DrawRollInput = {
  programme: 'dibao',
  month: july,
  township: '城关镇',
  cases,
  persons,
  households,
  accounts,
  reference,
  previousRolls: [juneRoll],
  unpaid: [{ rollId: 'roll-june', key: 'E', reason: '账户已销户' }],
};

const byKey = (lines: RollLine[]) => new Map(lines.map((l) => [l.key, l]));

describe('drawRoll: every kind of line (hand-worked July 2026 低保 roll)', () => {
  const roll = drawRoll(input);
  const lines = byKey(roll.lines);

  it('pays each case its amount under the month standard', () => {
    const figures = roll.lines.map((l) => [l.key, l.kind, l.monthlyFen, l.adjustFen, l.paidFen]);
    expect(figures).toEqual([
      ['A', 'adjusted', 100_000, 0, 100_000],
      ['B', 'continuing', 50_000, 0, 50_000],
      ['C', 'new', 55_000, 0, 55_000],
      ['E', 'continuing', 40_000, 0, 40_000],
      ['carried:roll-june:E', 'carried', 40_000, 0, 40_000],
      ['F', 'continuing', 50_000, 50_000, 100_000],
      ['G', 'adjusted', 65_000, -2_000, 63_000],
      ['H', 'continuing', 0, 0, 0],
      ['I', 'continuing', 160_000, 0, 160_000],
    ]);
    // 1,000 + 500 + 550 + 400 + 400 + 1,000 + 630 + 0 + 1,600 = 6,080.00 yuan
    expect(roll.totalFen).toBe(608_000);
    expect(lines.has('D')).toBe(false);
  });

  it('new from the month after approval; stopped after its last month', () => {
    expect(drawRoll({ ...input, month: june }).lines.map((l) => l.key)).not.toContain('C');
    const juneDraw = byKey(drawRoll({ ...input, month: june, previousRolls: [] }).lines);
    expect(juneDraw.get('D')?.paidFen).toBe(60_000);
  });

  it('a line: township, village, head, ID, covered persons, category, bank and account', () => {
    expect(lines.get('A')).toMatchObject({
      township: '城关镇',
      village: '东村',
      headName: '户主A',
      headIdNumber: '3301021960010100a1',
      payeePersonId: 'a1',
      payeeName: '名a1',
      coveredCount: 2,
      category: 'rural',
      bankName: '农商银行',
      accountNumber: '62284800000000000a1',
      oneCard: true,
    });
  });

  it('back pay for a month its roll missed, deduction for a month its roll overpaid', () => {
    expect(lines.get('F')?.adjustments).toEqual([
      { month: june, fen: 50_000, reason: 'missed_month' },
    ]);
    expect(lines.get('G')?.adjustments).toEqual([
      { month: june, fen: -2_000, reason: 'amount_changed' },
    ]);
  });

  it('a line reported unpaid is carried, to the account the payee has now, with its reason', () => {
    expect(lines.get('carried:roll-june:E')).toMatchObject({
      caseId: 'E',
      accountNumber: '6228480000000000002',
      carriedFrom: { rollId: 'roll-june', key: 'E', month: june },
      note: '账户已销户',
    });
  });

  it("lists the month's changes apart: 新增, 停发, 调整", () => {
    expect(roll.changes).toEqual([
      { kind: 'adjusted', caseId: 'A', headName: '户主A', fromFen: 90_000, toFen: 100_000 },
      { kind: 'adjusted', caseId: 'G', headName: '户主G', fromFen: 60_000, toFen: 65_000 },
      { kind: 'new', caseId: 'C', headName: '户主C', fromFen: 0, toFen: 55_000 },
      { kind: 'stopped', caseId: 'D', headName: '户主D', fromFen: 60_000, toFen: 0 },
    ]);
  });

  it('checks: paid twice, deceased, amount ≤ 0, above the limit, no account — each at its line', () => {
    expect(roll.problems).toEqual([
      { key: 'A', code: 'roll.paid_twice', params: { name: '名a2', programme: 'tekun' } },
      { key: 'B', code: 'roll.deceased', params: { name: '名b1', diedOn: '2026-06-10' } },
      { key: 'C', code: 'roll.no_account', params: { name: '名c1' } },
      { key: 'H', code: 'roll.amount_not_positive', params: { fen: 0 } },
      { key: 'I', code: 'roll.amount_above_limit', params: { fen: 160_000, limit: 100_000 } },
    ]);
  });

  it('the limit is the rule in force for the month: 1,000.00 pays, 1,000.01 does not', () => {
    // A and F pay exactly 1,000.00 and are not flagged; in June the sample 5,000.00 held.
    expect(roll.problems.filter((p) => ['A', 'F'].includes(p.key)).map((p) => p.code)).toEqual([
      'roll.paid_twice',
    ]);
    const juneDraw = drawRoll({ ...input, month: june, previousRolls: [], unpaid: [] });
    expect(juneDraw.problems.map((p) => p.code)).not.toContain('roll.amount_above_limit');
  });

  it('特困 excludes 低保: the 特困 roll flags the same person too', () => {
    const tekun = drawRoll({ ...input, programme: 'tekun', previousRolls: [], unpaid: [] });
    // The 特困 module's own amount: ceil(750.00 × 1300‰) = 975.00 basic living; no
    // self-care assessment on this fixture, so no care part.
    expect(tekun.lines.map((l) => [l.key, l.paidFen])).toEqual([['K', 97_500]]);
    expect(tekun.problems).toEqual([
      { key: 'K', code: 'roll.paid_twice', params: { name: '名a2', programme: 'dibao' } },
    ]);
  });

  it('a carried line is carried once; reported unpaid again, it is carried again', async () => {
    const julyRoll = {
      id: 'roll-july',
      data: {
        ...juneRoll.data,
        month: july,
        lines: roll.lines,
        totalFen: roll.totalFen,
        hash: await rollHash(roll.lines),
      },
    };
    const august = { ...input, month: '2026-08', previousRolls: [juneRoll, julyRoll] };
    expect(drawRoll(august).lines.filter((l) => l.kind === 'carried')).toEqual([]);
    const again = drawRoll({
      ...august,
      unpaid: [
        ...input.unpaid,
        { rollId: 'roll-july', key: 'carried:roll-june:E', reason: '户名不符' },
      ],
    });
    expect(again.lines.filter((l) => l.kind === 'carried').map((l) => [l.key, l.paidFen])).toEqual([
      ['carried:roll-july:carried:roll-june:E', 40_000],
    ]);
  });

  it('a draft roll of an earlier month counts for nothing (only approved ones)', () => {
    const draft = { ...juneRoll, data: { ...juneRoll.data, status: 'draft' as const } };
    const lines2 = byKey(drawRoll({ ...input, previousRolls: [draft] }).lines);
    expect(lines2.get('F')?.adjustments).toEqual([]);
    expect(lines2.has('carried:roll-june:E')).toBe(false);
  });
});

describe('drawRoll: a review changes the months from its own, not those already paid', () => {
  it('pays June as it was and July under the reviewed income', () => {
    // A: June paid 900.00 (income 500). Reviewed on 2 July: income 300.00 from then on.
    // July: 2×750−300 = 1,200.00; June stays 900.00 (no back pay for a month before the
    // review). Before the fix June was "owed" 2×700−300 = 1,100.00 → +200.00 back pay.
    const reviewed = {
      id: 'A',
      data: rollCase({
        household: 'hA',
        persons: ['a1', 'a2'],
        wagesFen: 30_000,
        reviewStartedOn: '2026-07-02',
        reviewedOn: '2026-07-06',
        benefit: {
          ...rollCase({ household: 'hA', persons: ['a1', 'a2'], wagesFen: 30_000 }).benefit,
          computedForDate: '2026-07-02',
        },
      }),
    };
    const lines = byKey(drawRoll({ ...input, cases: [reviewed], unpaid: [] }).lines);
    expect(lines.get('A')).toMatchObject({
      monthlyFen: 120_000,
      adjustments: [],
      paidFen: 120_000,
    });
  });
});

describe('drawRoll: one-off payments (临时救助, its real module)', () => {
  const temp = (id: string, fen: number, over: Parameters<typeof rollCase>[0]) => {
    const data = rollCase({ programme: 'temporary', paymentFrom: null, ...over });
    return { id, data: { ...data, benefit: { ...data.benefit, benefitFen: fen } } };
  };

  it('pays the one-offs approved in the month at their decided amount; help handed over first is not on the bank roll', () => {
    const roll = drawRoll({
      ...input,
      programme: 'temporary',
      previousRolls: [],
      unpaid: [],
      cases: [
        // Approved at the township in July: due on July's roll.
        temp('T1', 80_000, {
          household: 'hA',
          persons: ['a1'],
          wagesFen: 0,
          status: 'approved',
          decidedOn: '2026-07-08',
        }),
        // Approved in June: June's roll, not July's.
        temp('T2', 50_000, {
          household: 'hB',
          persons: ['b1'],
          wagesFen: 0,
          status: 'approved',
          decidedOn: '2026-06-30',
        }),
        // Denied in July: nothing.
        temp('T3', 30_000, {
          household: 'hC',
          persons: ['c1'],
          wagesFen: 0,
          status: 'denied',
          decidedOn: '2026-07-02',
        }),
        // Helped first on 3 July (先行救助, cash with a receipt), approved later: never on a bank roll.
        temp('T4', 65_000, {
          household: 'hG',
          persons: ['g1'],
          wagesFen: 0,
          status: 'approved',
          helpedFirstOn: '2026-07-03',
          decidedOn: '2026-07-10',
        }),
        // Approved by the county on the last day of July and already recorded paid.
        temp('T5', 95_000, {
          household: 'hD',
          persons: ['d1'],
          wagesFen: 0,
          status: 'paid',
          decidedOn: '2026-07-31',
          endedOn: '2026-08-03',
        }),
      ],
    });
    expect(roll.lines.map((l) => [l.key, l.kind, l.paidFen])).toEqual([
      ['T1', 'once', 80_000],
      ['T5', 'once', 95_000],
    ]);
    expect(roll.changes).toEqual([]);
    expect(roll.problems).toEqual([]);
  });

  it('pays a one-off decided after its month roll was locked on the next roll, once', () => {
    // July's roll, approved on 10 July, holds T2 (approved 8 July); T1 is approved by the
    // county on 20 July, after it; T5 on 25 July, recorded paid (settled otherwise) on 28 July.
    const julyOnce: { id: string; data: PaymentRollData } = {
      id: 'roll-july-temp',
      data: {
        programme: 'temporary',
        month: july,
        rollVersion: 1,
        status: 'approved',
        drawnOn: '2026-07-10',
        lines: [line({ key: 'T2', kind: 'once', monthlyFen: 50_000 })],
        changes: [],
        problems: [],
        totalFen: 50_000,
        hash: '0'.repeat(64),
        approvedBy: '主管',
        approvedOn: '2026-07-10',
      },
    };
    const oneOffs = [
      temp('T1', 80_000, {
        household: 'hA',
        persons: ['a1'],
        wagesFen: 0,
        status: 'approved',
        decidedOn: '2026-07-20',
      }),
      temp('T2', 50_000, {
        household: 'hB',
        persons: ['b1'],
        wagesFen: 0,
        status: 'approved',
        decidedOn: '2026-07-08',
      }),
      temp('T5', 95_000, {
        household: 'hD',
        persons: ['d1'],
        wagesFen: 0,
        status: 'paid',
        decidedOn: '2026-07-25',
        endedOn: '2026-07-28',
      }),
    ];
    const base = { ...input, programme: 'temporary' as const, unpaid: [], cases: oneOffs };
    const august = drawRoll({ ...base, month: '2026-08', previousRolls: [julyOnce] });
    expect(august.lines.map((l) => [l.key, l.kind, l.paidFen])).toEqual([['T1', 'once', 80_000]]);
    // Once August's approved roll holds it, September's does not pay it again.
    const augustRoll = {
      id: 'roll-august-temp',
      data: { ...julyOnce.data, month: '2026-08', lines: august.lines, totalFen: 80_000 },
    };
    const september = drawRoll({
      ...base,
      month: '2026-09',
      previousRolls: [julyOnce, augustRoll],
    });
    expect(september.lines).toEqual([]);
  });
  it('two one-offs of a person in a month (repeated help, with its reason) both pay', () => {
    // The repeated-help rule (window and reason) judges a second help, not the roll: two
    // 临时救助 payments of one month are not "paid twice" for one monthly need.
    const roll = drawRoll({
      ...input,
      programme: 'temporary',
      previousRolls: [],
      unpaid: [],
      cases: [
        temp('T1', 80_000, {
          household: 'hA',
          persons: ['a1'],
          wagesFen: 0,
          status: 'approved',
          decidedOn: '2026-07-03',
        }),
        temp('T6', 30_000, {
          household: 'hA',
          persons: ['a1'],
          wagesFen: 0,
          status: 'approved',
          decidedOn: '2026-07-21',
        }),
      ],
    });
    expect(roll.lines.map((l) => [l.key, l.paidFen])).toEqual([
      ['T1', 80_000],
      ['T6', 30_000],
    ]);
    expect(roll.problems).toEqual([]);
  });
});

describe('rollHash', () => {
  it('is the SHA-256 of the canonical JSON: key order does not matter, a fen does', async () => {
    const roll = drawRoll(input);
    const hash = await rollHash(roll.lines);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const reordered = roll.lines.map(
      (l) => Object.fromEntries(Object.entries(l).reverse()) as RollLine,
    );
    expect(await rollHash(reordered)).toBe(hash);
    const changed = roll.lines.map((l, i) => (i === 0 ? { ...l, paidFen: l.paidFen + 1 } : l));
    expect(await rollHash(changed)).not.toBe(hash);
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: null }] })).toBe('{"a":[{"c":null,"d":2}],"b":1}');
    // SHA-256 of '[]' (a known digest).
    expect(await rollHash([])).toBe(
      '4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945',
    );
  });
});
