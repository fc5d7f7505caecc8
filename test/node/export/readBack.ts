import ExcelJS from 'exceljs';

/** An exported sheet read back with exceljs: the title, the headings, the data rows. */
export async function readBack(bytes: Uint8Array) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes.buffer as ArrayBuffer);
  const sheet = book.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
  const rows: unknown[][] = [];
  for (let n = 3; n <= sheet.rowCount; n++) rows.push(values(n));
  return {
    sheet,
    title: String(sheet.getCell(1, 1).value),
    headers: values(2).map(String),
    rows,
    frozen: sheet.views[0],
  };
}

/** The column of a heading. */
export function column(headers: readonly string[], header: string): number {
  const i = headers.indexOf(header);
  if (i < 0) throw new Error(`no column ${header}`);
  return i;
}

/** The value, or a failed test when it is missing. */
export function present<T>(value: T | undefined | null): T {
  if (value === undefined || value === null) throw new Error('missing');
  return value;
}
