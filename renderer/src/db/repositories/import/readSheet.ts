import type { CellValue } from 'exceljs';
import { newWorkbook } from '../../../export/newWorkbook';
import { parseCsv } from '@shared/import/csv';

/**
 * A roster file as rows of cell text, read once and held once (the dry run and the
 * commit index into it; the report writes it back with its problems). XLSX through
 * exceljs (its first worksheet with data), CSV decoded as UTF-8 or, when that fails,
 * GB18030 (what Excel and WPS save on a Chinese Windows).
 */
export async function readRosterFile(fileName: string, bytes: ArrayBuffer): Promise<string[][]> {
  if (/\.csv$/i.test(fileName)) return parseCsv(decodeText(bytes));
  const book = await newWorkbook();
  await book.xlsx.load(bytes);
  const sheet = book.worksheets.find((s) => s.actualRowCount > 0);
  const rows: string[][] = [];
  sheet?.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    rows[rowNumber - 1] = Array.from(cells, (c) => c ?? '');
  });
  return Array.from(rows, (r) => r ?? []);
}

function decodeText(bytes: ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A cell as the text a person sees: a date cell as YYYY-MM-DD, a formula by its result. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    // exceljs gives a date cell as that day's midnight UTC.
    return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result as CellValue);
    if ('error' in value) return String(value.error);
    return '';
  }
  return String(value);
}

/** The roster's heading row and its data rows (with their 1-based sheet row numbers). */
export interface RosterSheet {
  header: string[];
  rows: string[][];
  sheetRowOf: number[];
}

/** Rows after the heading row that have any text (blank lines between blocks are skipped). */
export function rosterSheet(all: readonly string[][], headerIndex: number): RosterSheet {
  const rows: string[][] = [];
  const sheetRowOf: number[] = [];
  for (let i = headerIndex + 1; i < all.length; i++) {
    const row = all[i] ?? [];
    if (row.some((c) => c.trim() !== '')) {
      rows.push(row);
      sheetRowOf.push(i + 1);
    }
  }
  return { header: all[headerIndex] ?? [], rows, sheetRowOf };
}
