import { idPrefixLookup } from '@shared/atRest/idTokens';
import { classifyQuery } from '@shared/search/searchTokens';
import { normalizeIdNumber, type PersonData } from '@shared/domain/person';
import type { StoredRecord } from '@shared/records/envelope';
import type { DeskDatabase } from '../database';

export type Person = StoredRecord<PersonData>;

export async function getPerson(db: DeskDatabase, id: string): Promise<Person | undefined> {
  const person = await db.persons.get(id);
  return person && !person.deleted ? person : undefined;
}

/** The registered person holding this ID number, for the duplicate check before saving. */
export async function findPersonByIdNumber(
  db: DeskDatabase,
  idNumber: string,
): Promise<Person | undefined> {
  const key = normalizeIdNumber('resident', idNumber);
  if (!key) return undefined;
  const matches = await db.persons.where('idNumber').equals(key).toArray();
  return matches.find((p) => !p.deleted);
}

/**
 * The live persons holding any of these ID numbers (as stored: normalizeIdNumber), one
 * index lookup each: the index holds keyed tokens, so a span of numbers (Dexie's anyOf)
 * cannot be walked.
 */
export async function personsByIdNumbers(
  db: DeskDatabase,
  idNumbers: readonly string[],
): Promise<Person[]> {
  const distinct = [...new Set(idNumbers)];
  const found = await Promise.all(
    distinct.map((id) => db.persons.where('idNumber').equals(id).toArray()),
  );
  return found.flat().filter((p) => !p.deleted);
}

/**
 * Indexed search: an ID-number prefix, the last 4 or 6 characters of an ID number (tail
 * matches first, then prefix matches: see ClassifiedQuery), or a prefix of the name,
 * its pinyin initials ("zsf" finds 张三丰) or its full pinyin. Never scans the table.
 */
export async function searchPersons(
  db: DeskDatabase,
  query: string,
  limit = 50,
): Promise<Person[]> {
  const q = classifyQuery(query);
  if (!q.value) return [];
  const live = (p: Person) => !p.deleted;
  if (q.kind === 'id') {
    const byPrefix = idPrefixMatches(db, q.value, live, limit);
    if (!q.tail) return byPrefix.toArray();
    const [tails, prefixes] = await Promise.all([
      db.persons.where('idTails').equals(q.value).filter(live).limit(limit).toArray(),
      byPrefix.toArray(),
    ]);
    const seen = new Set(tails.map((p) => p.id));
    return [...tails, ...prefixes.filter((p) => !seen.has(p.id))].slice(0, limit);
  }
  return db.persons
    .where('searchTokens')
    .startsWith(q.value.toLowerCase())
    .distinct()
    .filter(live)
    .limit(limit)
    .toArray();
}

/**
 * Persons whose ID number starts with `prefix`. The numbers are sealed, so the store
 * finds the persons holding the longest prefix it keeps a token of
 * (shared/atRest/idTokens.ts) and keeps those whose opened number starts with all of
 * it. Shorter than any token: nothing (the tails and the whole number still match).
 */
function idPrefixMatches(
  db: DeskDatabase,
  prefix: string,
  live: (p: Person) => boolean,
  limit: number,
) {
  const lookup = idPrefixLookup(prefix);
  if (lookup === null) return db.persons.limit(0);
  const covered =
    lookup === prefix
      ? db.persons.where('idPrefixes').equals(lookup)
      : db.persons
          .where('idPrefixes')
          .equals(lookup)
          .filter((p) => p.idNumber.startsWith(prefix));
  return covered.filter(live).limit(limit);
}

export async function countPersons(db: DeskDatabase): Promise<number> {
  return db.persons.count();
}

export async function personsOfHousehold(db: DeskDatabase, householdId: string): Promise<Person[]> {
  const members = await db.persons.where('householdId').equals(householdId).toArray();
  return members.filter((p) => !p.deleted);
}
