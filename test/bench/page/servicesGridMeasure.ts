import type { DeskDatabase } from '../../../renderer/src/db/database';
import type { ServiceRecord } from '../../../renderer/src/db/repositories/community/services';
import {
  servicesGridPage,
  type ServicesGridQuery,
} from '../../../renderer/src/db/repositories/grid/servicesGrid';
import { serviceRecordsTable } from '../../../renderer/src/db/tables/communityTables';
import type { seededRandom } from '../../support/seededRandom';
import { gridPageSize, timeRows, type GridTimes } from './gridMeasure';
import { anyRowOf, pageAfter } from './gridPicks';

/**
 * The service ledger as a registrar uses it, through servicesGridPage (its table's and
 * export's one query function): a month's services (a period, newest first; its total
 * after the page, as the table asks),
 * the same with one type, and the page after a row on screen of each (the
 * `[startAt+id]` / `[type+startAt+id]` range past that row's key, schema v22). The month
 * and the row are those of any stored service (picked, not timed).
 */
export async function measureServicePages(
  db: DeskDatabase,
  samples: number,
  rng: ReturnType<typeof seededRandom>,
  only?: readonly string[],
): Promise<Record<string, GridTimes>> {
  const table = serviceRecordsTable(db);
  const ids = await table.toCollection().primaryKeys();
  if (ids.length === 0) return {};
  const anyService = anyRowOf(table, ids, rng);
  // The month of a service, with its type or not, and that service.
  const monthOf = async (typed: boolean) => {
    const row = await anyService();
    const month = (row?.startAt ?? '2026-01-01').slice(0, 7);
    const q: ServicesGridQuery = {
      page: 0,
      pageSize: gridPageSize,
      sort: null,
      totalLater: true, // as the table asks: its page before its total
      filter: {
        from: `${month}-01`,
        to: `${month}-31`,
        ...(typed && row ? { type: row.type } : {}),
      },
    };
    return { q, row };
  };
  const nextOf = async (typed: boolean): Promise<ServicesGridQuery> => {
    const { q, row } = await monthOf(typed);
    return pageAfter(q, row && asAnchor(row), { page: 1 });
  };
  const queries: Record<string, () => Promise<ServicesGridQuery>> = {
    servicesMonth: async () => (await monthOf(false)).q,
    servicesMonthPageN: () => nextOf(false),
    servicesMonthType: async () => (await monthOf(true)).q,
    servicesMonthTypePageN: () => nextOf(true),
  };
  return timeRows(queries, (q) => servicesGridPage(db, q), samples, only);
}

const asAnchor = (row: ServiceRecord) => row as ServiceRecord & Record<string, unknown>;
