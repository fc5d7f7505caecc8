import type { Kysely } from 'kysely';
import type { SeqRange } from '@shared/package/manifest';
import type { ServerChange, SyncCursor } from '@shared/sync/protocol';
import type { HqTables } from '../db/schema';
import { readChanges, storableSeq } from '../store/changeLog';
import { officeStream } from '../store/offices';

/** Changes read per query: a package may carry an office's whole history. */
const page = 5000;

/**
 * Everything HQ holds for an office after a cursor — its own stream, then the
 * reference stream — as the same changes a pull returns, with the range of each
 * stream they cover. Stream numbers are handed out in commit order, so what is read
 * is a gap-free run from the cursor on.
 */
export async function officeChangesAfter(
  db: Kysely<HqTables>,
  officeId: string,
  cursor: SyncCursor,
): Promise<{ changes: ServerChange[]; office: SeqRange; reference: SeqRange }> {
  const own = await wholeStream(db, officeStream(officeId), cursor.office);
  const shared = await wholeStream(db, 'reference', cursor.reference);
  return {
    changes: [
      ...own.changes.map((c) => ({ stream: 'office' as const, ...c })),
      ...shared.changes.map((c) => ({ stream: 'reference' as const, ...c })),
    ],
    office: own.range,
    reference: shared.range,
  };
}

async function wholeStream(db: Kysely<HqTables>, stream: string, cursor: number) {
  const after = storableSeq(cursor);
  const changes: Awaited<ReturnType<typeof readChanges>> = [];
  for (;;) {
    const next = await readChanges(db, stream, changes.at(-1)?.seq ?? after, page);
    changes.push(...next);
    if (next.length < page) break;
  }
  return { changes, range: { after, upTo: changes.at(-1)?.seq ?? after } };
}
