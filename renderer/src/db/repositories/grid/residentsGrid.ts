import type { DeskDatabase } from '../../database';
import { rowsOfResidents, type ResidentRow } from '../elderlyCare/residentRows';
import { listResidents } from '../elderlyCare/residents';
import { elderlyTables } from '../elderlyCare/tables';
import { totalsOf, type GridPage, type GridQuery } from './gridQuery';
import { sortedPage } from './sortedPage';

/**
 * The residents list's sortable columns: the name (schema v15's personName index) and
 * the last change (updatedAt, the list's default order, newest first). Bed, status and
 * level come from other records and do not sort.
 */
export const residentSortIndexes = { personName: 'personName', updatedAt: 'updatedAt' } as const;

export type ResidentSortField = keyof typeof residentSortIndexes;
export type ResidentsGridQuery = GridQuery<string, ResidentSortField>;

/** A row of the residents table: the resident, with its bed, stay and level. */
export type ResidentGridRow = ResidentRow & { id: string };

/** The most matches a search shows (listResidents' own limit). */
export const residentFilterCap = 500;

/**
 * The residents list, one page: the one query function of its table and export. Without
 * a search, a page of the residents table in its index's order, counted by the store;
 * with one, listResidents' indexed matches (name, pinyin, ID), sorted and paged in
 * memory. Only the page's residents are joined to their stays, beds and assessments.
 */
export async function residentsGridPage(
  db: DeskDatabase,
  query: ResidentsGridQuery,
  today: string,
  cap = residentFilterCap,
): Promise<GridPage<ResidentGridRow>> {
  const words = query.filter.trim();
  const search = words ? (limit: number) => listResidents(db, words, limit) : null;
  // No anchor: a row of this table is the joined ResidentGridRow, not the record.
  const found = await sortedPage(
    elderlyTables(db).residents,
    residentSortIndexes,
    { ...query, anchor: undefined },
    search,
    cap,
    'updatedAt',
  );
  const rows = await rowsOfResidents(db, found.rows, today);
  return {
    rows: rows.map((row) => ({ ...row, id: row.resident.id })),
    ...totalsOf(found),
  };
}
