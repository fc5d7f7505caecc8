import type { accessRecordZh } from '../zh-CN/accessRecord';

export const accessRecordEn: Record<keyof typeof accessRecordZh, string> = {
  'accessRecord.title': 'Who looked at this',
  'accessRecord.hint':
    'Views, full ID reveals, prints and exports are logged on this desk and checked by the county.',
  'accessRecord.none': 'No access logged',
  'accessRecord.when': 'When',
  'accessRecord.who': 'Who',
  'accessRecord.what': 'What',
  'accessRecord.why': 'Why',
  'accessRecord.seq': 'Entry',
  'accessRecord.viewFailed':
    'The access record could not be written, so this is not shown. Try again or ask the administrator.',
  'accessRecord.action.view': 'Viewed',
  'accessRecord.action.view_full_id': 'Full ID shown',
  'accessRecord.action.print': 'Printed',
  'accessRecord.action.export': 'Exported',
  'accessRecord.action.backup': 'Backed up',
  'accessRecord.action.store_altered': 'Store’s encryption record found altered outside the desk',
};
