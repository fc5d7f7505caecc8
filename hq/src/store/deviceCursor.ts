import type { Kysely, Transaction } from 'kysely';
import type { SyncCursor } from '@shared/sync/protocol';
import type { HqTables } from '../db/schema';
import { storableSeq } from './changeLog';

type Db = Kysely<HqTables> | Transaction<HqTables>;

/**
 * Remembers how far a device has read HQ's streams, as it last told HQ (a pull
 * request's cursor, an imported package's): an export for its office starts at the
 * lowest of its desks, so every desk can apply it. The latest report wins, even a lower
 * one: a desk restored from a backup holds less than before.
 */
export async function recordDeviceCursor(
  db: Db,
  deviceId: string,
  cursor: SyncCursor,
): Promise<void> {
  const office = storableSeq(cursor.office);
  const reference = storableSeq(cursor.reference);
  await db
    .updateTable('devices')
    .set({ cursor_office: office, cursor_reference: reference })
    .where('id', '=', deviceId)
    // A pull that moves nothing writes nothing.
    .where((eb) =>
      eb.or([eb('cursor_office', '<>', office), eb('cursor_reference', '<>', reference)]),
    )
    .execute();
}
