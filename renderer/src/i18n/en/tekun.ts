import type { tekunZh } from '../zh-CN/tekun';

export const tekunEn: Record<keyof typeof tekunZh, string> = {
  'cases.status.reassessment': 'Re-assessment',
  'cases.action.report_change': 'Report a change of condition',
  'cases.action.complete_reassessment': 'Complete the re-assessment',
  'tekun.applicant_only':
    'Support for persons in extreme poverty covers the applicant alone; other members apply in their own right',
  'tekun.work_capacity': 'A person able to work is not eligible',
  'tekun.income_source': 'A person with a source of income is not eligible',
  'tekun.supporter_note_required': 'Say why the supporters cannot support',
  'tekun.care_level_mismatch':
    'The self-care level does not match the six items: {failed} failed give "{computed}" by the rule, "{sent}" was sent',
  'tekun.not_elderly': 'By the registered birth date the applicant was {age}, under {min}',
  'tekun.not_minor': 'By the registered birth date the applicant was {age}, not under {under}',
  'tekun.not_severely_disabled':
    'The registered disability grade {grade} is not severe (grade 1–2, or grade 3 intellectual or mental)',
  'tekun.resident_unknown': 'No such resident in elderly care',
  'tekun.resident_other_person': 'The resident chosen is not the applicant',
  'tekun.resident_not_staying': 'The applicant is not staying in an institution on {date}',
  'tekun.reassessment_missing': 'Record the self-care re-assessment made since {since} first',
} as const;
