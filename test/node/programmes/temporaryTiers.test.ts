import { describe, expect, it } from 'vitest';
import { programmeRuleBook } from '@shared/programmes/registry';
import { computeTemporaryAmount } from '@shared/programmes/temporary/tiers';
import { benefitRefusal } from '@shared/authority/caseOps';
import { benefitRules, fireFacts, ruralStandard, temporaryCase } from './temporaryFixtures';

/**
 * Hand-worked: S = 63 200 fen (632 元, rural); sample tiers 1, 3, 6 months of S:
 * tier1 up to 63 200, tier2 up to 189 600, tier3 up to 379 200 (the cap).
 */
const ref = { standards: [ruralStandard], settings: benefitRules, rules: programmeRuleBook([]) };
const amountOf = (proposedFen: number, rules = ref.rules) =>
  computeTemporaryAmount(
    temporaryCase({ programmeFacts: fireFacts({ proposedFen }) }),
    '2026-03-02',
    { ...ref, rules },
  );

describe('临时救助 tiers', () => {
  it.each([
    [1, 1, 'tier1'],
    [63200, 63200, 'tier1'],
    [63201, 63201, 'tier2'],
    [189600, 189600, 'tier2'],
    [189601, 189601, 'tier3'],
    [379200, 379200, 'tier3'],
    // One fen over the top cap: capped at it, still tier3.
    [379201, 379200, 'tier3'],
    [1_000_000, 379200, 'tier3'],
  ])('proposed %i fen → %i fen, %s', (proposed, amount, tier) => {
    const result = amountOf(proposed);
    expect(result.benefitFen).toBe(amount);
    expect(result.classification).toBe(tier);
    expect(result.standardFen).toBe(63200);
    expect(result.standardId).toBe('std-rural');
    expect(result.coveredCount).toBe(2);
    expect(result.parts).toEqual([]);
  });

  it('reads the tier months the county published for the date and area', () => {
    const rules = programmeRuleBook([
      {
        key: 'temporary.tier2Months',
        areaCode: '330102',
        effectiveFrom: '2026-03-01',
        effectiveTo: null,
        value: 4,
        source: 'hq',
      },
    ]);
    // tier2 cap now 4 × 63 200 = 252 800.
    expect(amountOf(252800, rules).classification).toBe('tier2');
    expect(amountOf(252801, rules).classification).toBe('tier3');
    // Before it took effect the sample (3 months) holds.
    const before = computeTemporaryAmount(
      temporaryCase({ programmeFacts: fireFacts({ proposedFen: 252800 }) }),
      '2026-02-28',
      { ...ref, rules },
    );
    expect(before.classification).toBe('tier3');
  });

  it('has no amount without a standard in force', () => {
    const result = computeTemporaryAmount(temporaryCase(), '2025-12-31', ref);
    expect(result).toMatchObject({ classification: 'no_standard', benefitFen: 0 });
  });

  it('is what HQ recomputes: a forged tier or amount is named with both values', () => {
    const honest = temporaryCase({ programmeFacts: fireFacts({ proposedFen: 189601 }) });
    honest.benefit = { ...honest.benefit, benefitFen: 189601, classification: 'tier3' };
    expect(benefitRefusal(honest, [ruralStandard], benefitRules)).toBeNull();
    const forged = { ...honest, benefit: { ...honest.benefit, classification: 'tier2' } };
    expect(benefitRefusal(forged, [ruralStandard], benefitRules)?.fieldErrors).toEqual([
      {
        path: 'benefit.classification',
        code: 'benefit.mismatch',
        params: { sent: 'tier2', computed: 'tier3' },
      },
    ]);
    const over = temporaryCase({ programmeFacts: fireFacts({ proposedFen: 500000 }) });
    over.benefit = { ...over.benefit, benefitFen: 500000, classification: 'tier3' };
    expect(benefitRefusal(over, [ruralStandard], benefitRules)?.fieldErrors).toEqual([
      {
        path: 'benefit.benefitFen',
        code: 'benefit.mismatch',
        params: { sent: 500000, computed: 379200 },
      },
    ]);
  });
});
