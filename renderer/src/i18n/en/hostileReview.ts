import type { hostileReviewZh } from '../zh-CN/hostileReview';

/** Codes added by the hostile review of issue #13 (HQ's refusals a desk may be shown). */
export const hostileReviewEn: Record<keyof typeof hostileReviewZh, string> = {
  'roll.identity_fixed': "A roll's programme, month and version are fixed once drawn: draw again",
  'roll.month_future': 'A roll is drawn for this month or the next only (at the latest {latest})',
  'temporary.helped_first_fixed':
    'Help was handed over first ({helpedFirstOn}): its amount and kind are what was given and cannot be corrected',
  'dynamics.successor_link_fixed':
    'The case a successor continues, and its household, are fixed when it is opened',
  'dynamics.recomputation_not_paid':
    'The case is not paid monthly in {month}: a new standard does not recompute it',
  'case.applicant_fixed':
    'The applicant of a decided case is fixed: a new head closes the case and opens a successor',
};
