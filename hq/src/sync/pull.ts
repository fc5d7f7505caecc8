import type { Kysely } from 'kysely';
import type { PullResponse, SyncCursor } from '@shared/sync/protocol';
import type { HqTables } from '../db/schema';
import { readChanges, storableSeq } from '../store/changeLog';
import { officeStream } from '../store/offices';

/**
 * One page of changes after the desk's cursor: the office's own stream first, then
 * the reference stream. Only the office's records and shared reference data are ever
 * read: the scope is the authenticated device's office, never a request field.
 */
export async function pullPage(
  db: Kysely<HqTables>,
  officeId: string,
  cursor: SyncCursor,
  limit: number,
  now: Date,
): Promise<PullResponse> {
  const own = await readChanges(db, officeStream(officeId), storableSeq(cursor.office), limit);
  const shared =
    own.length < limit
      ? await readChanges(db, 'reference', storableSeq(cursor.reference), limit - own.length)
      : [];
  const next: SyncCursor = {
    office: own.at(-1)?.seq ?? cursor.office,
    reference: shared.at(-1)?.seq ?? cursor.reference,
  };
  return {
    changes: [
      ...own.map((c) => ({ stream: 'office' as const, ...c })),
      ...shared.map((c) => ({ stream: 'reference' as const, ...c })),
    ],
    cursor: next,
    hasMore: own.length + shared.length >= limit,
    hqTime: now.toISOString(),
  };
}
