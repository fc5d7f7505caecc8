import type { looseEndsZh } from '../zh-CN/looseEnds';

export const looseEndsEn: Record<keyof typeof looseEndsZh, string> = {
  'elderly.resident.noResults': 'No resident matches the search',
  'elderly.fix.reasonMissing':
    'This bed went under repair before repair reasons were recorded, so it has none. Use “Add the missing repair reason” to record it.',
  'elderly.fix.addMissingReason': 'Add the missing repair reason',
  'common.confirmAction': '{action}?',
  'cases.form.resetConfirmText':
    'Everything typed in this application (household, members, income and assets) will be cleared. This cannot be undone.',
  'cases.edit.discardConfirmText':
    'The changes typed here will be dropped and the form shows the case as saved.',
};
