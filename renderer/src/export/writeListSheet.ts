import type { Worksheet } from 'exceljs';
import { cellOf, defaultWidths, type ListDefinition, type ListSource } from './listDefinition';
import { newWorkbook } from './newWorkbook';
import { workbookBytes } from './xlsxFile';

export interface SheetHeading {
  office: string;
  /** The day the list was made, 'YYYY-MM-DD'. */
  date: string;
  /** Whether personal numbers are written in full. */
  full: boolean;
}

/**
 * Rows written so far, of how many when counted; `reading` counts from 1 and is above 1
 * when the list changed under the reading and is read again (steadyRead.ts).
 */
export type ExportProgress = (done: number, total: number | undefined, reading?: number) => void;

/** Yields to the event loop between pages, so the window stays responsive. */
const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * A list as an XLSX: a title row (office, list, filter in words, date), the Chinese
 * headings frozen under it, one row per record, widths per column. Records are read a
 * page at a time from the source; exceljs holds the rows, never the records. `stale()`
 * is asked after each page: once true (the list changed under the reading), the reading
 * stops and gives null, to be started again (steadyRead.ts).
 */
export async function writeListSheet<R>(
  definition: ListDefinition<R>,
  source: ListSource<R>,
  heading: SheetHeading,
  onProgress: ExportProgress = () => undefined,
  stale: () => boolean = () => false,
): Promise<{ bytes: Uint8Array<ArrayBuffer>; rows: number } | null> {
  const book = await newWorkbook();
  const sheet = book.addWorksheet(definition.title.slice(0, 31));
  const columns = definition.columns;
  sheet.addRow([titleOf(definition.title, source.filterWords, heading)]);
  sheet.mergeCells(1, 1, 1, Math.max(columns.length, 1));
  sheet.getRow(1).font = { bold: true, size: 13 };
  sheet.addRow(columns.map((c) => c.header)).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
  formatColumns(sheet, definition);

  let rows = 0;
  const total = source.count ? await source.count() : undefined;
  onProgress(0, total);
  for await (const page of source.pages()) {
    for (const record of page) {
      sheet.addRow(columns.map((c) => cellOf(c.type, c.cell(record), heading.full)));
    }
    rows += page.length;
    onProgress(rows, total);
    await breathe();
    if (stale()) return null;
  }
  return { bytes: await workbookBytes(book), rows };
}

function titleOf(title: string, filterWords: string, heading: SheetHeading): string {
  const filter = filterWords ? `筛选：${filterWords}` : '全部';
  const numbers = heading.full ? '证件号码完整' : '证件号码已遮蔽';
  return `${heading.office} ${title}（${filter}；${numbers}） 导出日期：${heading.date}`;
}

function formatColumns<R>(sheet: Worksheet, definition: ListDefinition<R>) {
  definition.columns.forEach((column, i) => {
    const target = sheet.getColumn(i + 1);
    target.width = column.width ?? defaultWidths[column.type];
    // Numbers people read as digits stay text: as numbers Excel shows 2.3E+17.
    if (column.type === 'money' || column.type === 'hours') target.numFmt = '0.00';
    else if (column.type === 'count') target.numFmt = '0';
    else target.numFmt = '@';
  });
}
