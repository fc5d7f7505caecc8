import type { listExportZh } from '../zh-CN/listExport';

export const listExportEn: Record<keyof typeof listExportZh, string> = {
  'listExport.button': 'Export Excel',
  'listExport.progress': 'Exporting: {done} / {total} rows',
  'listExport.progressOpen': 'Exporting: {done} rows',
  'listExport.doneMasked': 'Exported {rows} rows (ID, phone and account numbers masked).',
  'listExport.doneFull':
    'Exported {rows} rows with full ID, phone and account numbers; recorded in the access log.',
  'listExport.doneNoNumbers': 'Exported {rows} rows.',
  'listExport.cancelled': 'No file was saved.',
  'listExport.households': 'Export households',
  'listExport.movements': 'Export movements',
  'listExport.persons': 'Export persons',
  'listExport.residents': 'Export residents',
};
