import { AppError } from '@shared/errors/appError';
import { maskIdNumber } from '@shared/identity/residentId';
import {
  categoryNamesZh,
  changeRows,
  exportColumns,
  type ExportPerson,
} from '@shared/medical/exportRows';
import { coverageChanges, type Period } from '@shared/medical/timeline';
import type { DeskDatabase } from '../../database';
import { write } from '../../writePath';
import type { WriteContext } from '../../writeContext';
import { loadSettings } from '../settings';
import { categoriesOn, loadCoverageState } from './coverage';
import { newWorkbook } from '../../../export/newWorkbook';
import { workbookBytes } from '../../../export/xlsxFile';
import { mayExportInFull } from '../../permissions';

export interface CoverageExport {
  fileName: string;
  bytes: Uint8Array<ArrayBuffer>;
  lines: number;
}

/** Column widths in characters, in exportColumns order. */
const widths = [6, 10, 22, 18, 10, 12, 12, 14, 16, 30];

/**
 * The period's status changes as an XLSX for the medical-insurance office. It carries
 * full ID numbers, so only a supervisor may make it, and every person in it is logged
 * in the access log (PIPL) before the bytes are handed out: no log, no file.
 */
export async function exportCoverageChanges(
  db: DeskDatabase,
  ctx: WriteContext,
  period: Period,
): Promise<CoverageExport> {
  if (!mayExportInFull(ctx)) {
    throw new AppError({
      code: 'forbidden',
      message: 'Only a supervisor exports full ID numbers.',
      fieldErrors: [{ path: 'actor', code: 'medical.export_forbidden' }],
    });
  }
  const state = await loadCoverageState(db);
  const changes = coverageChanges(state.timeline, period);
  const personIds = [...new Set(changes.map((c) => c.personId))];
  const persons = new Map<string, ExportPerson & { masked: string }>();
  for (const p of await db.persons.bulkGet(personIds)) {
    if (!p) continue;
    const household = p.householdId ? await db.households.get(p.householdId) : undefined;
    persons.set(p.id, {
      name: p.name,
      idNumber: p.idNumber,
      villageName: household?.villageName ?? '',
      masked: maskIdNumber(p.idNumber),
    });
  }
  const configured = new Map(categoriesOn(state, period.to).map((c) => [c.code, c.name]));
  const categoryName = (code: string) => categoryNamesZh[code] ?? configured.get(code) ?? code;
  const township = (await loadSettings(db))?.officeName ?? '';
  const rows = changeRows(changes, persons, township, categoryName);

  const book = await newWorkbook();
  const sheet = book.addWorksheet('医疗救助对象变动');
  sheet.columns = exportColumns.map((header, i) => ({ header, width: widths[i] ?? 12 }));
  // Every cell is text: an ID number stored as a number loses its last digits.
  sheet.getColumn(3).numFmt = '@';
  for (const row of rows) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  const bytes = await workbookBytes(book);

  const purpose = `医疗救助变动表 ${period.from}~${period.to}`;
  await write(db, ctx, async (w) => {
    for (const [id, p] of persons) {
      await w.create('accessLog', {
        action: 'export',
        subjectKind: 'person',
        subjectId: id,
        maskedSubject: p.masked,
        purpose,
      });
    }
  });
  return {
    fileName: `医疗救助对象变动_${period.from}_${period.to}.xlsx`,
    bytes,
    lines: rows.length,
  };
}
