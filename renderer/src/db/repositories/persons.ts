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
    const byPrefix = db.persons.where('idNumber').startsWith(q.value).filter(live).limit(limit);
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

export async function countPersons(db: DeskDatabase): Promise<number> {
  return db.persons.count();
}

export async function personsOfHousehold(db: DeskDatabase, householdId: string): Promise<Person[]> {
  const members = await db.persons.where('householdId').equals(householdId).toArray();
  return members.filter((p) => !p.deleted);
}
