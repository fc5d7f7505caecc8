import type { UrbanRural } from '@shared/domain/common';
import type { Relation } from '@shared/domain/household';
import type { PersonData } from '@shared/domain/person';
import type { ActorRole } from '@shared/domain/roles';
import type { BenefitSnapshot } from '@shared/domain/assistanceCase';
import { officeToday } from '@shared/validation/dates';
import { isMessageKey, type Translate } from '../../i18n/translate';

/*
 * Enum → wording. The keys are template literal types, so a status, action or relation
 * without a dictionary entry is a compile error rather than a raw code on screen.
 */

/**
 * A case's status or step of any programme: every module's states and actions have
 * words (test/node/programmes/programmeWords.test.ts); an unknown one (an old or forged
 * record) shows as its code rather than nothing.
 */
const wordOr = (t: Translate, key: string, fallback: string) =>
  isMessageKey(key) ? t(key) : fallback;
export const statusLabel = (t: Translate, s: string) => wordOr(t, `cases.status.${s}`, s);
export const actionLabel = (t: Translate, a: string) => wordOr(t, `cases.action.${a}`, a);
export const roleLabel = (t: Translate, r: ActorRole) => t(`role.${r}` as const);
export const categoryLabel = (t: Translate, c: UrbanRural) => t(`cases.category.${c}` as const);
/** Urban or rural as a case of any programme shows it ('农村'; 低保 says '农村低保'). */
export const caseAreaLabel = (t: Translate, programme: string, c: UrbanRural) =>
  programme === 'dibao' ? categoryLabel(t, c) : t(`programme.area.${c}` as const);
export const hukouLabel = (t: Translate, c: UrbanRural) => t(`registry.hukou.${c}` as const);
export const relationLabel = (t: Translate, r: Relation) => t(`registry.relation.${r}` as const);
export const sexLabel = (t: Translate, s: PersonData['sex']) => t(`registry.sex.${s}` as const);

export const workCapacityLabel = (t: Translate, w: PersonData['workCapacity']) =>
  t(`registry.work.${w}` as const);

export const disabilityTypeLabel = (t: Translate, d: NonNullable<PersonData['disabilityType']>) =>
  t(`registry.disability.${d}` as const);

export const disabilityGradeLabel = (t: Translate, grade: number) =>
  t(`registry.grade.${Math.min(4, Math.max(0, grade)) as 0 | 1 | 2 | 3 | 4}` as const);

/** A part of an amount (特困: basic living, care); a programme names its own parts. */
export const partLabel = (t: Translate, code: string) => wordOr(t, `programme.part.${code}`, code);

export const classificationLabel = (t: Translate, c: BenefitSnapshot['classification']) =>
  wordOr(t, `cases.class.${c}`, c);

/** The office's calendar date now; read once per render by screens that compare dates. */
export function todayDate(): string {
  return officeToday(new Date());
}

/** Whole years between a birth date and today (ISO strings compare as dates). */
export function ageOn(birthDate: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) < birthDate.slice(5) ? years - 1 : years;
}
