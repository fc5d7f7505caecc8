/**
 * Every number 特困人员救助供养 reads, with its unit, bounds and first-run sample value
 * (source 'sample' until the county publishes its own, with effective dates). The
 * samples are the national frame's defaults or plausible figures, not any county's:
 * - elderly from 60, minor under 18 (national eligibility ages);
 * - self-care: 1 item failed = 部分丧失, 4 or more = 完全丧失 (national mapping);
 * - basic living = 1300‰ (1.3 ×) of the local 低保 standard (the national floor);
 * - care standard per month by care level: 0 / 300.00 / 800.00 yuan (SAMPLES only);
 * - re-assessment due 10 working days after a reported change; yearly review.
 */
import { rosterEnrolmentRuleSpecs } from '../rosterEnrolment';
import type { RuleSpec } from '../ruleBook';

export const tekunRules = {
  'tekun.elderlyAge': { unit: 'count', min: 50, max: 80, sample: 60 },
  'tekun.minorAge': { unit: 'count', min: 14, max: 22, sample: 18 },
  'tekun.selfCare.partlyFrom': { unit: 'count', min: 1, max: 6, sample: 1 },
  'tekun.selfCare.fullyFrom': { unit: 'count', min: 1, max: 6, sample: 4 },
  'tekun.basicPermilleOfDibao': { unit: 'permille', min: 1000, max: 5000, sample: 1300 },
  'tekun.careFen.able': { unit: 'fen', min: 0, max: 10_000_000, sample: 0 },
  'tekun.careFen.partly': { unit: 'fen', min: 0, max: 10_000_000, sample: 30_000 },
  'tekun.careFen.fully': { unit: 'fen', min: 0, max: 10_000_000, sample: 80_000 },
  'tekun.reassessWorkingDays': { unit: 'workingDays', min: 1, max: 60, sample: 10 },
  'tekun.reviewMonths': { unit: 'months', min: 1, max: 36, sample: 12 },
  // 名册转入期 (the 低保 frame's step enrol_from_roster, which 特困 reuses).
  ...rosterEnrolmentRuleSpecs,
} as const satisfies Record<string, RuleSpec>;
