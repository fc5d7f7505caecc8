import { searchInWords, type ListSource } from '../../../export/listDefinition';
import type { MovementRow } from '../../../export/lists/movements';
import type { ResidentExportRow } from '../../../export/lists/residents';
import type { DeskDatabase } from '../../database';
import type { GridSort } from '../grid/gridQuery';
import { residentsGridPage, type ResidentSortField } from '../grid/residentsGrid';
import { listResidents } from '../elderlyCare/residents';
import { elderlyTables, live, type Movement, type Resident } from '../elderlyCare/tables';
import { exportPageSize, gridPages, pagesOf } from './pageThrough';

const searchWords = (query: string) =>
  query.trim() ? `姓名或身份证号“${searchInWords(query)}”` : '';

/** The residents list as its table reads it (residentsGridPage with its search and sort). */
export function residentsSource(
  db: DeskDatabase,
  query: string,
  today: string,
  sort: GridSort<ResidentSortField> | null = null,
): ListSource<ResidentExportRow> {
  return {
    filterWords: searchWords(query),
    tables: [elderlyTables(db).residents.name],
    pages: async function* () {
      const pages = gridPages((page) =>
        residentsGridPage(db, { page, pageSize: exportPageSize, sort, filter: query }, today),
      );
      for await (const got of pages) {
        const persons = await db.persons.bulkGet(got.rows.map((r) => r.resident.personId));
        yield got.rows.map((row, i) => ({ row, person: persons[i] }));
      }
    },
  };
}

/**
 * Every movement (入住、调床、请假、出院 …) of the residents the list shows (the same
 * search), by date, each with the bed named and whether it was reversed.
 */
export function movementsSource(db: DeskDatabase, query: string): ListSource<MovementRow> {
  const t = elderlyTables(db);
  return {
    filterWords: searchWords(query),
    tables: [t.residents.name, t.movements.name],
    pages: async function* () {
      const residents = await listResidents(db, query);
      for (const page of pagesOf(residents, 200)) {
        const movements = live(
          await t.movements
            .where('residentId')
            .anyOf(page.map((r) => r.id))
            .toArray(),
        );
        if (movements.length > 0) yield withPlaces(db, page, movements);
      }
    },
  };
}

async function withPlaces(
  db: DeskDatabase,
  residents: readonly Resident[],
  movements: Movement[],
): Promise<MovementRow[]> {
  const t = elderlyTables(db);
  const byId = new Map(residents.map((r) => [r.id, r]));
  const persons = new Map(
    (await db.persons.bulkGet(residents.map((r) => r.personId))).flatMap((p) =>
      p ? [[p.id, p] as const] : [],
    ),
  );
  const beds = (await t.beds.bulkGet([...new Set(movements.map((m) => m.bedId))])).flatMap((b) =>
    b ? [b] : [],
  );
  const rooms = await t.rooms.bulkGet(beds.map((b) => b.roomId));
  const buildings = await t.buildings.bulkGet(beds.map((b) => b.buildingId));
  const bedName = new Map(
    beds.map((b, i) => [
      b.id,
      `${buildings[i]?.name ?? ''} ${rooms[i]?.number ?? ''}室 ${b.number}床`,
    ]),
  );
  const reversed = new Set(movements.flatMap((m) => (m.reversesId ? [m.reversesId] : [])));
  return movements
    .sort((a, b) => a.date.localeCompare(b.date) || a.hlc.localeCompare(b.hlc))
    .map((movement) => {
      const resident = byId.get(movement.residentId);
      return {
        movement,
        resident,
        person: resident ? persons.get(resident.personId) : undefined,
        bed: bedName.get(movement.bedId) ?? '',
        reversed: reversed.has(movement.id),
      };
    });
}
