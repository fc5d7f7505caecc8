import type { ListSource } from '../../../export/listDefinition';
import type { VolunteerRow } from '../../../export/lists/community';
import { zh } from '../../../export/zhWords';
import type { DeskDatabase } from '../../database';
import type { ServiceFilter, ServiceRecord } from '../community/services';
import type { GridSort } from '../grid/gridQuery';
import { servicesGridPage, type ServiceSortField } from '../grid/servicesGrid';
import { totalMinutesOf } from '../community/volunteerServices';
import { listVolunteers } from '../community/volunteers';
import { exportPageSize, pagesOf } from './pageThrough';

/** The most volunteers the ledger export holds (the screen shows the first 200). */
const volunteerLimit = 10_000;

export function serviceFilterWords(filter: ServiceFilter): string {
  const words = [`${filter.from ?? '最早'} 至 ${filter.to ?? '今'}`];
  if (filter.type) words.push(`类型：${zh(`community.serviceType.${filter.type}`, filter.type)}`);
  return words.join('，');
}

/**
 * The service ledger with the screen's period, type and order, read through the table's
 * own servicesGridPage page by page.
 */
export function servicesSource(
  db: DeskDatabase,
  filter: ServiceFilter,
  sort: GridSort<ServiceSortField> | null = null,
): ListSource<ServiceRecord> {
  return {
    filterWords: serviceFilterWords(filter),
    pages: async function* () {
      for (let page = 0; ; page++) {
        const got = await servicesGridPage(db, { page, pageSize: exportPageSize, sort, filter });
        if (got.rows.length > 0) yield got.rows;
        if ((page + 1) * exportPageSize >= got.total) return;
      }
    },
  };
}

/** The volunteer ledger with the screen's search, each with all-time hours (totalMinutesOf). */
export function volunteerHoursSource(db: DeskDatabase, query: string): ListSource<VolunteerRow> {
  const words = query.trim();
  return {
    filterWords: words ? `姓名或编号“${words}”` : '',
    pages: async function* () {
      const volunteers = await listVolunteers(db, words, volunteerLimit);
      for (const page of pagesOf(volunteers)) {
        const totals = await totalMinutesOf(
          db,
          page.map((v) => v.id),
        );
        const persons = await db.persons.bulkGet(page.map((v) => v.personId));
        yield page.map((volunteer, i) => ({
          volunteer,
          person: persons[i],
          minutes: totals.get(volunteer.id) ?? 0,
        }));
      }
    },
  };
}
