import { describe, expect, it } from 'vitest';
import { programmeRuleBook, ruleRecordIssues } from '@shared/programmes/registry';
import type { ProgrammeRuleData } from '@shared/programmes/ruleBook';
import { drawRoll } from '@shared/rolls/drawRoll';
import { maxLineFen } from '@shared/rolls/rollRules';
import { input } from './julyRoll';
import { area, reference, ruleRecords } from './rollsFixtures';

/**
 * `rolls.maxLineFen.<programme>` beats the general `rolls.maxLineFen` (hand-worked on the
 * July 2026 低保 roll: line I pays 1,600.00 yuan, line A 1,000.00; the general limit is
 * 1,000.00 from July, the sample 5,000.00 before).
 */
type Rule = Omit<ProgrammeRuleData, 'note'>;
const rule = (key: string, value: number, over: Partial<Rule> = {}): Rule => ({
  key,
  areaCode: null,
  effectiveFrom: '2026-07-01',
  effectiveTo: null,
  value,
  source: 'hq',
  ...over,
});

function julyWith(...extra: Rule[]) {
  const rules = programmeRuleBook([...ruleRecords, ...extra]);
  const roll = drawRoll({ ...input, reference: { ...reference, rules } });
  return roll.problems
    .filter((p) => p.code === 'roll.amount_above_limit')
    .map((p) => [p.key, p.params?.limit]);
}

describe('rolls.maxLineFen per programme', () => {
  it('the general limit alone: 1,600.00 above 1,000.00 is flagged', () => {
    expect(julyWith()).toEqual([['I', 100_000]]);
  });

  it("低保's own limit beats the general one, exactly at it not flagged, one fen under flagged", () => {
    expect(julyWith(rule('rolls.maxLineFen.dibao', 160_000))).toEqual([]);
    expect(julyWith(rule('rolls.maxLineFen.dibao', 159_999))).toEqual([['I', 159_999]]);
    // Lower than the general one: it still wins (A's 1,000.00 now above 900.00).
    expect(julyWith(rule('rolls.maxLineFen.dibao', 90_000))).toEqual([
      ['A', 90_000],
      ['F', 90_000],
      ['I', 90_000],
    ]);
  });

  it("another programme's limit does not touch 低保; one not yet in force is not read", () => {
    expect(julyWith(rule('rolls.maxLineFen.temporary', 1_000_000))).toEqual([['I', 100_000]]);
    expect(
      julyWith(rule('rolls.maxLineFen.dibao', 200_000, { effectiveFrom: '2026-08-01' })),
    ).toEqual([['I', 100_000]]);
  });

  it("an area's own programme limit beats the county-wide one of the programme", () => {
    expect(
      julyWith(
        rule('rolls.maxLineFen.dibao', 90_000),
        rule('rolls.maxLineFen.dibao', 200_000, { areaCode: area }),
      ),
    ).toEqual([]);
  });

  it("the programme key's sample is never read: unpublished, the general key answers", () => {
    const none = programmeRuleBook([]);
    expect(maxLineFen(none, 'temporary', '2026-07-01', area)).toBe(500_000);
    const general = programmeRuleBook([rule('rolls.maxLineFen', 100_000)]);
    expect(maxLineFen(general, 'temporary', '2026-07-01', area)).toBe(100_000);
    const own = programmeRuleBook([
      rule('rolls.maxLineFen', 100_000),
      rule('rolls.maxLineFen.temporary', 2_000_000),
    ]);
    expect(maxLineFen(own, 'temporary', '2026-07-01', area)).toBe(2_000_000);
    expect(maxLineFen(own, 'dibao', '2026-07-01', area)).toBe(100_000);
  });

  it('the county may publish the keys (known, bounded); an unknown programme key is not', () => {
    expect(ruleRecordIssues({ key: 'rolls.maxLineFen.temporary', value: 2_000_000 })).toEqual([]);
    expect(ruleRecordIssues({ key: 'rolls.maxLineFen.tekun', value: 0 })[0]?.code).toBe(
      'rule.out_of_range',
    );
    expect(ruleRecordIssues({ key: 'rolls.maxLineFen.medical', value: 1 })[0]?.code).toBe(
      'rule.unknown',
    );
  });
});
