import type { reviewZh } from '../zh-CN/review';

/** Refusals found by the hostile review of issue #12 (HQ sends them; desks word them). */
export const reviewEn: Record<keyof typeof reviewZh, string> = {
  'record.correction_reason_too_long': 'The reason of a correction is at most {max} characters',
  'record.not_deletable': 'These records are never deleted; correct or retire them with a reason',
  'case.applicant_unknown': 'The applicant is not a registered person of this office',
  'case.applicant_name_not_registry': 'The applicant\'s name must be the registered one ("{name}")',
  'household.head_name_not_registry': 'The head\'s name must be the registered one ("{name}")',
  'person.not_registered': 'The person is not registered at this office',
  'person.name_not_registry': 'The name must be the registered one ("{name}")',
  'case.covered_not_member': 'Everyone covered must be a registered member of the household',
};
