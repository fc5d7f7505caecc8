import type { DrawRollInput } from '@shared/rolls/drawRoll';
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
export const june = '2026-06';
export const july = '2026-07';

export const cases = [
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

export const personIds = ['a1', 'a2', 'b1', 'c1', 'd1', 'e1', 'f1', 'g1', 'h1', 'i1', 'i2'];
export const persons = personIds.map((id) => ({
  id,
  name: `名${id}`,
  idNumber: `33010219600101${id.padStart(4, '0')}`,
  diedOn: id === 'b1' ? '2026-06-10' : id === 'e1' ? '2026-07-05' : null,
}));
export const households = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'K'].map((x) => ({
  id: `h${x}`,
  headPersonId: `${x.toLowerCase()}1`,
  headName: `户主${x}`,
  villageName: x < 'F' ? '东村' : '西村',
}));
// Everyone has an account but c1 (C's line: no account); e1's June account was closed.
export const accounts = personIds
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

export function line(over: Partial<RollLine> & Pick<RollLine, 'key' | 'monthlyFen'>): RollLine {
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
export const juneRoll: { id: string; data: PaymentRollData } = {
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

export const input: DrawRollInput = {
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

export const byKey = (lines: RollLine[]) => new Map(lines.map((l) => [l.key, l]));
