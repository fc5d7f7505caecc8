import type { trustGapsZh } from '../zh-CN/trustGaps';

export const trustGapsEn: Record<keyof typeof trustGapsZh, string> = {
  'case.excluded_programme':
    '{name} is covered by another case in force (applicant {applicant}); 低保 and 特困 cannot be received together: end that case before approving this one',
  'dynamics.recomputation_lines_differ':
    'The recomputation list differs from what HQ computes from the same standards and records; draw the list again',
  'approval.not_actor': 'The approver must be the person approving ({actor})',
  'approval.not_op_day': 'The approval date must be the day of approval ({day})',
  'approval.not_approved': 'A record not yet approved names no approver or approval date',
  'actor.name_not_actor': 'The person named on the record must be the one who saved it ({actor})',
  'actor.name_fixed': 'The person named on the record cannot be changed',
};
