/**
 * The closed lists of 养老 (domain.md, section 养老). Stored values are short English
 * codes; the wording (Chinese first) lives in the elderlyCare area files of renderer/src/i18n.
 */

/** 公办 / 民办 / 公建民营. */
export const operatorTypes = ['public', 'private', 'public_built_private_run'] as const;
export type OperatorType = (typeof operatorTypes)[number];

/** 护理型床位 count towards the nursing-bed share; 普通 beds do not. */
export const bedTypes = ['nursing', 'general'] as const;
export type BedType = (typeof bedTypes)[number];

/** Who may sleep in a bed: anyone, men only or women only. */
export const sexRules = ['any', 'male', 'female'] as const;
export type SexRule = (typeof sexRules)[number];

/** What the board shows for a bed on a day; derived, never stored (see bedStatus.ts). */
export const bedStatuses = [
  'vacant',
  'reserved',
  'occupied',
  'held',
  'maintenance',
  'retired',
] as const;
export type BedStatus = (typeof bedStatuses)[number];

/** 特困集中供养 / 低保 / 自费. */
export const fundingCategories = ['tekun', 'dibao', 'self_paying'] as const;
export type FundingCategory = (typeof fundingCategories)[number];

/** 能力完好 / 轻度失能 / 中度失能 / 重度失能 / 完全失能, mildest first. */
export const abilityLevels = ['intact', 'mild', 'moderate', 'severe', 'total'] as const;
export type AbilityLevel = (typeof abilityLevels)[number];

/** Why an assessment was made: on admission, on a change of condition, or routinely. */
export const assessmentReasons = ['admission', 'condition_change', 'periodic'] as const;
export type AssessmentReason = (typeof assessmentReasons)[number];

/**
 * Dated events of a stay. 'reversal' undoes a mistaken event by adding another one;
 * nothing is ever edited or deleted.
 */
export const movementTypes = [
  'reserve',
  'cancel_reservation',
  'admit',
  'change_bed',
  'leave',
  'return',
  'discharge',
  'reversal',
] as const;
export type MovementType = (typeof movementTypes)[number];

/** 正常出院 / 死亡 / 转院（转其他机构）. */
export const dischargeReasons = ['normal', 'death', 'transfer'] as const;
export type DischargeReason = (typeof dischargeReasons)[number];

/** How a stay on one bed ended. */
export const stayEndReasons = [
  'discharge_normal',
  'discharge_death',
  'discharge_transfer',
  'bed_change',
  'reservation_cancelled',
] as const;
export type StayEndReason = (typeof stayEndReasons)[number];

/** 社区居家养老 service types. */
export const homeCareServiceTypes = [
  'meals',
  'cleaning',
  'bathing',
  'health_check',
  'companionship',
  'other',
] as const;
export type HomeCareServiceType = (typeof homeCareServiceTypes)[number];
