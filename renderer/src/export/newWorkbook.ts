import type { Workbook } from 'exceljs';

/**
 * A new workbook, exceljs fetched and run the first time one is made. exceljs is ~0.9 MB
 * of script that builds its whole module graph when it is first evaluated: imported
 * statically by any screen's module it was part of the shell's chunk and ran at every
 * login (~65 ms of a cold start's main thread), for the few who make or read a sheet.
 */
export async function newWorkbook(): Promise<Workbook> {
  const { default: ExcelJS } = await import('exceljs');
  return new ExcelJS.Workbook();
}
