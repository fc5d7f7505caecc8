import type { DeskDatabase } from '../../database';
import { volunteersTable } from '../../tables/communityTables';
import { totalMinutesOf } from '../community/volunteerServices';
import { listVolunteers, type Volunteer } from '../community/volunteers';
import { totalsOf, type GridPage, type GridQuery } from './gridQuery';
import { sortedPage } from './sortedPage';

/**
 * The volunteer ledger's sortable columns: the volunteer number and the last change
 * (their indexes, each ending with the id: schema v22, filterOrderTables.ts). Name,
 * skills, joining date and hours have no index: they do not sort.
 */
export const volunteerSortIndexes = {
  volunteerNumber: '[volunteerNumber+id]',
  updatedAt: '[updatedAt+id]',
} as const;

export type VolunteerSortField = keyof typeof volunteerSortIndexes;
export type VolunteersGridQuery = GridQuery<string, VolunteerSortField>;

/** A row of the ledger: the volunteer with all-time minutes of service. */
export type VolunteerGridRow = Volunteer & { minutes: number };

/** The most matches a search shows. */
export const volunteerFilterCap = 1000;

/**
 * The volunteer ledger, one page: the one query function of its table and export.
 * Without a search, a page of the volunteers table in its index's order (newest
 * first by default), counted by the store; with one, listVolunteers' indexed matches
 * (name, pinyin, number), sorted and paged in memory. Hours are summed for the page's
 * volunteers only (their services by the volunteerId index).
 */
export async function volunteersGridPage(
  db: DeskDatabase,
  query: VolunteersGridQuery,
  cap = volunteerFilterCap,
): Promise<GridPage<VolunteerGridRow>> {
  const words = query.filter.trim();
  const search = words ? (limit: number) => listVolunteers(db, words, limit) : null;
  const found = await sortedPage(volunteersTable(db), volunteerSortIndexes, query, search, cap);
  const totals = await totalMinutesOf(
    db,
    found.rows.map((v) => v.id),
  );
  const withHours = (v: Volunteer) => ({ ...v, minutes: totals.get(v.id) ?? 0 });
  return {
    rows: found.rows.map(withHours),
    ...totalsOf(found),
    ...(found.first && found.last
      ? { first: withHours(found.first), last: withHours(found.last) }
      : {}),
  };
}
