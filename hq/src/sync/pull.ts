import type { Kysely } from 'kysely';
import type { SyncCursor } from '@shared/sync/protocol';
import type { HqTables } from '../db/schema';
import { readChangeRows, storableSeq, type StoredChange } from '../store/changeLog';
import { officeStream } from '../store/offices';

/**
 * One page of changes after the desk's cursor: the office's own stream first, then
 * the reference stream. Only the office's records and shared reference data are ever
 * read: the scope is the authenticated device's office, never a request field.
 *
 * The answer is the pull response's JSON text (PullResponse in shared/sync/protocol.ts),
 * with each record written as the snapshot text HQ stored: parsing thousands of
 * snapshots only to serialize them again was most of HQ's work per page.
 */
export async function pullPageJson(
  db: Kysely<HqTables>,
  officeId: string,
  cursor: SyncCursor,
  limit: number,
  now: Date,
): Promise<string> {
  const own = await readChangeRows(db, officeStream(officeId), storableSeq(cursor.office), limit);
  const shared =
    own.length < limit
      ? await readChangeRows(db, 'reference', storableSeq(cursor.reference), limit - own.length)
      : [];
  const next: SyncCursor = {
    office: own.at(-1)?.seq ?? cursor.office,
    reference: shared.at(-1)?.seq ?? cursor.reference,
  };
  const changes = [
    ...own.map((c) => changeJson('office', c)),
    ...shared.map((c) => changeJson('reference', c)),
  ];
  return (
    `{"changes":[${changes.join(',')}],"cursor":${JSON.stringify(next)},` +
    `"hasMore":${own.length + shared.length >= limit},"hqTime":${JSON.stringify(now.toISOString())}}`
  );
}

/** A ServerChange as JSON text; the snapshot is JSON HQ wrote itself (JSON.stringify). */
function changeJson(stream: 'office' | 'reference', c: StoredChange): string {
  return (
    `{"stream":"${stream}","seq":${c.seq},"kind":${JSON.stringify(c.kind)},"record":${c.snapshot}` +
    (c.reason ? `,"reason":${JSON.stringify(c.reason)}` : '') +
    (c.opId ? `,"opId":${JSON.stringify(c.opId)}` : '') +
    '}'
  );
}
