import type {
  AbilityLevel,
  AssessmentReason,
  BedStatus,
  BedType,
  DischargeReason,
  FundingCategory,
  HomeCareServiceType,
  MovementType,
  OperatorType,
  SexRule,
} from '@shared/domain/elderlyCare/enums';
import type { Translate } from '../../i18n/translate';

/*
 * 养老 enum → wording. Template-literal keys make a missing word a compile error
 * instead of a raw code on screen, as in screens/common/labels.ts.
 */
export const operatorLabel = (t: Translate, o: OperatorType) => t(`elderly.operator.${o}` as const);
export const bedTypeLabel = (t: Translate, b: BedType) => t(`elderly.bedType.${b}` as const);
export const sexRuleLabel = (t: Translate, s: SexRule) => t(`elderly.sexRule.${s}` as const);
export const bedStatusLabel = (t: Translate, s: BedStatus) => t(`elderly.status.${s}` as const);
export const fundingLabel = (t: Translate, f: FundingCategory) =>
  t(`elderly.funding.${f}` as const);
export const movementLabel = (t: Translate, m: MovementType) => t(`elderly.movement.${m}` as const);
export const serviceLabel = (t: Translate, s: HomeCareServiceType) =>
  t(`elderly.service.${s}` as const);
export const dischargeLabel = (t: Translate, d: DischargeReason) =>
  t(`elderly.discharge.${d}` as const);
export const levelLabel = (t: Translate, l: AbilityLevel | 'unassessed') =>
  t(`elderly.level.${l}` as const);
export const assessReasonLabel = (t: Translate, r: AssessmentReason) =>
  t(`elderly.assessReason.${r}` as const);

export const gradeLabel = (t: Translate, grade: number | null) =>
  grade === null ? t('elderly.grade.none') : t('elderly.grade.n', { n: grade });

/** "1号楼 101室 2床", the way a bed is named at the window. */
export const bedName = (t: Translate, parts: { building: string; room: string; bed: string }) =>
  t('elderly.bedName', parts);

/** Per-mille as a percentage with one decimal: 667 → "66.7 %"; null → "—". */
export function percent(permille: number | null): string {
  if (permille === null) return '—';
  return `${Math.floor(permille / 10)}.${permille % 10} %`;
}

/** Minutes as "1 小时 15 分" / "1 h 15 min". */
export function duration(t: Translate, minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return t('elderly.minutes', { m });
  return m === 0 ? t('elderly.hours', { h }) : t('elderly.hoursMinutes', { h, m });
}
