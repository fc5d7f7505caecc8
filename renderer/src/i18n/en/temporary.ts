import type { temporaryZh } from '../zh-CN/temporary';

export const temporaryEn: Record<keyof typeof temporaryZh, string> = {
  'cases.status.helped_first': 'Helped first (paperwork due)',
  'cases.status.approved': 'Approved (to pay)',
  'cases.status.paid': 'Paid',
  'cases.action.help_first': 'Help first',
  'cases.action.approve_at_township': 'Approve at township',
  'cases.action.approve': 'Approve (county)',
  'cases.action.pay': 'Record payment',
  'temporary.section': 'Temporary assistance: event and amount',
  'temporary.kind': 'Type',
  'temporary.kind.emergency': 'Emergency',
  'temporary.kind.expenditure': 'Necessary spending',
  'temporary.cause': 'Cause',
  'temporary.cause.fire': 'Fire',
  'temporary.cause.accident': 'Accident',
  'temporary.cause.disaster': 'Natural disaster',
  'temporary.cause.acute_illness': 'Acute illness',
  'temporary.cause.other': 'Other sudden event',
  'temporary.cause.medical': 'Medical costs',
  'temporary.cause.education': 'Education costs',
  'temporary.cause.other_spending': 'Other necessary spending',
  'temporary.eventDate': 'Event date',
  'temporary.description': 'Description',
  'temporary.spending': 'Necessary spending (yuan)',
  'temporary.proposed': 'Proposed amount (yuan)',
  'temporary.medicalCost': 'Medical costs left after insurance and assistance (yuan)',
  'temporary.medicalReference': 'Medical assistance record or settlement no.',
  'temporary.repeatReason': 'Reason for helping again',
  'cases.class.tier1': 'tier 1',
  'cases.class.tier2': 'tier 2',
  'cases.class.tier3': 'tier 3',
  'temporary.townshipLimitLine': 'The township approves up to {limit} yuan; above, the county',
  'temporary.repeatWarning':
    'This household was helped on {helpedOn}; helping again before {windowEnd} needs a reason',
  'temporary.paperworkDue': 'Helped first on {helpedOn}; paperwork due by {due}',
  'temporary.paperworkOverdue': 'Helped first on {helpedOn}; paperwork overdue (due {due})',
  'temporary.paperworkDone': 'Helped first on {helpedOn}; paperwork completed',
  'temporary.over_township_limit':
    'The amount {amount} yuan is above the township limit of {limit} yuan: refer it to the county',
  'temporary.help_first_not_emergency': 'Only emergency cases can be helped first',
  'temporary.helped_first_no_withdraw':
    'A case helped first cannot be withdrawn: complete the paperwork and decide it',
  'temporary.repeat_needs_reason':
    'This household was helped on {helpedOn}; helping again before {windowEnd} needs a reason',
  'temporary.cause_not_of_kind': 'This cause does not belong to the chosen type',
  'temporary.event_after_application':
    'The event cannot be dated after the application ({applicationDate})',
  'temporary.proposed_required': 'Enter the proposed amount',
  'temporary.spending_required': 'Enter the necessary spending',
  'temporary.proposed_over_spending':
    'The proposed amount cannot exceed the spending of {spending} yuan',
  'temporary.spending_not_emergency': 'An emergency case records no spending',
  'temporary.medical_not_medical': 'Only a medical case links medical costs',
  'temporary.medical_over_spending':
    'The medical costs cannot exceed the spending of {spending} yuan',
};
