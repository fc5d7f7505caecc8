import type { Workbook } from 'exceljs';
import { AppError } from '@shared/errors/appError';

/**
 * A new workbook, exceljs fetched and run the first time one is made. exceljs is ~0.9 MB
 * of script that builds its whole module graph when it is first evaluated: imported
 * statically by any screen's module it was part of the shell's chunk and ran at every
 * login, for the few who make or read a sheet. A fetch that fails (a damaged install)
 * is an AppError the screens word (error.partNotLoaded), never taken for a bad file.
 */
export async function newWorkbook(): Promise<Workbook> {
  let loaded;
  try {
    loaded = await import('exceljs');
  } catch (error) {
    throw new AppError({
      code: 'unavailable',
      message: `The spreadsheet part of the desk could not be loaded: ${String(error)}`,
      details: { reason: 'part_not_loaded' },
    });
  }
  return new loaded.default.Workbook();
}
