/**
 * The 临时救助 amount in tiers (分档): tier caps are months of the case's monthly 低保
 * standard S (its area and category, in force on the date): tier n holds amounts up to
 * S × `temporary.tier<n>Months` (samples 1, 3, 6). The amount is the proposed amount,
 * capped at the top tier's cap; its classification names the tier it falls in —
 * exactly at a cap is that tier, one fen over is the next. Integer fen throughout.
 */
import { findStandardInForce } from '../../benefit/dibaoBenefit';
import type { AssistanceCaseData, BenefitSnapshot } from '../../domain/assistanceCase';
import type { CalcReference } from '../types';
import { temporaryFactsOf } from './facts';

export const temporaryTiers = ['tier1', 'tier2', 'tier3'] as const;
export type TemporaryTier = (typeof temporaryTiers)[number];

/** Each tier's cap in fen for the standard S on `date` in `areaCode`. */
export function tierCaps(
  standardFen: number,
  rules: CalcReference['rules'],
  date: string,
  areaCode: string,
): Record<TemporaryTier, number> {
  const months = (n: 1 | 2 | 3) => rules.value(`temporary.tier${n}Months`, date, areaCode);
  return {
    tier1: standardFen * months(1),
    tier2: standardFen * months(2),
    tier3: standardFen * months(3),
  };
}

/** The tier an amount falls in (the first whose cap it does not exceed). */
export function tierOf(amountFen: number, caps: Record<TemporaryTier, number>): TemporaryTier {
  return temporaryTiers.find((tier) => amountFen <= caps[tier]) ?? 'tier3';
}

export function computeTemporaryAmount(
  data: AssistanceCaseData,
  date: string,
  ref: CalcReference,
): BenefitSnapshot {
  const standard = findStandardInForce(ref.standards, data.areaCode, data.category, date);
  const base = {
    standardId: standard?.id ?? null,
    standardFen: standard?.amountFen ?? 0,
    coveredCount: data.coveredPersonIds.length,
    // The amount is not income-tested by formula: the investigation judges hardship.
    countedIncomeFen: 0,
    computedForDate: date,
    parts: [],
  };
  if (!standard) return { ...base, benefitFen: 0, classification: 'no_standard' };
  const proposed = temporaryFactsOf(data.programmeFacts)?.proposedFen ?? 0;
  const caps = tierCaps(standard.amountFen, ref.rules, date, data.areaCode);
  const benefitFen = Math.min(proposed, caps.tier3);
  return { ...base, benefitFen, classification: tierOf(benefitFen, caps) };
}
