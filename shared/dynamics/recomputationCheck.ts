/**
 * Whether a recomputation list is what its checker computes itself (recomputeMonth over
 * the cases it holds, under its standards): the same cases, each with the same applicant,
 * area, old and new figures (and parts: 特困's basic living and care), and the same count
 * of unchanged cases. HQ refuses an approved list that differs
 * (`dynamics.recomputation_lines_differ`), as it refuses a roll (`roll.lines_differ`); the
 * desk asks it before approving, so a list drawn before a standard or a case changed is
 * drawn again rather than refused after.
 */
import { canonicalJson } from '../rolls/rollHash';
import type { BenefitSnapshot } from '../domain/assistanceCase';
import {
  snapshotsDiffer,
  type BenefitRecomputationData,
  type RecomputationLine,
} from './recomputation';

function sameSnapshot(a: BenefitSnapshot, b: BenefitSnapshot): boolean {
  return (
    !snapshotsDiffer(a, b) &&
    a.computedForDate === b.computedForDate &&
    canonicalJson(a.parts) === canonicalJson(b.parts)
  );
}

function sameLine(a: RecomputationLine, b: RecomputationLine): boolean {
  return (
    a.applicantName === b.applicantName &&
    a.areaCode === b.areaCode &&
    sameSnapshot(a.oldBenefit, b.oldBenefit) &&
    sameSnapshot(a.newBenefit, b.newBenefit)
  );
}

export function recomputationDiffers(
  list: Pick<BenefitRecomputationData, 'lines' | 'unchangedCount'>,
  computed: { lines: readonly RecomputationLine[]; unchangedCount: number },
): boolean {
  if (list.unchangedCount !== computed.unchangedCount) return true;
  if (list.lines.length !== computed.lines.length) return true;
  const byCase = new Map(computed.lines.map((l) => [l.caseId, l]));
  // Each case once: a line listed twice would stand in for one HQ has and the list lacks.
  if (new Set(list.lines.map((l) => l.caseId)).size !== list.lines.length) return true;
  return list.lines.some((l) => {
    const mine = byCase.get(l.caseId);
    return !mine || !sameLine(l, mine);
  });
}
