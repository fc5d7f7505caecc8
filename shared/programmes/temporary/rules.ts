/**
 * Every number 临时救助 reads, with its unit, bounds and first-run sample (the county
 * publishes its own as programmeRule records with effective dates; ruleBook.ts).
 */
import type { RuleSpec } from '../ruleBook';

export const temporaryRules: Readonly<Record<string, RuleSpec>> = {
  // The most the township approves itself (乡镇审批额度), in fen; above it the county.
  'temporary.townshipLimitFen': { unit: 'fen', min: 0, max: 100_000_000, sample: 200_000 },
  // Tier caps as months of the case's monthly 低保 standard S (area, category, date).
  'temporary.tier1Months': { unit: 'months', min: 0, max: 120, sample: 1 },
  'temporary.tier2Months': { unit: 'months', min: 0, max: 120, sample: 3 },
  'temporary.tier3Months': { unit: 'months', min: 0, max: 120, sample: 6 },
  // 先行救助: the paperwork follows within these working days of the help.
  'temporary.paperworkWorkingDays': { unit: 'workingDays', min: 1, max: 60, sample: 5 },
  // A second help to the household within these calendar days needs its reason.
  'temporary.repeatWindowDays': { unit: 'days', min: 0, max: 3650, sample: 90 },
};
