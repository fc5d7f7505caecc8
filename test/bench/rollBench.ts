import { noStepDates, type AssistanceCaseData } from '../../shared/domain/assistanceCase';
import { defaultOfficeSettings } from '../../shared/domain/settings';
import { programmeRuleBook } from '../../shared/programmes/registry';
import { drawRoll, type DrawRollInput } from '../../shared/rolls/drawRoll';
import { rollHash } from '../../shared/rolls/rollHash';
import type { PaymentRollData } from '../../shared/rolls/rollRecord';

/**
 * Drawing a month's payment roll (shared/rolls/drawRoll.ts) for an office of `cases`
 * active 低保 cases with a year of approved rolls behind it: the desk draws it on 生成
 * and HQ draws it again inside the push transaction of every checked or approved roll,
 * so its time holds the office's sync. Pure code in Node; the median of `runs`.
 */
export interface RollFigures {
  cases: number;
  earlierRolls: number;
  lines: number;
  drawMs: number;
  hashMs: number;
}

function benchInput(cases: number, months: number): DrawRollInput {
  const month = '2026-12';
  const all: { id: string; data: AssistanceCaseData }[] = [];
  const persons = [];
  const households = [];
  const accounts = [];
  for (let i = 0; i < cases; i++) {
    const n = String(i).padStart(6, '0');
    const personId = `p${n}`;
    const householdId = `h${n}`;
    persons.push({ id: personId, name: `名${n}`, idNumber: `330102194001${n}`, diedOn: null });
    households.push({
      id: householdId,
      headPersonId: personId,
      headName: `名${n}`,
      villageName: `村${i % 40}`,
    });
    accounts.push({
      id: `a${n}`,
      data: {
        personId,
        bankName: '农商银行',
        accountNumber: `6228480000${n}`,
        oneCard: true,
        note: '',
      },
    });
    all.push({
      id: `c${n}`,
      data: {
        programme: 'dibao',
        householdId,
        applicantPersonId: personId,
        applicantName: `名${n}`,
        category: i % 3 === 0 ? 'urban' : 'rural',
        areaCode: '330102',
        coveredPersonIds: [personId],
        income: { wagesFen: (i % 50) * 1000, businessFen: 0, propertyFen: 0, transferFen: 0 },
        deductionsFen: 0,
        assets: { depositsFen: 0, securitiesFen: 0, vehicles: 0, extraHousingUnits: 0, note: '' },
        applicationDate: '2025-10-01',
        benefit: {
          standardId: null,
          standardFen: 0,
          coveredCount: 1,
          countedIncomeFen: 0,
          benefitFen: 0,
          classification: 'dibao',
          computedForDate: '2025-10-01',
          parts: [],
        },
        status: 'active',
        statusChangedAt: '2025-11-01T00:00:00.000Z',
        ...noStepDates,
        decidedOn: '2025-11-20',
        paymentFrom: '2025-12',
        programmeFacts: {},
        previousCaseId: null,
        searchTokens: [],
      },
    });
  }
  const reference = {
    standards: (['urban', 'rural'] as const).map((category) => ({
      id: `s-${category}`,
      areaCode: '330102',
      category,
      effectiveFrom: '2025-01-01',
      effectiveTo: null,
      amountFen: category === 'urban' ? 80_000 : 63_200,
      source: 'hq' as const,
    })),
    rules: programmeRuleBook([]),
    settings: {
      minPaymentPercentOfStandard: defaultOfficeSettings.minPaymentPercentOfStandard,
      rounding: defaultOfficeSettings.rounding,
      edgeMultiplierPermille: defaultOfficeSettings.edgeMultiplierPermille,
      assetLimitMonthsOfStandard: defaultOfficeSettings.assetLimitMonthsOfStandard,
    },
  };
  const base: DrawRollInput = {
    programme: 'dibao',
    month,
    township: '城关镇',
    cases: all,
    persons,
    households,
    accounts,
    reference,
    previousRolls: [],
    unpaid: [],
  };
  // A year of approved rolls (each drawn from the one before), as an office has by December.
  const previousRolls: { id: string; data: PaymentRollData }[] = [];
  for (let m = 0; m < months; m++) {
    const rollMonth = `${m < 1 ? '2025' : '2026'}-${String(m < 1 ? 12 : m).padStart(2, '0')}`;
    const drawn = drawRoll({ ...base, month: rollMonth, previousRolls });
    previousRolls.push({
      id: `roll-${rollMonth}`,
      data: {
        programme: 'dibao',
        month: rollMonth,
        rollVersion: 1,
        status: 'approved',
        drawnOn: `${rollMonth}-01`,
        ...drawn,
        hash: '0'.repeat(64),
        approvedBy: '主管',
        approvedOn: `${rollMonth}-02`,
      },
    });
  }
  return { ...base, previousRolls };
}

export async function runRollBench(cases: number, runs: number): Promise<RollFigures> {
  const input = benchInput(cases, 12);
  const draws: number[] = [];
  const hashes: number[] = [];
  let lines = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const drawn = drawRoll(input);
    draws.push(performance.now() - started);
    const hashing = performance.now();
    await rollHash(drawn.lines);
    hashes.push(performance.now() - hashing);
    lines = drawn.lines.length;
  }
  const median = (xs: number[]) => Math.round([...xs].sort((a, b) => a - b)[xs.length >> 1] ?? 0);
  return {
    cases,
    earlierRolls: input.previousRolls.length,
    lines,
    drawMs: median(draws),
    hashMs: median(hashes),
  };
}
