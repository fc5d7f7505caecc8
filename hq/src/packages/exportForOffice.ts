import type { Kysely } from 'kysely';
import { AppError } from '@shared/errors/appError';
import type { HqTables } from '../db/schema';
import type { HqKeys } from '../store/hqKeys';
import { officeRecipients } from './officeRecipients';
import { writeOfficePackage, type WrittenPackage } from './returnPackage';

/**
 * A package for an office without a package to answer (the county carries HQ's news
 * out): changes after the LOWEST cursor among the desks that can open it, so every one
 * of them can apply it; a desk that holds some of them already skips those.
 */
export async function exportForOffice(
  db: Kysely<HqTables>,
  keys: HqKeys,
  officeId: string,
  now: Date,
  createdBy = 'HQ',
): Promise<WrittenPackage> {
  const office = await db
    .selectFrom('offices')
    .select('id')
    .where('id', '=', officeId)
    .executeTakeFirst();
  if (!office) throw new AppError({ code: 'not_found', message: `No office ${officeId}.` });
  const desks = await officeRecipients(db, officeId);
  const after = {
    office: Math.min(...desks.map((d) => d.cursor.office)),
    reference: Math.min(...desks.map((d) => d.cursor.reference)),
  };
  return writeOfficePackage(
    db,
    keys,
    { officeId, deviceId: null, answers: null, results: [], after, createdBy },
    now,
  );
}
