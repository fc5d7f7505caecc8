import type { Kysely, Transaction } from 'kysely';
import type { HqTables } from '../db/schema';

type Db = Kysely<HqTables> | Transaction<HqTables>;

/** Sequence columns are 32-bit on PostgreSQL: a position past this is past every change. */
export const maxStoredSeq = 2_147_483_647;
export const storableSeq = (seq: number) => Math.min(seq, maxStoredSeq);

/**
 * Takes the stream's row lock for the rest of the transaction. Every write to an
 * office's records happens under it, so two HQ processes over one PostgreSQL never
 * merge against a stale record, and sequence numbers are handed out in commit order
 * (a desk's cursor can never skip a change that commits later with a smaller number).
 */
export async function lockStream(trx: Transaction<HqTables>, stream: string): Promise<void> {
  const result = await trx
    .updateTable('streams')
    .set((eb) => ({ seq: eb.ref('seq') }))
    .where('id', '=', stream)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new Error(`Unknown stream ${stream}.`);
}

export interface ChangeRow {
  kind: string;
  recordId: string;
  snapshot: Record<string, unknown>;
  opId: string | null;
  reason?: string | null;
}

/** Appends changes to a stream (caller holds its lock); returns their sequence numbers. */
export async function appendChanges(
  trx: Transaction<HqTables>,
  stream: string,
  rows: ChangeRow[],
  now: Date,
): Promise<number[]> {
  if (rows.length === 0) return [];
  const updated = await trx
    .updateTable('streams')
    .set((eb) => ({ seq: eb('seq', '+', rows.length) }))
    .where('id', '=', stream)
    .returning('seq')
    .executeTakeFirstOrThrow();
  const last = Number(updated.seq);
  const seqs = rows.map((_, i) => last - rows.length + 1 + i);
  await trx
    .insertInto('changes')
    .values(
      rows.map((row, i) => ({
        stream,
        seq: seqs[i] ?? 0,
        kind: row.kind,
        record_id: row.recordId,
        snapshot: JSON.stringify(row.snapshot),
        op_id: row.opId,
        reason: row.reason ?? null,
        created_at: now.toISOString(),
      })),
    )
    .execute();
  return seqs;
}

export async function currentSeq(db: Db, stream: string): Promise<number> {
  const row = await db
    .selectFrom('streams')
    .select('seq')
    .where('id', '=', stream)
    .executeTakeFirst();
  return Number(row?.seq ?? 0);
}

export async function readChanges(db: Db, stream: string, after: number, limit: number) {
  const rows = await db
    .selectFrom('changes')
    .selectAll()
    .where('stream', '=', stream)
    .where('seq', '>', after)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    seq: Number(row.seq),
    kind: row.kind,
    record: JSON.parse(row.snapshot) as Record<string, unknown>,
    ...(row.reason ? { reason: row.reason } : {}),
    ...(row.op_id ? { opId: row.op_id } : {}),
  }));
}
