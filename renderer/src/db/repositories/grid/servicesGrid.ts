import type { DeskDatabase } from '../../database';
import { serviceRecordsTable } from '../../tables/communityTables';
import type { ServiceFilter, ServiceRecord } from '../community/services';
import type { GridPage, GridQuery } from './gridQuery';
import { rangePage, type IdEndedRange } from './sortedPage';

/** The service ledger sorts by its start time only (the `startAt` index); newest first. */
export const serviceSortIndexes = { startAt: 'startAt' } as const;

export type ServiceSortField = keyof typeof serviceSortIndexes;
export type ServicesGridQuery = GridQuery<ServiceFilter, ServiceSortField>;

/**
 * The service ledger, one page: the one query function of its table and export. The
 * period is a range of the `[startAt+id]` index, a type narrows it to `[type+startAt+id]`
 * (schema v22, filterOrderTables.ts), so a page is read and the rows counted by the index
 * alone, and the page next to one shown is one read past its anchor. Tombstones are
 * counted and left out of a page.
 */
export async function servicesGridPage(
  db: DeskDatabase,
  query: ServicesGridQuery,
): Promise<GridPage<ServiceRecord>> {
  const f = query.filter;
  // 'T' sorts after every digit of a date, so "YYYY-MM-DDT~" closes the last day.
  const lower = f.from ?? '0000-01-01';
  const upper = `${f.to ?? '9999-12-31'}T~`;
  const table = serviceRecordsTable(db);
  const range: IdEndedRange<ServiceRecord> = f.type
    ? {
        index: '[type+startAt+id]',
        lower: [f.type, lower, ''],
        upper: [f.type, upper, []],
        keyOf: (r) => [r.type, r.startAt, r.id],
      }
    : {
        index: '[startAt+id]',
        lower: [lower, ''],
        upper: [upper, []],
        keyOf: (r) => [r.startAt, r.id],
      };
  return rangePage(table, range, query, query.sort?.direction === 'asc');
}
