import Dexie from 'dexie';
import { idPrefixIndex, idPrefixLookup } from '@shared/atRest/idTokens';
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
 * cannot be walked. All in one read transaction: each lookup on its own opened one of
 * its own, and for a dry run's 500 rows that was half the window's busy time (a long
 * task of ~200 ms per chunk; issue #15).
 */
export async function personsByIdNumbers(
  db: DeskDatabase,
  idNumbers: readonly string[],
): Promise<Person[]> {
  const distinct = [...new Set(idNumbers)];
  const found = await db.transaction('r', db.persons, () =>
    Promise.all(distinct.map((id) => db.persons.where('idNumber').equals(id).toArray())),
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
  if (q.kind === 'id') {
    const value = q.value;
    const byPrefix = () => idPrefixMatches(db, value, limit);
    if (!q.tail) return byPrefix();
    const [tails, prefixes] = await Promise.all([
      firstLive((n) => db.persons.where('idTails').equals(value).limit(n), limit),
      byPrefix(),
    ]);
    const seen = new Set(tails.map((p) => p.id));
    return [...tails, ...prefixes.filter((p) => !seen.has(p.id))].slice(0, limit);
  }
  const token = q.value.toLowerCase();
  return firstLive((n) => db.persons.where('searchTokens').startsWith(token).limit(n), limit);
}

/**
 * The first `limit` distinct live persons of an index range, in index order. Read as
 * plain ranges with a count (one `getAll` each), then deduped and filtered here: a Dexie
 * `.filter()` or `.distinct()` turns the read into a cursor, one round trip to the store
 * per entry, whose p95 was three to five times the getAll's (docs/performance.md,
 * "Search"). A person appears once per matching token of a multi-entry index (a pinyin
 * query can match both the initials and the full pinyin) and tombstones stay indexed, so
 * when the first read was full but too few remain, it reads again four times as many.
 * `keep` narrows a range further in memory (a range that covers more than the query).
 */
async function firstLive(
  range: (count: number) => { toArray: () => Promise<Person[]> },
  limit: number,
  keep: (p: Person) => boolean = () => true,
): Promise<Person[]> {
  for (let count = limit; ; count *= 4) {
    const read = await range(count).toArray();
    const seen = new Set<string>();
    const found: Person[] = [];
    for (const p of read) {
      if (p.deleted || seen.has(p.id) || !keep(p)) continue;
      seen.add(p.id);
      found.push(p);
      if (found.length === limit) return found;
    }
    if (read.length < count) return found;
  }
}

/**
 * Persons whose ID number starts with `prefix`, from the prefix index (its 4- and
 * 6-character parts are keyed tokens, which the store makes of the clear values asked
 * for; shared/atRest/idTokens.ts): the range of the prefix's 4 or 6 characters, and for
 * a longer one the span of resident birth digits it implies together with the
 * non-resident numbers under the same 6. Each range is read in index order and what it
 * holds is kept when the opened number starts with the whole prefix; five digits read
 * the ten 6-character ranges they begin. Shorter than 4 characters: nothing (a 4- or
 * 6-digit query matches the tails too: searchPersons).
 */
async function idPrefixMatches(db: DeskDatabase, prefix: string, limit: number): Promise<Person[]> {
  const lookup = idPrefixLookup(prefix);
  if (lookup === null) return [];
  const starts = (p: Person) => p.idNumber.startsWith(prefix);
  const index = db.persons.where(idPrefixIndex);
  const { prefix4, prefix6, born } = lookup;
  if (prefix6 === null && /^\d{5}$/.test(prefix)) {
    // Five digits: the ranges of the ten 6-character prefixes they begin. The 4-character
    // range read in index order (an HMAC's order, not the numbers') held the whole county:
    // a typo in the 5th digit read every row of it (200,000 at full size) to find nothing,
    // and a few persons of a neighbouring county half of it. The ten are looked into at
    // once (a key each, no row opened), and those that hold any read in turn until enough
    // are found. A number of just these five characters (another kind of document) is its own
    // 6-character part, and is looked up too; a longer one whose 6th character is not a
    // digit (only an 'other' document can be) is found by its first 4 characters, not by
    // these 5.
    const sixes = [prefix, ...'0123456789'.split('').map((d) => `${prefix}${d}`)];
    const range = (six: string) =>
      index.between([prefix4, six, Dexie.minKey], [prefix4, six, Dexie.maxKey], true, true);
    // Whether each holds any: one key of its range (a count walks the whole range, and
    // the county's holds the office).
    const held = await db.transaction('r', db.persons, () =>
      Promise.all(sixes.map(async (six) => (await range(six).limit(1).primaryKeys()).length)),
    );
    const found: Person[] = [];
    for (const six of sixes.filter((_, i) => (held[i] ?? 0) > 0)) {
      if (found.length >= limit) break;
      found.push(...(await firstLive((n) => range(six).limit(n), limit - found.length, starts)));
    }
    return found;
  }
  if (prefix6 === null || born === null) {
    const head = prefix6 === null ? [prefix4] : [prefix4, prefix6];
    return firstLive(
      (n) => index.between([...head, Dexie.minKey], [...head, Dexie.maxKey], true, true).limit(n),
      limit,
      starts,
    );
  }
  const spans = await Promise.all(
    born.map(({ from, to }) =>
      firstLive(
        (n) => index.between([prefix4, prefix6, from], [prefix4, prefix6, to], true, true).limit(n),
        limit,
        starts,
      ),
    ),
  );
  return spans.flat().slice(0, limit);
}

export async function personsOfHousehold(db: DeskDatabase, householdId: string): Promise<Person[]> {
  const members = await db.persons.where('householdId').equals(householdId).toArray();
  return members.filter((p) => !p.deleted);
}
