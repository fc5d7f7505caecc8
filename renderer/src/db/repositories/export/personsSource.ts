import { searchInWords, type ListSource } from '../../../export/listDefinition';
import type { HouseholdRow } from '../../../export/lists/households';
import type { PersonRow } from '../../../export/lists/persons';
import type { DeskDatabase } from '../../database';
import type { Household } from '../households';
import type { Person } from '../persons';
import type { GridSort } from '../grid/gridQuery';
import { personsGridPage, type PersonSortField } from '../grid/personsGrid';
import { householdsGridPage, type HouseholdSortField } from '../grid/householdsGrid';
import { exportPageSize, gridPages, pageAfter } from './pageThrough';

/** The most rows a search exports (the table lists the first 1,000 of the same query). */
export const searchExportLimit = 10_000;

const searchWords = (words: string) => `姓名或身份证号“${searchInWords(words)}”`;

/**
 * The persons list as the screen's table reads it: personsGridPage with the same search
 * words and sort, page after page (a search at most searchExportLimit matches).
 */
export function personsSource(
  db: DeskDatabase,
  query: string,
  sort: GridSort<PersonSortField> | null = null,
): ListSource<PersonRow> {
  const words = query.trim();
  // Each page goes on from the last record of the one before (page 200 costs what page 1
  // does); a search's next page is counted from its start.
  const read = (page: number, after: Person | undefined) =>
    personsGridPage(
      db,
      {
        page,
        pageSize: exportPageSize,
        sort,
        filter: words,
        ...pageAfter(words ? undefined : after),
      },
      searchExportLimit,
    );
  return {
    filterWords: words ? searchWords(words) : '',
    tables: [db.persons.name],
    ...(words ? {} : { count: () => db.persons.count() }),
    pages: async function* () {
      for await (const got of gridPages(read)) yield withHouseholds(db, got.rows);
    },
  };
}

/**
 * Households, filtered by the same search box and in the households table's sort, read
 * through its householdsGridPage page by page (a search at most searchExportLimit).
 */
export function householdsSource(
  db: DeskDatabase,
  query: string,
  sort: GridSort<HouseholdSortField> | null = null,
): ListSource<HouseholdRow> {
  const words = query.trim();
  return {
    filterWords: words ? searchWords(words) : '',
    // A search by ID number finds households through their members (searchHouseholds).
    tables: words ? [db.households.name, db.persons.name] : [db.households.name],
    ...(words ? {} : { count: () => db.households.count() }),
    pages: async function* () {
      const pages = gridPages((page, after: Household | undefined) =>
        householdsGridPage(
          db,
          {
            page,
            pageSize: exportPageSize,
            sort,
            filter: words,
            ...pageAfter(words ? undefined : after),
          },
          searchExportLimit,
        ),
      );
      for await (const got of pages) yield withHeads(db, got.rows);
    },
  };
}

async function withHouseholds(db: DeskDatabase, persons: readonly Person[]): Promise<PersonRow[]> {
  const ids = [...new Set(persons.flatMap((p) => (p.householdId ? [p.householdId] : [])))];
  const households = new Map<string, Household>();
  for (const h of await db.households.bulkGet(ids)) if (h) households.set(h.id, h);
  return persons.map((person) => ({
    person,
    household: person.householdId ? households.get(person.householdId) : undefined,
  }));
}

async function withHeads(
  db: DeskDatabase,
  households: readonly Household[],
): Promise<HouseholdRow[]> {
  const heads = await db.persons.bulkGet(households.map((h) => h.headPersonId));
  return households.map((household, i) => ({ household, head: heads[i] }));
}
