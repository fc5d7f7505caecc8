import type { ListSource } from '../../../export/listDefinition';
import type { VolunteerRow } from '../../../export/lists/community';
import { zh } from '../../../export/zhWords';
import type { DeskDatabase } from '../../database';
import { serviceRecordsTable, volunteersTable } from '../../tables/communityTables';
import type { ServiceFilter, ServiceRecord } from '../community/services';
import type { GridSort } from '../grid/gridQuery';
import { servicesGridPage, type ServiceSortField } from '../grid/servicesGrid';
import {
  volunteersGridPage,
  type VolunteerGridRow,
  type VolunteerSortField,
} from '../grid/volunteersGrid';
import { exportPageSize, gridPages, pageAfter } from './pageThrough';

/** The most volunteers a search exports (the table lists the first 1,000). */
const volunteerLimit = 10_000;

export function serviceFilterWords(filter: ServiceFilter): string {
  const words = [`${filter.from ?? '最早'} 至 ${filter.to ?? '今'}`];
  if (filter.type) words.push(`类型：${zh(`community.serviceType.${filter.type}`, filter.type)}`);
  return words.join('，');
}

/**
 * The service ledger with the screen's period, type and order, read through the table's
 * own servicesGridPage page by page, each from the last one's last row.
 */
export function servicesSource(
  db: DeskDatabase,
  filter: ServiceFilter,
  sort: GridSort<ServiceSortField> | null = null,
): ListSource<ServiceRecord> {
  return {
    filterWords: serviceFilterWords(filter),
    tables: [serviceRecordsTable(db).name],
    pages: async function* () {
      const pages = gridPages((page, after: ServiceRecord | undefined) =>
        servicesGridPage(db, { page, pageSize: exportPageSize, sort, filter, ...pageAfter(after) }),
      );
      for await (const got of pages) yield got.rows;
    },
  };
}

/** The volunteer ledger with the screen's search and sort, read through volunteersGridPage. */
export function volunteerHoursSource(
  db: DeskDatabase,
  query: string,
  sort: GridSort<VolunteerSortField> | null = null,
): ListSource<VolunteerRow> {
  const words = query.trim();
  return {
    filterWords: words ? `姓名或编号“${words}”` : '',
    tables: [volunteersTable(db).name],
    pages: async function* () {
      const pages = gridPages((page, after: VolunteerGridRow | undefined) =>
        volunteersGridPage(
          db,
          { page, pageSize: exportPageSize, sort, filter: words, ...pageAfter(after) },
          volunteerLimit,
        ),
      );
      for await (const got of pages) {
        const persons = await db.persons.bulkGet(got.rows.map((v) => v.personId));
        yield got.rows.map((volunteer, i) => ({
          volunteer,
          person: persons[i],
          minutes: volunteer.minutes,
        }));
      }
    },
  };
}
