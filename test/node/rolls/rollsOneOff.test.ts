import { describe, expect, it } from 'vitest';
import { drawRoll } from '@shared/rolls/drawRoll';
import { canonicalJson, rollHash } from '@shared/rolls/rollHash';
import type { PaymentRollData, RollLine } from '@shared/rolls/rollRecord';
import { rollCase } from './rollsFixtures';
import { input, july, line } from './julyRoll';

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
