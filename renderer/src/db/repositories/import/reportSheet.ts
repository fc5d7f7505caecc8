import { newWorkbook } from '../../../export/newWorkbook';
import type { RowProblem } from '@shared/import/types';
import type { RosterSheet } from './readSheet';
import { workbookBytes } from '../../../export/xlsxFile';

/** How a problem reads in the report: the screen's own wording (zh-CN). */
export type DescribeProblem = (problem: RowProblem) => string;

/**
 * The dry run's report as the office's own sheet: its heading row and every data row as
 * it was, with 问题 added (each of the row's problems, 「；」 between), rows with an error
 * marked red and warnings yellow. Fixed and saved, it is the file to import again.
 */
export async function reportWorkbook(
  sheet: RosterSheet,
  problems: readonly RowProblem[],
  describe: DescribeProblem,
): Promise<Uint8Array<ArrayBuffer>> {
  const byRow = new Map<number, RowProblem[]>();
  for (const p of problems) {
    const list = byRow.get(p.row);
    if (list) list.push(p);
    else byRow.set(p.row, [p]);
  }
  const book = await newWorkbook();
  const out = book.addWorksheet('导入检查结果');
  const width = Math.max(sheet.header.length, ...sheet.rows.slice(0, 1000).map((r) => r.length));
  const header = Array.from({ length: width }, (_, i) => sheet.header[i] ?? '');
  out.addRow(['原表行号', ...header, '问题']).font = { bold: true };
  for (const [index, row] of sheet.rows.entries()) {
    const own = byRow.get(index) ?? [];
    const cells = Array.from({ length: width }, (_, i) => row[i] ?? '');
    const added = out.addRow([
      sheet.sheetRowOf[index] ?? '',
      ...cells,
      own.map(describe).join('；'),
    ]);
    if (own.length > 0) {
      const color = own.some((p) => p.severity === 'error') ? 'FFFFC7CE' : 'FFFFEB9C';
      added.getCell(width + 2).fill = {
        type: 'pattern',
        pattern: 'solid',
        fgColor: { argb: color },
      };
    }
  }
  // Text cells throughout: an ID number must not come back as 3.30102E+17.
  out.columns.forEach((c) => {
    c.numFmt = '@';
  });
  out.getColumn(width + 2).width = 60;
  return workbookBytes(book);
}

/** A template for newcomers: the headings the import recognises first, and a sample. */
export async function templateWorkbook(
  headings: readonly string[],
  sample: readonly string[][],
): Promise<Uint8Array<ArrayBuffer>> {
  const book = await newWorkbook();
  const out = book.addWorksheet('名册');
  out.addRow([...headings]).font = { bold: true };
  for (const row of sample) out.addRow([...row]);
  out.columns.forEach((c) => {
    c.numFmt = '@';
    c.width = 16;
  });
  return workbookBytes(book);
}
