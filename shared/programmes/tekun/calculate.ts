/**
 * The monthly amount of a 特困 case on `date`, in integer fen:
 * basic living = ceil(S × `tekun.basicPermilleOfDibao` / 1000) per covered person, with S
 * the 低保 standard in force for the case's area and category on `date` (the same
 * findStandardInForce as 低保, so a standard changed mid-year changes the month's amount),
 * plus the care standard of the self-care level (`tekun.careFen.<level>`, on `date`).
 * The level is the one the six items give under the rule in force on the assessment's
 * date (selfCare.ts); the level the case stores is checked against it, never trusted.
 * A 特困 person has no income counted: countedIncomeFen is 0.
 */
import { findStandardInForce } from '../../benefit/dibaoBenefit';
import type { AssistanceCaseData, BenefitSnapshot } from '../../domain/assistanceCase';
import type { CalcReference } from '../types';
import { tekunFactsSchema, type CareLevel } from './facts';
import { assessedCareLevel } from './selfCare';

/** ceil(fen × permille / 1000) in integers (exact below 2^53). */
export function basicLivingFen(standardFen: number, permille: number): number {
  return Math.floor((standardFen * permille + 999) / 1000);
}

export function careFen(level: CareLevel, ref: CalcReference, date: string, area: string): number {
  return ref.rules.value(`tekun.careFen.${level}`, date, area);
}

export function calculateTekun(
  data: AssistanceCaseData,
  date: string,
  ref: CalcReference,
): BenefitSnapshot {
  const standard = findStandardInForce(ref.standards, data.areaCode, data.category, date);
  const n = data.coveredPersonIds.length;
  if (!standard || n < 1) {
    return {
      standardId: standard?.id ?? null,
      standardFen: standard?.amountFen ?? 0,
      coveredCount: n,
      countedIncomeFen: 0,
      benefitFen: 0,
      classification: 'no_standard',
      computedForDate: date,
      parts: [],
    };
  }
  const permille = ref.rules.value('tekun.basicPermilleOfDibao', date, data.areaCode);
  const basic = basicLivingFen(standard.amountFen, permille) * n;
  const facts = tekunFactsSchema.safeParse(data.programmeFacts);
  // Facts that fail their schema are refused by the checks; no care is counted on them.
  const care = facts.success
    ? careFen(
        assessedCareLevel(facts.data.selfCare, ref.rules, data.areaCode),
        ref,
        date,
        data.areaCode,
      )
    : 0;
  return {
    standardId: standard.id,
    standardFen: standard.amountFen,
    coveredCount: n,
    countedIncomeFen: 0,
    benefitFen: basic + care,
    classification: 'tekun',
    computedForDate: date,
    parts: [
      { code: 'basic', fen: basic },
      { code: 'care', fen: care },
    ],
  };
}
