import { maskIdNumber } from '@shared/identity/residentId';

/**
 * How one list becomes a sheet: the columns an office reads (Chinese headings, whatever
 * the desk's language: the sheet is handed on), each with the way to read its cell from
 * a record and the cell's type. Personal numbers (ID, phone, bank account) are a type of
 * their own: the engine masks them unless the export is a full one.
 */
export type CellType =
  | 'text'
  /** 'YYYY-MM-DD' (or 'YYYY-MM') kept as text: no time zone can shift it. */
  | 'date'
  /** Integer fen written as yuan, 2 decimals. */
  | 'money'
  | 'count'
  /** Minutes written as hours, 2 decimals. */
  | 'hours'
  | 'idNumber'
  | 'phone'
  | 'account';

export type CellValue = string | number | null | undefined;

export interface ExportColumn<R> {
  header: string;
  type: CellType;
  cell: (row: R) => CellValue;
  /** Width in characters; a default per type otherwise. */
  width?: number;
}

export interface ListDefinition<R> {
  /** A stable key, logged with a full export: 'persons', 'cases', … */
  id: string;
  /** The list's name on the title row and in the file name, e.g. 人员名单. */
  title: string;
  columns: readonly ExportColumn<R>[];
}

/**
 * The rows to export, read the way the screen reads them (the same query function with
 * the user's filter), page by page: only one page of records is held at a time.
 */
export interface ListSource<R> {
  /** The filter the user applied, in words (Chinese), '' for the whole list. */
  filterWords: string;
  /**
   * The tables whose changes can move a row across the pages while they are read (the
   * list's own): a change to one during the reading has the list read again
   * (db/repositories/export/steadyRead.ts).
   */
  tables: readonly string[];
  /** How many rows to expect, when cheaply counted (for the progress bar). */
  count?: () => Promise<number>;
  pages: () => AsyncIterable<readonly R[]>;
}

export const sensitiveTypes: readonly CellType[] = ['idNumber', 'phone', 'account'];

export function isSensitive(type: CellType): boolean {
  return sensitiveTypes.includes(type);
}

/** A phone or account number with all but its first 3 and last 4 characters hidden. */
export function maskNumber(value: string): string {
  const v = value.replace(/\s+/g, '');
  if (v.length <= 7) return '*'.repeat(v.length);
  return `${v.slice(0, 3)}${'*'.repeat(v.length - 7)}${v.slice(-4)}`;
}

/** The value written into the sheet for one cell. */
export function cellOf(type: CellType, value: CellValue, full: boolean): string | number | null {
  if (value === null || value === undefined || value === '') return null;
  switch (type) {
    case 'money':
      return typeof value === 'number' ? value / 100 : null;
    case 'count':
      return typeof value === 'number' ? value : null;
    case 'hours':
      return typeof value === 'number' ? Math.round((value / 60) * 100) / 100 : null;
    case 'idNumber':
      return full ? String(value) : maskIdNumber(String(value));
    case 'phone':
    case 'account':
      return full ? String(value) : maskNumber(String(value));
    default:
      return String(value);
  }
}

export const defaultWidths: Record<CellType, number> = {
  text: 14,
  date: 12,
  money: 12,
  count: 8,
  hours: 10,
  idNumber: 22,
  phone: 15,
  account: 24,
};

/**
 * A search as the title row and the access log name it: an ID number typed into the
 * search box is shown as the first 6 and last 4 characters at most (logs stay masked,
 * domain.md "Privacy"); names and short tails stay as typed.
 */
export function searchInWords(query: string): string {
  const q = query.trim();
  if (!/^[0-9Xx]{7,}$/.test(q)) return q;
  if (q.length === 18) return maskIdNumber(q);
  return `${q.slice(0, 6)}${'*'.repeat(q.length - 6)}`;
}
