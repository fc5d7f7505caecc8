import type { Workbook } from 'exceljs';
import { lazyChunk } from '../ui/lazyChunk';

/**
 * exceljs, fetched and run the first time a workbook is made. It is ~0.9 MB of script
 * that builds its whole module graph when it is first evaluated: imported statically by
 * any screen's module it was part of the shell's chunk and ran at every login, for the
 * few who make or read a sheet. A fetch that fails (a damaged install) is lazyChunk's
 * `part_not_loaded` AppError, which the screens word (error.partNotLoaded), never taken
 * for a bad file.
 */
const exceljsChunk = lazyChunk(() => import('exceljs'));

export async function newWorkbook(): Promise<Workbook> {
  const loaded = await exceljsChunk.load();
  return new loaded.default.Workbook();
}
