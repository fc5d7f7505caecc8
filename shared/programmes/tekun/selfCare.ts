/**
 * The self-care level (生活自理能力) from the six items by the configured rule: with
 * `tekun.selfCare.partlyFrom` p and `tekun.selfCare.fullyFrom` f (samples 1 and 4),
 * fewer than p items failed = 具备, p to f−1 = 部分丧失, f or more = 完全丧失. The rule is
 * read on the assessment's date: an assessment keeps the level it gave until the next one.
 */
import type { RuleBook } from '../ruleBook';
import { selfCareItems, type CareLevel, type SelfCareData } from './facts';

export function failedItemCount(items: SelfCareData['items']): number {
  return selfCareItems.filter((i) => items[i] === 'unable').length;
}

export function careLevelFor(
  failed: number,
  rules: RuleBook,
  date: string,
  areaCode: string | null = null,
): CareLevel {
  if (failed >= rules.value('tekun.selfCare.fullyFrom', date, areaCode)) return 'fully';
  if (failed >= rules.value('tekun.selfCare.partlyFrom', date, areaCode)) return 'partly';
  return 'able';
}

/** The level an assessment gives on its own date. */
export function assessedCareLevel(
  selfCare: Pick<SelfCareData, 'items' | 'assessedOn'>,
  rules: RuleBook,
  areaCode: string | null = null,
): CareLevel {
  return careLevelFor(failedItemCount(selfCare.items), rules, selfCare.assessedOn, areaCode);
}
