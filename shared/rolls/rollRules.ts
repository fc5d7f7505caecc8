import type { RuleSpec } from '../programmes/ruleBook';

/**
 * The numbers a payment roll reads, with effective dates like every programme number
 * (programmeRule records; the registry adds these specs to the modules' own).
 * `rolls.maxLineFen`: a line paying more than this in one month is flagged for a look
 * (a typing slip in income, a back pay run wild); the sample is 5,000 yuan.
 */
export const rollRuleSpecs: Readonly<Record<string, RuleSpec>> = {
  'rolls.maxLineFen': { unit: 'fen', min: 1, max: 100_000_000, sample: 500_000 },
};
