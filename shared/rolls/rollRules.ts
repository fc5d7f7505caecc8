import { programmes } from '../domain/assistanceCase';
import type { RuleBook, RuleSpec } from '../programmes/ruleBook';

/**
 * The numbers a payment roll reads, with effective dates like every programme number
 * (programmeRule records; the registry adds these specs to the modules' own).
 * `rolls.maxLineFen`: a line paying more than this in one month is flagged for a look
 * (a typing slip in income, a back pay run wild); the sample is 5,000 yuan.
 */
const maxLineSpec: RuleSpec = { unit: 'fen', min: 1, max: 100_000_000, sample: 500_000 };

/**
 * `rolls.maxLineFen.<programme>`: a programme's own limit, which beats the general one
 * wherever it is published (a county lowering the limit for monthly 低保 lines does not
 * flag every large 临时救助 one-off). Only a published value counts: its declared sample
 * (the general one's, for the 规则 screen) is never read in place of the general key.
 */
export function maxLineKey(programme: string): string {
  return `rolls.maxLineFen.${programme}`;
}

export const rollRuleSpecs: Readonly<Record<string, RuleSpec>> = {
  'rolls.maxLineFen': maxLineSpec,
  ...Object.fromEntries(programmes.map((p) => [maxLineKey(p), maxLineSpec])),
};

/**
 * The limit of a line of `programme` on `date` in `areaCode`: the programme's own key
 * published (an area's value over the county-wide one), else the general key (the same
 * order: area, county-wide, sample).
 */
export function maxLineFen(
  rules: RuleBook,
  programme: string,
  date: string,
  areaCode: string | null,
): number {
  return (
    rules.find(maxLineKey(programme), date, areaCode) ??
    rules.value('rolls.maxLineFen', date, areaCode)
  );
}
