import { searchInWords, type ListSource } from '../../../export/listDefinition';
import type { HouseholdRow } from '../../../export/lists/households';
import type { PersonRow } from '../../../export/lists/persons';
import type { DeskDatabase } from '../../database';
import { searchHouseholds, type Household } from '../households';
import { searchPersons, type Person } from '../persons';
import { pagesNewestFirst, pagesOf } from './pageThrough';

/** The most rows a search exports (the screen shows the first 200 of the same query). */
export const searchExportLimit = 10_000;

const searchWords = (words: string) => `姓名或身份证号“${searchInWords(words)}”`;

/**
 * The persons list as the screen reads it: with a search, searchPersons with the same
 * words; without, the whole registry newest first (the screen's personsPage order).
 */
export function personsSource(db: DeskDatabase, query: string): ListSource<PersonRow> {
  const words = query.trim();
  if (words) {
    return {
      filterWords: searchWords(words),
      pages: async function* () {
        const found = await searchPersons(db, words, searchExportLimit);
        for (const page of pagesOf(found)) yield withHouseholds(db, page);
      },
    };
  }
  return {
    filterWords: '',
    count: () => db.persons.count(),
    pages: async function* () {
      for await (const page of pagesNewestFirst(db.persons)) yield withHouseholds(db, page);
    },
  };
}

/** Households, filtered by the same search box (searchHouseholds: head's name or a member's ID). */
export function householdsSource(db: DeskDatabase, query: string): ListSource<HouseholdRow> {
  const words = query.trim();
  if (words) {
    return {
      filterWords: searchWords(words),
      pages: async function* () {
        const found = await searchHouseholds(db, words, searchExportLimit);
        for (const page of pagesOf(found)) yield withHeads(db, page);
      },
    };
  }
  return {
    filterWords: '',
    count: () => db.households.count(),
    pages: async function* () {
      for await (const page of pagesNewestFirst(db.households)) yield withHeads(db, page);
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
