import type { Workbook } from 'exceljs';

/**
 * The two steps every XLSX the desk makes shares: the workbook's bytes, and handing
 * them to the user (the desk's save dialog; a download in the browser build).
 */
export async function workbookBytes(book: Workbook): Promise<Uint8Array<ArrayBuffer>> {
  const buffer = await book.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
