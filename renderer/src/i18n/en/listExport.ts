import type { listExportZh } from '../zh-CN/listExport';

export const listExportEn: Record<keyof typeof listExportZh, string> = {
  'listExport.button': 'Export Excel',
  'listExport.progress': 'Exporting: {done} / {total} rows',
  'listExport.progressAgain': 'The list changed; exporting again: {done} rows',
  'listExport.progressOpen': 'Exporting: {done} rows',
  'listExport.doneMasked': 'Exported {rows} rows (ID, phone and account numbers masked).',
  'listExport.doneFull':
    'Exported {rows} rows with full ID, phone and account numbers; recorded in the access log.',
  'listExport.doneNoNumbers': 'Exported {rows} rows.',
  'listExport.cancelled': 'No file was saved.',
  'listExport.keptChanging':
    'The list kept changing while it was exported (a sync with the county may be under way); no file was saved. Export it again once the sync is done.',
  'listExport.households': 'Export households',
  'listExport.movements': 'Export movements',
  'listExport.persons': 'Export persons',
  'listExport.residents': 'Export residents',
};
