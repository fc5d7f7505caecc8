import { AppError } from '@shared/errors/appError';
import type { VolunteerData } from '@shared/domain/community/volunteer';
import type { StoredRecord } from '@shared/records/envelope';
import { classifyQuery } from '@shared/search/searchTokens';
import type { DeskDatabase } from '../../database';
import { volunteersTable } from '../../tables/communityTables';
import { write } from '../../writePath';
import type { WriteContext } from '../../writeContext';

export type Volunteer = StoredRecord<VolunteerData>;

/** What the volunteer form collects; the name comes from the registered person. */
export interface VolunteerFields {
  volunteerNumber: string;
  skills: string[];
  joinedOn: string;
  notes: string;
}

/**
 * Registers a registered person as a volunteer. The person is read inside the same
 * transaction, so the copied name is the registry's; one volunteer per person and one
 * holder per volunteer number are invariants of the write path.
 */
export async function registerVolunteer(
  db: DeskDatabase,
  ctx: WriteContext,
  personId: string,
  fields: VolunteerFields,
): Promise<Volunteer> {
  return write(db, ctx, async (w) => {
    const person = await w.get('person', personId);
    if (!person || person.deleted) {
      throw new AppError({
        code: 'validation',
        message: 'A volunteer must be a registered person.',
        fieldErrors: [{ path: 'personId', code: 'community.person_missing' }],
      });
    }
    return w.create('volunteer', { ...fields, personId, name: person.name });
  });
}

/** A correction of the volunteer's own facts (number, skills, date joined), with its reason. */
export async function correctVolunteer(
  db: DeskDatabase,
  ctx: WriteContext,
  id: string,
  baseVersion: number,
  fields: VolunteerFields,
  reason: string,
): Promise<Volunteer> {
  return write(db, ctx, (w) => w.update('volunteer', id, baseVersion, fields, { reason }));
}

export async function getVolunteer(db: DeskDatabase, id: string): Promise<Volunteer | undefined> {
  const v = await volunteersTable(db).get(id);
  return v && !v.deleted ? v : undefined;
}

/** The volunteer a registered person is, if any. */
export async function volunteerOfPerson(db: DeskDatabase, personId: string) {
  const found = await volunteersTable(db).where('personId').equals(personId).toArray();
  return found.find((v) => !v.deleted);
}

/**
 * The ledger: by name, pinyin initials or volunteer number when a query is given
 * (indexed), otherwise everyone, most recently registered first.
 */
export async function listVolunteers(
  db: DeskDatabase,
  query = '',
  limit = 200,
): Promise<Volunteer[]> {
  const table = volunteersTable(db);
  const q = classifyQuery(query);
  const text = q.value.trim();
  const collection = !text
    ? table.orderBy('id').reverse()
    : table
        .where('searchTokens')
        .startsWith(text.toLowerCase())
        .or('volunteerNumber')
        .startsWith(text.toUpperCase())
        .distinct();
  return collection
    .filter((v) => !v.deleted)
    .limit(limit)
    .toArray();
}
