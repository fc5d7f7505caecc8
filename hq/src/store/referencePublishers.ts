import type { Transaction } from 'kysely';
import type { HqTables } from '../db/schema';

/**
 * Keeps who published a reference change (its place in the 'reference' stream): the
 * change's snapshot names only 'county', and a calendar year's record is updated in
 * place, so without this its earlier publishers would be lost.
 */
export async function notePublisher(
  trx: Transaction<HqTables>,
  change: { seq: number; kind: string; recordId: string; by: string },
  now: Date,
): Promise<void> {
  await trx
    .insertInto('reference_publishers')
    .values({
      seq: change.seq,
      kind: change.kind,
      record_id: change.recordId,
      published_by: change.by,
      published_at: now.toISOString(),
    })
    .execute();
}
